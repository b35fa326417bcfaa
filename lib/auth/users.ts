import "server-only";
import DataLoader from "dataloader";
import { db } from "@/lib/db";
import { jsonTextList, resolveDatabase } from "@/lib/db/config";
import { srsSettingsColumnsSql, srsSettingsOf, type LearnerSrsSettings, type SrsSettingsRow } from "@/lib/srs/settings-store";
import { hashPassword } from "./password";
import type { Role, SettingsInput, SignUpInput } from "./validation";
import { ROLES } from "./validation";

/** What pages may know about the signed-in user. */
export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
  examDate: true,
  createdAt: true,
} as const;

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  timeZone: string;
  examDate: Date | null;
  createdAt: Date;
};

function toCurrentUser(row: { role: string } & Omit<CurrentUser, "role">): CurrentUser {
  return { ...row, role: (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : "candidate" };
}

export async function findUserById(id: string): Promise<CurrentUser | null> {
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  return row ? toCurrentUser(row) : null;
}

/** The user, if their sessions have not been ended since `sessionVersion` was issued. */
export async function findUserWithSessionVersion(id: string, sessionVersion: number): Promise<CurrentUser | null> {
  return (await findLearnerWithSessionVersion(id, sessionVersion))?.user ?? null;
}

/** As {@link findUserWithSessionVersion}, with the learner's review settings from the same query. */
export async function findLearnerWithSessionVersion(id: string, sessionVersion: number): Promise<{ user: CurrentUser; settings: LearnerSrsSettings } | null> {
  const row = await learners.load(id);
  if (!row || row.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _version, settingsUserId, desiredRetention, newPerDay, maxReviewsPerDay, maximumInterval, learningSteps, relearningSteps, enableFuzz, rolloverHour, parameters, parametersFitAt, ...user } = row;
  const settings =
    settingsUserId === null ? null : { desiredRetention, newPerDay, maxReviewsPerDay, maximumInterval, learningSteps, relearningSteps, enableFuzz, rolloverHour, parameters, parametersFitAt };
  return { user: toCurrentUser(user), settings: srsSettingsOf(settings) };
}

type LearnerRow = Omit<CurrentUser, "role"> &
  Omit<SrsSettingsRow, "enableFuzz"> & {
    role: string;
    sessionVersion: number;
    /** null when the learner never saved settings (the LEFT JOIN found no row). */
    settingsUserId: string | null;
    /** SQLite returns booleans of a raw query as 0/1. */
    enableFuzz: boolean | number;
  };

const LEARNER_COLUMNS = `u."id", u."email", u."name", u."role", u."timeZone", u."examDate", u."createdAt", u."sessionVersion",
  s."userId" AS "settingsUserId", ${srsSettingsColumnsSql("s")}`;
const LEARNERS_SQL = {
  sqlite: `SELECT ${LEARNER_COLUMNS} FROM "User" AS u LEFT JOIN "SrsSettings" AS s ON s."userId" = u."id" WHERE u."id" IN ${jsonTextList("sqlite", "?")}`,
  postgresql: `SELECT ${LEARNER_COLUMNS} FROM "User" AS u LEFT JOIN "SrsSettings" AS s ON s."userId" = u."id" WHERE u."id" IN ${jsonTextList("postgresql", "$1")}`,
};

/**
 * Every request of a signed-in user reads the user fresh (so a role change,
 * a deleted account or "sign out everywhere" takes effect on the next call).
 * The reads that arrive in the same turn of the event loop are made as one
 * query, with the learner's review settings joined in: under load that is
 * one statement for many requests instead of two (user, then settings) each.
 * Nothing is cached between turns.
 */
const learners = new DataLoader<string, LearnerRow | null>(
  async (ids) => {
    const rows = await db.$queryRawUnsafe<LearnerRow[]>(LEARNERS_SQL[resolveDatabase().provider], JSON.stringify(ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  { cache: false, maxBatchSize: 256, batchScheduleFn: (callback) => setImmediate(callback) },
);

export async function findCredentialsByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } });
}

export type CreateUserResult = { ok: true; user: CurrentUser } | { ok: false; reason: "email-taken" };

export async function createUser(input: SignUpInput, role: Role = "candidate"): Promise<CreateUserResult> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, reason: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, timeZone: input.timeZone, role },
      select: userSelect,
    });
    return { ok: true, user: toCurrentUser(user) };
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index wins.
    if ((error as { code?: string }).code === "P2002") return { ok: false, reason: "email-taken" };
    throw error;
  }
}

export async function updateProfile(userId: string, input: SettingsInput): Promise<CurrentUser> {
  const user = await db.user.update({
    where: { id: userId },
    data: { name: input.name, timeZone: input.timeZone, examDate: input.examDate ? new Date(`${input.examDate}T00:00:00Z`) : null },
    select: userSelect,
  });
  return toCurrentUser(user);
}

/** Changes the role and ends the user's sessions, so every device signs in again under the new role. */
export async function setRole(email: string, role: Role): Promise<CurrentUser | null> {
  const { count } = await db.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { role, sessionVersion: { increment: 1 } } });
  if (count === 0) return null;
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: userSelect });
  return user ? toCurrentUser(user) : null;
}

/** Sets a new password and ends every session of the user (a stolen cookie stops working with the old password). */
export async function setPassword(userId: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  return count > 0;
}

/** Deletes the account and, through cascading relations, everything it owns. */
export async function deleteUser(userId: string): Promise<boolean> {
  const { count } = await db.user.deleteMany({ where: { id: userId } });
  return count > 0;
}
