import "server-only";
import { db } from "@/lib/db";
import { canTeach } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/validation";
import { cohortForInstructor, cohortForMember, cohortForOwner, membershipWhere, teachingWhere } from "./access";
import { generateJoinCode } from "./join-code";
import type { CohortInput } from "./validation";

const JOIN_CODE_TRIES = 8;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";
const isNotFound = (error: unknown) => (error as { code?: string } | null)?.code === "P2025";

const toExamDate = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Runs `write` with fresh join codes until one is not taken. Codes are
 * short, so a collision is possible in a large installation; the unique
 * index decides, not a read beforehand.
 */
async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_TRIES) throw error;
    }
  }
}

export async function createCohort(ownerId: string, input: CohortInput, now = new Date()) {
  return withFreshJoinCode((joinCode) =>
    db.cohort.create({
      data: {
        name: input.name,
        description: input.description,
        examDate: toExamDate(input.examDate),
        timeZone: input.timeZone,
        ownerId,
        joinCode,
        createdAt: now,
        instructors: { create: { userId: ownerId, role: "owner", addedAt: now } },
      },
      select: { id: true, joinCode: true },
    }),
  );
}

export type TeachingCohortSummary = Awaited<ReturnType<typeof listTeachingCohorts>>[number];

/** Cohorts the instructor owns or co-teaches, newest first, with counts. */
export async function listTeachingCohorts(userId: string) {
  const rows = await db.cohort.findMany({
    where: teachingWhere(userId),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      examDate: true,
      timeZone: true,
      ownerId: true,
      createdAt: true,
      owner: { select: { name: true, email: true } },
      _count: { select: { members: true, assignments: true } },
    },
  });
  return rows.map((c) => ({ ...c, isOwner: c.ownerId === userId }));
}

export type TeachingCohort = NonNullable<Awaited<ReturnType<typeof getTeachingCohort>>>;

/** One cohort the instructor teaches, with its instructors; null for anyone else. */
export async function getTeachingCohort(userId: string, cohortId: string) {
  const cohort = await db.cohort.findFirst({
    where: cohortForInstructor(cohortId, userId),
    select: {
      id: true,
      name: true,
      description: true,
      examDate: true,
      timeZone: true,
      ownerId: true,
      joinCode: true,
      createdAt: true,
      instructors: { orderBy: { addedAt: "asc" }, select: { userId: true, role: true, addedAt: true, user: { select: { name: true, email: true } } } },
      _count: { select: { members: true, assignments: true } },
    },
  });
  return cohort ? { ...cohort, isOwner: cohort.ownerId === userId } : null;
}

/** Name, description, exam date and zone; any instructor of the cohort may edit them. */
export async function updateCohort(userId: string, cohortId: string, input: CohortInput): Promise<boolean> {
  const { count } = await db.cohort.updateMany({
    where: cohortForInstructor(cohortId, userId),
    data: { name: input.name, description: input.description, examDate: toExamDate(input.examDate), timeZone: input.timeZone },
  });
  return count > 0;
}

/** A new join code for the cohort; the old code and link stop working at once. Null without access. */
export async function regenerateJoinCode(userId: string, cohortId: string): Promise<string | null> {
  return withFreshJoinCode(async (joinCode) => {
    const { count } = await db.cohort.updateMany({ where: cohortForInstructor(cohortId, userId), data: { joinCode } });
    return count > 0 ? joinCode : null;
  });
}

/** Deletes the cohort with its memberships, assignments and their attempts. Owner only. */
export async function deleteCohort(userId: string, cohortId: string): Promise<boolean> {
  const { count } = await db.cohort.deleteMany({ where: cohortForOwner(cohortId, userId) });
  return count > 0;
}

export type AddCoInstructorResult =
  | { ok: true; name: string | null; email: string }
  | { ok: false; reason: "not-found" | "no-such-instructor" | "already" };

/**
 * Adds another instructor to a cohort. Only the owner may; the other person
 * must already have an instructor account (an administrator grants that).
 */
export async function addCoInstructor(ownerId: string, cohortId: string, email: string, now = new Date()): Promise<AddCoInstructorResult> {
  const target = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, role: true } });
  if (!target || !canTeach(target.role as Role)) return { ok: false, reason: "no-such-instructor" };
  try {
    // The owner check and the insert are one statement: the update matches only the owner's cohort.
    // Adding someone who already teaches it (the owner included) hits the primary key.
    await db.cohort.update({
      where: cohortForOwner(cohortId, ownerId),
      data: { instructors: { create: { userId: target.id, role: "co-instructor", addedAt: now } } },
      select: { id: true },
    });
  } catch (error) {
    if (isNotFound(error)) return { ok: false, reason: "not-found" };
    if (isUniqueViolation(error)) return { ok: false, reason: "already" };
    throw error;
  }
  return { ok: true, name: target.name, email: target.email };
}

/** Removes a co-instructor (never the owner). Owner only. */
export async function removeCoInstructor(ownerId: string, cohortId: string, userId: string): Promise<boolean> {
  const { count } = await db.cohortInstructor.deleteMany({ where: { cohortId, userId, role: "co-instructor", cohort: { ownerId } } });
  return count > 0;
}

/** A co-instructor steps down from a cohort they do not own. */
export async function leaveTeaching(userId: string, cohortId: string): Promise<boolean> {
  const { count } = await db.cohortInstructor.deleteMany({ where: { cohortId, userId, role: "co-instructor" } });
  return count > 0;
}

export type MemberCohortSummary = Awaited<ReturnType<typeof listMemberCohorts>>[number];

/** Cohorts the candidate belongs to, with their instructors' names; never other members. */
export async function listMemberCohorts(userId: string) {
  return db.cohort.findMany({
    where: membershipWhere(userId),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      examDate: true,
      timeZone: true,
      owner: { select: { name: true } },
      members: { where: { userId }, select: { joinedAt: true } },
      _count: { select: { assignments: true } },
    },
  });
}

/** One cohort as its member sees it; null for anyone who is not a member. */
export async function getMemberCohort(userId: string, cohortId: string) {
  return db.cohort.findFirst({
    where: cohortForMember(cohortId, userId),
    select: {
      id: true,
      name: true,
      description: true,
      examDate: true,
      timeZone: true,
      instructors: { orderBy: { addedAt: "asc" }, select: { role: true, user: { select: { name: true } } } },
      members: { where: { userId }, select: { joinedAt: true } },
    },
  });
}
