import "server-only";
import { env } from "@/lib/env";
import { verifyDecoy, verifyPassword } from "./password";
import { checkLimit, peekCount, recordAttempt, resetLimit } from "./rate-limit";
import { findCredentialsByEmail } from "./users";
import { signInSchema } from "./validation";
import { formatWait } from "./wait";

export const GENERIC_SIGN_IN_ERROR = "Email or password is incorrect.";

/** Longest pause added before checking a password on an account under attack. */
export const MAX_SIGN_IN_DELAY_MS = 5_000;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; error: string; retryAfterSeconds?: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The throttle keys of one sign-in: the account, the account from this address, and this address. */
export function signInKeys(email: string, ip: string) {
  return {
    account: `signin:account:${email}`,
    accountFromIp: ip === "unknown" ? null : `signin:account-ip:${email}|${ip}`,
    ip: ip === "unknown" ? null : `signin:ip:${ip}`,
  };
}

/**
 * Checks credentials with throttling that an attacker cannot turn against
 * the account's owner. Failures are counted three ways in a window:
 *
 * - per account *and* address (SIGNIN_MAX_ATTEMPTS): guessing from one
 *   address stops there, while the owner's own address is unaffected;
 * - per address (4 × SIGNIN_MAX_ATTEMPTS): one address spraying many accounts;
 * - per account (SIGNIN_ACCOUNT_MAX_ATTEMPTS, much higher): guessing from many
 *   addresses. Past SIGNIN_MAX_ATTEMPTS failures every attempt on the account
 *   first waits a growing delay (up to 5 s), which slows guessing and costs
 *   the owner only seconds.
 *
 * Every failure but throttling gives one generic message, so the answer
 * never tells whether an email has an account. `ip` is "unknown" when the
 * server cannot tell the address; then only the account is counted.
 */
export async function authenticate(
  input: { email?: unknown; password?: unknown },
  ip: string,
  now = new Date(),
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: GENERIC_SIGN_IN_ERROR };
  const { email, password } = parsed.data;
  const keys = signInKeys(email, ip);
  const { SIGNIN_MAX_ATTEMPTS: limit, SIGNIN_ACCOUNT_MAX_ATTEMPTS: accountLimit, SIGNIN_WINDOW_SECONDS: window } = env;
  const limits: [string, number][] = [[keys.account, accountLimit]];
  if (keys.accountFromIp) limits.push([keys.accountFromIp, limit]);
  if (keys.ip) limits.push([keys.ip, limit * 4]);

  const states = await Promise.all(limits.map(([key, max]) => checkLimit(key, max, window, now)));
  const blocked = states.filter((s) => !s.allowed);
  if (blocked.length > 0) {
    const retryAfterSeconds = Math.max(...blocked.map((s) => s.retryAfterSeconds));
    return { ok: false, error: `Too many sign-in attempts. Try again in ${formatWait(retryAfterSeconds)}.`, retryAfterSeconds };
  }
  const accountFailures = await peekCount(keys.account, window, now);
  if (accountFailures >= limit) await wait(Math.min(MAX_SIGN_IN_DELAY_MS, 1000 * (accountFailures - limit + 1)));

  const user = await findCredentialsByEmail(email);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false);
  if (!user || !valid) {
    await Promise.all(limits.map(([key]) => recordAttempt(key, window, now)));
    return { ok: false, error: GENERIC_SIGN_IN_ERROR };
  }
  // The owner proved the password: their counters start again.
  await Promise.all([resetLimit(keys.account), keys.accountFromIp ? resetLimit(keys.accountFromIp) : Promise.resolve()]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
