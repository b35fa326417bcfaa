import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mailer as configuredMailer, type Mailer } from "@/lib/mail";
import { checkPasswordStrength } from "./password-strength";
import { checkLimit, recordAttempt, resetLimit } from "./rate-limit";
import { authenticate, signInKeys } from "./sign-in";
import { consumeToken, findLiveToken, issueToken, TOKEN_LIFETIME_MS } from "./tokens";
import { setPassword } from "./users";
import { formatWait } from "./wait";

export type RecoveryResult = { ok: true; message: string } | { ok: false; error: string; field?: string };

export const RESET_REQUESTED_MESSAGE =
  "If an account uses that address, we have sent it a link to choose a new password. It works once, for the next hour. Check your spam folder if it does not arrive in a few minutes.";

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * Asks for a password-reset email. The answer is the same whether or not an
 * account uses the address, and the email is sent after answering (the
 * returned `delivery`), so neither the words nor the time tell. Requests are
 * throttled like sign-ins: per address and per email, counted whether or not
 * the email has an account.
 */
export async function requestPasswordReset(
  input: { email: string; ip: string; baseUrl: string; now?: Date },
  send: Mailer = configuredMailer(),
): Promise<RecoveryResult & { delivery: Promise<void> }> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const window = env.SIGNIN_WINDOW_SECONDS;
  const limits: [string, number][] = [[`reset:account:${email}`, env.SIGNIN_MAX_ATTEMPTS]];
  if (input.ip !== "unknown") limits.push([`reset:ip:${input.ip}`, env.SIGNIN_MAX_ATTEMPTS * 4]);
  const states = await Promise.all(limits.map(([key, max]) => checkLimit(key, max, window, now)));
  const blocked = states.filter((s) => !s.allowed);
  if (blocked.length > 0) {
    const wait = Math.max(...blocked.map((s) => s.retryAfterSeconds));
    return { ok: false, error: `Too many reset requests. Try again in ${formatWait(wait)}.`, delivery: Promise.resolve() };
  }
  await Promise.all(limits.map(([key]) => recordAttempt(key, window, now)));

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  let delivery = Promise.resolve();
  if (user) {
    const token = await issueToken(user.id, "password-reset", now);
    const link = `${input.baseUrl.replace(/\/$/, "")}/reset-password?token=${token}`;
    delivery = send({
      to: user.email,
      subject: "Choose a new Systemic password",
      text: [
        "Someone (we hope you) asked to reset the password of your Systemic account.",
        "",
        `Choose a new password here (the link works once, for ${minutes(TOKEN_LIFETIME_MS["password-reset"])} minutes):`,
        link,
        "",
        "If you did not ask, ignore this email: your password stays as it is.",
      ].join("\n"),
    }).catch((error: unknown) => console.error("[mail] password reset email failed", error));
  }
  return { ok: true, message: RESET_REQUESTED_MESSAGE, delivery };
}

const EXPIRED_LINK = "This link has expired or was already used. Ask for a new one from the sign-in page.";

/** Sets a new password from a reset link; the link is used up and every session of the account ends. */
export async function resetPassword(input: { token: string; password: string; now?: Date }): Promise<RecoveryResult> {
  const now = input.now ?? new Date();
  const row = await findLiveToken(input.token, "password-reset", now);
  if (!row) return { ok: false, error: EXPIRED_LINK };
  // Checked before using the link up, so a refused password does not cost the learner their link.
  const strength = checkPasswordStrength(input.password, [row.user.email, row.user.name]);
  if (!strength.ok) return { ok: false, error: strength.message, field: "password" };
  if (!(await consumeToken(input.token, "password-reset", now))) return { ok: false, error: EXPIRED_LINK };
  await setPassword(row.userId, input.password);
  // The owner proved they hold the address: their sign-in counters start again.
  await resetLimit(signInKeys(row.user.email, "unknown").account);
  await db.accountToken.deleteMany({ where: { userId: row.userId, purpose: "password-reset" } });
  return { ok: true, message: "Your password was changed. Sign in with the new one." };
}

/**
 * Changes the password of a signed-in user who knows the current one
 * (checked through the sign-in throttle). Every session ends, this one
 * included; the browser signs in again with the new password.
 */
export async function changePassword(input: {
  user: { id: string; email: string; name: string | null };
  currentPassword: string;
  newPassword: string;
  ip: string;
}): Promise<RecoveryResult> {
  const current = await authenticate({ email: input.user.email, password: input.currentPassword }, input.ip);
  if (!current.ok) {
    const error = current.retryAfterSeconds ? current.error : "Your current password is not right.";
    return { ok: false, error, field: "currentPassword" };
  }
  if (input.newPassword === input.currentPassword) return { ok: false, error: "Choose a password different from the current one.", field: "newPassword" };
  const strength = checkPasswordStrength(input.newPassword, [input.user.email, input.user.name]);
  if (!strength.ok) return { ok: false, error: strength.message, field: "newPassword" };
  await setPassword(input.user.id, input.newPassword);
  return { ok: true, message: "Your password was changed. Every other device has been signed out." };
}

/**
 * Sends a confirmation link to a new address; the email changes only when
 * that link is followed. The current password is required. Whether another
 * account already uses the address is not told (nothing is sent then).
 */
export async function requestEmailChange(
  input: { user: { id: string; email: string }; currentPassword: string; newEmail: string; ip: string; baseUrl: string; now?: Date },
  send: Mailer = configuredMailer(),
): Promise<RecoveryResult & { delivery: Promise<void> }> {
  const now = input.now ?? new Date();
  const done = Promise.resolve();
  const newEmail = input.newEmail.trim().toLowerCase();
  if (newEmail === input.user.email) return { ok: false, error: "That is already your email.", field: "newEmail", delivery: done };
  const current = await authenticate({ email: input.user.email, password: input.currentPassword }, input.ip, now);
  if (!current.ok) {
    return { ok: false, error: current.retryAfterSeconds ? current.error : "Your current password is not right.", field: "currentPassword", delivery: done };
  }
  const message = `We sent a link to ${newEmail}. Your email changes when you open it (within ${minutes(TOKEN_LIFETIME_MS["email-change"]) / 60} hours).`;
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) return { ok: true, message, delivery: done };
  const token = await issueToken(input.user.id, "email-change", now, newEmail);
  const link = `${input.baseUrl.replace(/\/$/, "")}/confirm-email?token=${token}`;
  const delivery = send({
    to: newEmail,
    subject: "Confirm your new Systemic email",
    text: [
      `Someone signed in to Systemic as ${input.user.email} asked to use this address for their account.`,
      "",
      "Confirm it here (the link works once, for 24 hours):",
      link,
      "",
      "If this was not you, ignore this email and nothing changes.",
    ].join("\n"),
  }).catch((error: unknown) => console.error("[mail] email change confirmation failed", error));
  return { ok: true, message, delivery };
}

/** Follows an email-change link: the account's email becomes the confirmed address, and the old one is told. */
export async function confirmEmailChange(
  input: { token: string; now?: Date },
  send: Mailer = configuredMailer(),
): Promise<RecoveryResult & { delivery: Promise<void> }> {
  const now = input.now ?? new Date();
  const done = Promise.resolve();
  const row = await findLiveToken(input.token, "email-change", now);
  if (!row?.newEmail) return { ok: false, error: "This link has expired or was already used. Ask for a new one in Settings.", delivery: done };
  const newEmail = row.newEmail;
  if (!(await consumeToken(input.token, "email-change", now))) return { ok: false, error: "This link was already used.", delivery: done };
  try {
    await db.user.update({ where: { id: row.userId }, data: { email: newEmail, emailVerified: now } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "Another account now uses that address, so it cannot be yours too.", delivery: done };
    throw error;
  }
  // A reset link sent to the old address must not work any more.
  await db.accountToken.deleteMany({ where: { userId: row.userId, purpose: "password-reset" } });
  const delivery = send({
    to: row.user.email,
    subject: "Your Systemic email was changed",
    text: `The email of your Systemic account was changed from ${row.user.email} to ${newEmail}. From now on, sign in with ${newEmail}.\n\nIf you did not do this, reply to this email.`,
  }).catch((error: unknown) => console.error("[mail] email change notice failed", error));
  return { ok: true, message: `Your email is now ${newEmail}. Use it the next time you sign in.`, delivery };
}
