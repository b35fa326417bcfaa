import "server-only";
import { db } from "@/lib/db";
import { getBlueprint } from "@/lib/exam/blueprints";
import { estimateReadiness, type ReadinessBand } from "@/lib/exam/readiness";
import { cohortForInstructor, memberOfTaughtCohort } from "./access";
import { normaliseJoinCode } from "./join-code";
import { notifyNewMember } from "./notifications";
import { ATTEMPT_FACT_SELECT, completionGrid, summariseRow } from "./progress";

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** What a join link shows before joining: enough to recognise the group, nothing about its members. */
export async function cohortByJoinCode(rawCode: string, userId?: string) {
  const code = normaliseJoinCode(rawCode);
  if (!code) return null;
  const cohort = await db.cohort.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      description: true,
      examDate: true,
      joinCode: true,
      owner: { select: { name: true } },
      // Only the visitor's own rows: are they already in (or teaching) this cohort?
      members: { where: { userId: userId ?? "" }, select: { userId: true } },
      instructors: { where: { userId: userId ?? "" }, select: { userId: true } },
    },
  });
  if (!cohort) return null;
  const { members, instructors, ...rest } = cohort;
  return { ...rest, isMember: members.length > 0, isInstructor: instructors.length > 0 };
}

export type JoinResult =
  | { ok: true; cohortId: string; name: string; alreadyMember: boolean }
  | { ok: false; reason: "invalid-code" | "unknown-code" | "instructor" };

/**
 * Joins the cohort whose current join code is `rawCode` (any case, with or
 * without separators). Joining twice is harmless. A new member is told
 * about the assignments still to do.
 */
export async function joinCohort(userId: string, rawCode: string, now = new Date()): Promise<JoinResult> {
  const code = normaliseJoinCode(rawCode);
  if (!code) return { ok: false, reason: "invalid-code" };
  const cohort = await db.cohort.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, instructors: { where: { userId }, select: { userId: true } } },
  });
  if (!cohort) return { ok: false, reason: "unknown-code" };
  if (cohort.instructors.length > 0) return { ok: false, reason: "instructor" };
  try {
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId, joinedAt: now, lastActiveAt: now } });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: true, cohortId: cohort.id, name: cohort.name, alreadyMember: true };
    throw error;
  }
  await notifyNewMember(userId, cohort.id, now);
  return { ok: true, cohortId: cohort.id, name: cohort.name, alreadyMember: false };
}

/** A member leaves; their own attempts stay with them but no longer show to the cohort. */
export async function leaveCohort(userId: string, cohortId: string): Promise<boolean> {
  const { count } = await db.cohortMember.deleteMany({ where: { cohortId, userId } });
  return count > 0;
}

/** An instructor of the cohort removes a member. */
export async function removeMember(instructorId: string, cohortId: string, memberId: string): Promise<boolean> {
  const { count } = await db.cohortMember.deleteMany({ where: memberOfTaughtCohort(cohortId, memberId, instructorId) });
  return count > 0;
}

/** Records that a member did something in the cohort (opened it, started or continued an assignment). */
export async function touchMembership(userId: string, cohortId: string, now = new Date()): Promise<void> {
  await db.cohortMember.updateMany({ where: { cohortId, userId }, data: { lastActiveAt: now } });
}

export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  lastActiveAt: Date | null;
  assignmentsDone: number;
  assignmentsDue: number;
  overdue: number;
  meanPercent: number | null;
  readiness: ReadinessBand;
};

/**
 * The members list an instructor sees: join date, last activity (in the
 * cohort or any study in the app), assignments done, mean best score and
 * readiness band. Null when `instructorId` does not teach the cohort.
 * Four queries, whatever the size of the cohort.
 */
export async function listMembers(instructorId: string, cohortId: string, now = new Date()): Promise<MemberRow[] | null> {
  const cohort = await db.cohort.findFirst({
    where: cohortForInstructor(cohortId, instructorId),
    select: {
      members: { orderBy: { joinedAt: "asc" }, select: { userId: true, joinedAt: true, lastActiveAt: true, user: { select: { name: true, email: true } } } },
      assignments: { select: { id: true, opensAt: true, dueAt: true, attemptsAllowed: true } },
    },
  });
  if (!cohort) return null;
  const memberIds = cohort.members.map((m) => m.userId);
  const [attempts, answers] = await Promise.all([
    db.attempt.findMany({
      where: { userId: { in: memberIds }, assignment: { cohortId } },
      select: ATTEMPT_FACT_SELECT,
    }),
    db.answer.findMany({
      where: { userId: { in: memberIds } },
      select: { userId: true, correct: true, answeredAt: true, item: { select: { domain: true } } },
    }),
  ]);
  const grid = completionGrid(memberIds, cohort.assignments, attempts, now);
  const answersBy = new Map<string, { domain: number; correct: boolean; answeredAt: Date }[]>();
  const lastAnswer = new Map<string, Date>();
  for (const a of answers) {
    const list = answersBy.get(a.userId) ?? [];
    list.push({ domain: a.item.domain, correct: a.correct, answeredAt: a.answeredAt });
    answersBy.set(a.userId, list);
    const last = lastAnswer.get(a.userId);
    if (!last || a.answeredAt > last) lastAnswer.set(a.userId, a.answeredAt);
  }
  for (const a of attempts) {
    const at = a.submittedAt ?? a.startedAt;
    const last = lastAnswer.get(a.userId);
    if (!last || at > last) lastAnswer.set(a.userId, at);
  }
  const blueprint = getBlueprint();
  return cohort.members.map((m) => {
    const summary = summariseRow(grid.get(m.userId) ?? new Map());
    const candidates = [m.lastActiveAt, lastAnswer.get(m.userId) ?? null].filter((d): d is Date => d !== null);
    return {
      userId: m.userId,
      name: m.user.name ?? m.user.email,
      email: m.user.email,
      joinedAt: m.joinedAt,
      lastActiveAt: candidates.length ? new Date(Math.max(...candidates.map((d) => d.getTime()))) : null,
      assignmentsDone: summary.done,
      assignmentsDue: summary.due,
      overdue: summary.overdue,
      meanPercent: summary.meanPercent,
      readiness: estimateReadiness({ answers: answersBy.get(m.userId) ?? [], blueprint, now }).band,
    };
  });
}
