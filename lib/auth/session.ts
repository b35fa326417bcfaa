import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { userOfSession } from "./session-version";
import type { CurrentUser } from "./users";
import { canTeach } from "./roles";

/**
 * The signed-in user, read fresh from the database once per request (so a
 * role change, a deleted account or ended sessions take effect at once), or null.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userOfSession(await getServerSession(authOptions)));

export async function requireUser(callbackUrl = "/dashboard"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

export { canTeach };

/** Instructors and admins; anyone else gets the 403 page. */
export async function requireInstructor(callbackUrl = "/teach"): Promise<CurrentUser> {
  const user = await requireUser(callbackUrl);
  if (!canTeach(user.role)) forbidden();
  return user;
}
