import "server-only";
import { env } from "@/lib/env";
import { verifyDecoy, verifyPassword } from "./password";
import { checkLimit, recordAttempt, resetLimit } from "./rate-limit";
import { findCredentialsByEmail } from "./users";
import { signInSchema } from "./validation";


export const GENERIC_SIGN_IN_ERROR = "Email or password is incorrect.";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; error: string; retryAfterSeconds?: number };

/**
 * Checks credentials with throttling per account and per IP address. Every
 * failure but throttling gives one generic message, so the answer never tells
 * whether an email has an account.
 */
export async function authenticate(input: { email?: unknown; password?: unknown }, ip: string, now = new Date()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: GENERIC_SIGN_IN_ERROR };
  const { email, password } = parsed.data;
  // Without a proxy-supplied address every client would share one bucket,
  // and one attacker could lock everybody out: throttle by account only.
  const keys = ip === "unknown" ? [`signin:account:${email}`] : [`signin:account:${email}`, `signin:ip:${ip}`];
  const { SIGNIN_MAX_ATTEMPTS: limit, SIGNIN_WINDOW_SECONDS: window } = env;

  const states = await Promise.all(keys.map((key) => checkLimit(key, limit, window, now)));
  const blocked = states.filter((s) => !s.allowed);
  if (blocked.length > 0) {
    const retryAfterSeconds = Math.max(...blocked.map((s) => s.retryAfterSeconds));
    return { ok: false, error: `Too many sign-in attempts. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds };
  }

  const user = await findCredentialsByEmail(email);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false);
  if (!user || !valid) {
    await Promise.all(keys.map((key) => recordAttempt(key, window, now)));
    return { ok: false, error: GENERIC_SIGN_IN_ERROR };
  }
  await resetLimit(keys[0]!);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
