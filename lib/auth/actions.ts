"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { action, authedAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { checkLimit, recordAttempt } from "./rate-limit";
import { clientIp } from "./client-ip";
import { endAllSessions } from "./session-version";
import { checkPasswordStrength } from "./password-strength";
import { changePassword, confirmEmailChange, requestEmailChange, requestPasswordReset, resetPassword } from "./recovery";
import { createUser, deleteUser, updateProfile } from "./users";
import {
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailSchema,
  deleteAccountSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  settingsSchema,
  signUpSchema,
} from "./validation";
import { formatWait } from "./wait";

/** The site's address for links in emails: NEXTAUTH_URL, or the host the request came to. */
async function siteUrl(): Promise<string> {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL;
  const h = await headers();
  const host = h.get("host") ?? `localhost:${process.env.PORT ?? 3000}`;
  return `${h.get("x-forwarded-proto") === "https" ? "https" : "http"}://${host}`;
}

export const signUp = action(signUpSchema, async (input) => {
  // Sign-ups share the sign-in throttle's window, per IP, with more room.
  const ip = clientIp(await headers());
  if (ip !== "unknown") {
    const key = `signup:ip:${ip}`;
    const limit = await checkLimit(key, env.SIGNIN_MAX_ATTEMPTS * 4, env.SIGNIN_WINDOW_SECONDS);
    if (!limit.allowed) return { ok: false, error: `Too many sign-ups from this network. Try again in ${formatWait(limit.retryAfterSeconds)}.` };
    await recordAttempt(key, env.SIGNIN_WINDOW_SECONDS);
  }
  const strength = checkPasswordStrength(input.password, [input.email, input.name]);
  if (!strength.ok) return { ok: false, error: strength.message, fieldErrors: { password: strength.message } };
  const result = await createUser(input);
  if (!result.ok) {
    return {
      ok: false,
      error: "An account with this email already exists.",
      fieldErrors: { email: "An account with this email already exists. Sign in instead, or use another email." },
    };
  }
  return { ok: true, data: { email: result.user.email } };
});

export const updateSettings = authedAction(settingsSchema, async (input, user) => {
  const updated = await updateProfile(user.id, input);
  return { ok: true, data: { name: updated.name ?? "", timeZone: updated.timeZone }, message: "Settings saved." };
});

export const deleteAccount = authedAction(deleteAccountSchema, async (input, user) => {
  if (input.confirmEmail !== user.email) {
    return { ok: false, error: "Type your account email to confirm.", fieldErrors: { confirmEmail: `Type ${user.email} to confirm` } };
  }
  await deleteUser(user.id);
  return { ok: true, data: undefined, message: "Your account and all its data were deleted." };
});

/** Ends every session of the account, on every device; the browser then signs out too. */
export const signOutEverywhere = authedAction(z.object({}), async (_input, user) => {
  await endAllSessions(user.id);
  return { ok: true, data: undefined, message: "You are signed out on every device." };
});

export const forgotPassword = action(forgotPasswordSchema, async (input) => {
  const result = await requestPasswordReset({ email: input.email, ip: clientIp(await headers()), baseUrl: await siteUrl() });
  // Sent after the answer, so the time taken does not tell whether the account exists.
  after(() => result.delivery);
  return result.ok ? { ok: true, data: undefined, message: result.message } : { ok: false, error: result.error };
});

export const resetPasswordWithToken = action(resetPasswordSchema, async (input) => {
  const result = await resetPassword({ token: input.token, password: input.password });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
  return { ok: true, data: undefined, message: result.message };
});

export const changeOwnPassword = authedAction(changePasswordSchema, async (input, user) => {
  const result = await changePassword({ user, currentPassword: input.currentPassword, newPassword: input.newPassword, ip: clientIp(await headers()) });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
  return { ok: true, data: { email: user.email }, message: result.message };
});

export const changeOwnEmail = authedAction(changeEmailSchema, async (input, user) => {
  const result = await requestEmailChange({
    user,
    currentPassword: input.currentPassword,
    newEmail: input.newEmail,
    ip: clientIp(await headers()),
    baseUrl: await siteUrl(),
  });
  after(() => result.delivery);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
  return { ok: true, data: undefined, message: result.message };
});

export const confirmNewEmail = action(confirmEmailSchema, async (input) => {
  const result = await confirmEmailChange({ token: input.token });
  after(() => result.delivery);
  return result.ok ? { ok: true, data: undefined, message: result.message } : { ok: false, error: result.error };
});
