import "server-only";
import { db } from "@/lib/db";
import { createAttempt, finishExpiredAttempts } from "@/lib/exam/attempts";
import { assignmentForInstructor, assignmentForMember, cohortForInstructor, membershipWhere, setForOwner } from "./access";
import { touchMembership } from "./members";
import { notifyAssignment } from "./notifications";
import { ATTEMPT_FACT_SELECT, cellFor, memberState, startDecision, type Cell, type MemberAssignmentState } from "./progress";
import { zonedLocalToUtc } from "./time";
import type { AssignmentInput, AssignmentMode, AssignmentUpdateInput } from "./validation";

const parseIds = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

/** Live items of a set, in the set's order: the bank's and the set owner's own (retired ones are never served). */
export async function liveSetItemIds(set: { itemIds: string; ownerId: string }): Promise<string[]> {
  const ids = parseIds(set.itemIds);
  const live = await db.item.findMany({
    where: { id: { in: ids }, retiredAt: null, OR: [{ ownerId: null }, { ownerId: set.ownerId }] },
    select: { id: true },
  });
  const ok = new Set(live.map((i) => i.id));
  return ids.filter((id) => ok.has(id));
}

export type CreateAssignmentResult =
  | { ok: true; assignmentId: string; notified: number }
  | { ok: false; reason: "not-found" | "set-not-found" | "set-empty" | "due-in-past" };

/**
 * Assigns one of the instructor's question sets to a cohort they teach.
 * Dates are local date-times in the cohort's zone. Every current member
 * gets an in-app notification in the same transaction.
 */
export async function createAssignment(userId: string, input: AssignmentInput, now = new Date()): Promise<CreateAssignmentResult> {
  const [cohort, set] = await Promise.all([
    db.cohort.findFirst({
      where: cohortForInstructor(input.cohortId, userId),
      select: { id: true, name: true, timeZone: true, members: { select: { userId: true, user: { select: { timeZone: true } } } } },
    }),
    db.questionSet.findFirst({ where: setForOwner(input.setId, userId), select: { id: true, itemIds: true, ownerId: true } }),
  ]);
  if (!cohort) return { ok: false, reason: "not-found" };
  if (!set) return { ok: false, reason: "set-not-found" };
  if ((await liveSetItemIds(set)).length === 0) return { ok: false, reason: "set-empty" };
  const opensAt = zonedLocalToUtc(input.opensAt, cohort.timeZone)!;
  const dueAt = zonedLocalToUtc(input.dueAt, cohort.timeZone)!;
  if (dueAt <= now) return { ok: false, reason: "due-in-past" };

  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: {
        cohortId: cohort.id,
        setId: set.id,
        title: input.title,
        opensAt,
        dueAt,
        mode: input.mode,
        timeLimitMin: input.mode === "timed" ? input.timeLimitMin : null,
        attemptsAllowed: input.attemptsAllowed,
        createdById: userId,
        createdAt: now,
      },
      select: { id: true, cohortId: true, title: true, dueAt: true },
    });
    const notified = await notifyAssignment(
      tx,
      assignment,
      cohort.name,
      cohort.members.map((m) => ({ userId: m.userId, timeZone: m.user.timeZone })),
      now,
    );
    return { ok: true as const, assignmentId: assignment.id, notified };
  });
}

/** Title, window and attempts of an assignment; mode and set stay as assigned, since attempts depend on them. */
export async function updateAssignment(userId: string, input: AssignmentUpdateInput): Promise<boolean> {
  const current = await db.assignment.findFirst({ where: assignmentForInstructor(input.assignmentId, userId), select: { cohort: { select: { timeZone: true } } } });
  if (!current) return false;
  const { count } = await db.assignment.updateMany({
    where: assignmentForInstructor(input.assignmentId, userId),
    data: {
      title: input.title,
      opensAt: zonedLocalToUtc(input.opensAt, current.cohort.timeZone)!,
      dueAt: zonedLocalToUtc(input.dueAt, current.cohort.timeZone)!,
      attemptsAllowed: input.attemptsAllowed,
    },
  });
  return count > 0;
}

/** Deletes an assignment and its members' attempts on it. */
export async function deleteAssignment(userId: string, assignmentId: string): Promise<{ cohortId: string } | null> {
  const target = await db.assignment.findFirst({ where: assignmentForInstructor(assignmentId, userId), select: { cohortId: true } });
  if (!target) return null;
  const { count } = await db.assignment.deleteMany({ where: assignmentForInstructor(assignmentId, userId) });
  return count > 0 ? target : null;
}

/** One assignment as its instructors see it (for the edit form and the analysis page). */
export async function getTeachingAssignment(userId: string, cohortId: string, assignmentId: string) {
  return db.assignment.findFirst({
    where: { ...assignmentForInstructor(assignmentId, userId), cohortId },
    select: {
      id: true,
      cohortId: true,
      title: true,
      opensAt: true,
      dueAt: true,
      mode: true,
      timeLimitMin: true,
      attemptsAllowed: true,
      createdAt: true,
      cohort: { select: { name: true, timeZone: true } },
      set: { select: { id: true, title: true, ownerId: true, itemIds: true } },
    },
  });
}

export type MemberAssignment = {
  id: string;
  cohortId: string;
  cohortName: string;
  cohortTimeZone: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  mode: AssignmentMode;
  timeLimitMin: number | null;
  attemptsAllowed: number;
  itemCount: number;
  cell: Cell;
  state: MemberAssignmentState;
};

/** What a member's view of an assignment reads, shared by the list and the single view. */
const MEMBER_ASSIGNMENT_SELECT = {
  id: true,
  cohortId: true,
  title: true,
  opensAt: true,
  dueAt: true,
  mode: true,
  timeLimitMin: true,
  attemptsAllowed: true,
  cohort: { select: { name: true, timeZone: true } },
  set: { select: { itemIds: true } },
} as const;

const asMode = (mode: string): AssignmentMode => (mode === "tutor" || mode === "timed" ? mode : "quiz");

/**
 * The member's assignments across their cohorts (or in one), soonest due
 * first, each with its state for this member. Two queries.
 */
export async function listMemberAssignments(userId: string, now = new Date(), cohortId?: string): Promise<MemberAssignment[]> {
  // A phone left asleep during a timed attempt: submit it at its deadline so it counts.
  await finishExpiredAttempts(userId, now);
  const assignments = await db.assignment.findMany({
    where: { cohort: membershipWhere(userId), ...(cohortId ? { cohortId } : {}) },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: MEMBER_ASSIGNMENT_SELECT,
  });
  const attempts = assignments.length
    ? await db.attempt.findMany({
        where: { userId, assignmentId: { in: assignments.map((a) => a.id) } },
        select: ATTEMPT_FACT_SELECT,
      })
    : [];
  return assignments.map((a) => {
    const cell = cellFor(a, attempts.filter((t) => t.assignmentId === a.id), now);
    return {
      id: a.id,
      cohortId: a.cohortId,
      cohortName: a.cohort.name,
      cohortTimeZone: a.cohort.timeZone,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      mode: asMode(a.mode),
      timeLimitMin: a.timeLimitMin,
      attemptsAllowed: a.attemptsAllowed,
      itemCount: parseIds(a.set.itemIds).length,
      cell,
      state: memberState(a, cell, now),
    };
  });
}

/** One assignment as a member sees it, with their own attempts; null for non-members. */
export async function getMemberAssignment(userId: string, cohortId: string, assignmentId: string, now = new Date()) {
  await finishExpiredAttempts(userId, now);
  const assignment = await db.assignment.findFirst({
    where: { ...assignmentForMember(assignmentId, userId), cohortId },
    select: { ...MEMBER_ASSIGNMENT_SELECT, set: { select: { itemIds: true, description: true } } },
  });
  if (!assignment) return null;
  const attempts = await db.attempt.findMany({
    where: { userId, assignmentId },
    orderBy: { startedAt: "asc" },
    select: ATTEMPT_FACT_SELECT,
  });
  const cell = cellFor(assignment, attempts, now);
  return {
    ...assignment,
    mode: asMode(assignment.mode),
    itemCount: parseIds(assignment.set.itemIds).length,
    attempts,
    cell,
    state: memberState(assignment, cell, now),
    decision: startDecision(assignment, attempts, now),
  };
}

export type StartAssignmentResult =
  | { ok: true; attemptId: string; resumed: boolean }
  | { ok: false; reason: "not-found" | "not-open" | "no-attempts-left" | "empty" };

/**
 * Starts the member's next attempt at an assignment (or returns the one
 * still running) through the exam engine, with the assignment's mode, time
 * limit and the set's live items in the set's order.
 */
export async function startAssignmentAttempt(userId: string, assignmentId: string, now = new Date()): Promise<StartAssignmentResult> {
  const assignment = await db.assignment.findFirst({
    where: assignmentForMember(assignmentId, userId),
    select: { id: true, cohortId: true, title: true, mode: true, timeLimitMin: true, attemptsAllowed: true, opensAt: true, dueAt: true, set: { select: { itemIds: true, ownerId: true } } },
  });
  if (!assignment) return { ok: false, reason: "not-found" };
  await finishExpiredAttempts(userId, now);
  const attempts = await db.attempt.findMany({
    where: { userId, assignmentId },
    select: ATTEMPT_FACT_SELECT,
  });
  const decision = startDecision(assignment, attempts, now);
  if (decision.kind === "refuse") return { ok: false, reason: decision.reason };
  await touchMembership(userId, assignment.cohortId, now);
  if (decision.kind === "continue") return { ok: true, attemptId: decision.attemptId, resumed: true };

  const itemIds = await liveSetItemIds(assignment.set);
  if (itemIds.length === 0) return { ok: false, reason: "empty" };
  const mode = asMode(assignment.mode);
  const created = await createAttempt(
    userId,
    {
      kind: "assignment",
      mode,
      itemIds,
      timeLimitSec: mode === "timed" && assignment.timeLimitMin ? assignment.timeLimitMin * 60 : null,
      spec: { label: assignment.title, cohortId: assignment.cohortId, assignmentId: assignment.id },
      assignmentId: assignment.id,
    },
    now,
  );
  if (!created.ok) {
    // The set was checked just above; anything else is a bug worth a log line.
    console.error("[assignments] createAttempt refused", created);
    return { ok: false, reason: "empty" };
  }
  return { ok: true, attemptId: created.attempt.id, resumed: false };
}

/** The member's own attempt at one of their cohort's assignments (for the exam screen route). */
export async function memberAttemptOnAssignment(userId: string, cohortId: string, assignmentId: string, attemptId: string) {
  return db.attempt.findFirst({
    where: { id: attemptId, userId, assignmentId, assignment: { cohortId, cohort: membershipWhere(userId) } },
    select: { id: true, submittedAt: true },
  });
}
