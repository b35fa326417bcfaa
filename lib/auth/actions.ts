"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action, authedAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { checkLimit, recordAttempt } from "./rate-limit";
import { clientIp } from "./client-ip";
import { endAllSessions } from "./session-version";
import { createUser, deleteUser, updateProfile } from "./users";
import { deleteAccountSchema, settingsSchema, signUpSchema } from "./validation";

export const signUp = action(signUpSchema, async (input) => {
  // Sign-ups share the sign-in throttle's window, per IP, with more room.
  const ip = clientIp(await headers());
  if (ip !== "unknown") {
    const key = `signup:ip:${ip}`;
    const limit = await checkLimit(key, env.SIGNIN_MAX_ATTEMPTS * 4, env.SIGNIN_WINDOW_SECONDS);
    if (!limit.allowed) return { ok: false, error: `Too many sign-ups from this network. Try again in ${limit.retryAfterSeconds} s.` };
    await recordAttempt(key, env.SIGNIN_WINDOW_SECONDS);
  }
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
