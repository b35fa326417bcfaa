import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { formatInZone } from "./time";

type Tx = Pick<Db, "notification">;

export const assignmentHref = (cohortId: string, assignmentId: string) => `/cohorts/${cohortId}/assignments/${assignmentId}`;

type NewAssignment = { id: string; cohortId: string; title: string; dueAt: Date };

/** One in-app notification per member for a new assignment, with the due date in each member's zone. */
export async function notifyAssignment(
  tx: Tx,
  assignment: NewAssignment,
  cohortName: string,
  members: readonly { userId: string; timeZone: string }[],
  now: Date,
): Promise<number> {
  if (members.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: members.map((m) => assignmentNotice(assignment, cohortName, m, now)) });
  return count;
}

function assignmentNotice(assignment: NewAssignment, cohortName: string, member: { userId: string; timeZone: string }, now: Date) {
  return {
    userId: member.userId,
    kind: "assignment",
    title: `New assignment: ${assignment.title}`,
    body: `${cohortName} · due ${formatInZone(assignment.dueAt, member.timeZone)}`,
    href: assignmentHref(assignment.cohortId, assignment.id),
    createdAt: now,
  };
}

/**
 * Someone who joins after assignments were set is told about the ones still
 * to do, as if they had been there when they were assigned.
 */
export async function notifyNewMember(userId: string, cohortId: string, now: Date): Promise<number> {
  const [user, cohort] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }),
    db.cohort.findFirst({
      where: { id: cohortId, members: { some: { userId } } },
      select: { name: true, assignments: { where: { dueAt: { gt: now } }, orderBy: { dueAt: "asc" }, select: { id: true, cohortId: true, title: true, dueAt: true } } },
    }),
  ]);
  if (!user || !cohort || cohort.assignments.length === 0) return 0;
  const member = { userId, timeZone: user.timeZone };
  const { count } = await db.notification.createMany({ data: cohort.assignments.map((a) => assignmentNotice(a, cohort.name, member, now)) });
  return count;
}

export async function listNotifications(userId: string, take = 50) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
  });
}

export async function unreadNotificationCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the user's notifications pointing at `href` read: opening the thing is reading the notice. */
export async function markReadByHref(userId: string, href: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, href, readAt: null }, data: { readAt: now } });
  return count;
}

/** Marks one of the user's notifications read; false when the user has no such notification (already read counts as done). */
export async function markNotificationRead(userId: string, notificationId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: now } });
  if (count > 0) return true;
  return (await db.notification.count({ where: { id: notificationId, userId } })) > 0;
}

export async function markAllNotificationsRead(userId: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
