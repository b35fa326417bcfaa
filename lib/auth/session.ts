import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { findUserById, type CurrentUser } from "./users";
import { canTeach } from "./roles";

/**
 * The signed-in user, read fresh from the database once per request (so a
 * role change or a deleted account takes effect at once), or null.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? findUserById(id) : null;
});

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
