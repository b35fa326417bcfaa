import "server-only";
import type { Session } from "next-auth";
import { db } from "@/lib/db";
import { findUserWithSessionVersion, type CurrentUser } from "./users";

/**
 * Session cookies are signed JWTs that no server can delete, so each one
 * carries the user's session version from when it was issued, and every
 * request checks it against the database: bumping the version ends every
 * session of the user at once (sign out everywhere, a password or role
 * change). Cookies issued before versions existed count as version 0.
 */
export function sessionVersionOf(session: Session | null): number {
  const version = (session?.user as { sv?: unknown } | undefined)?.sv;
  return typeof version === "number" && Number.isInteger(version) ? version : 0;
}

/**
 * The session's user, read fresh from the database (so a role change or a
 * deleted account takes effect at once), or null when there is none or the
 * session was issued before the user's sessions were ended.
 */
export async function userOfSession(session: Session | null): Promise<CurrentUser | null> {
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? findUserWithSessionVersion(id, sessionVersionOf(session)) : null;
}

/** The user's current session version (put into a cookie when it is issued). */
export async function currentSessionVersion(userId: string): Promise<number> {
  return (await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
}

/** Ends every session of the user: cookies issued before this call stop working on their next request. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
