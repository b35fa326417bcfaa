import "server-only";
import type { Prisma } from "@/lib/db/client";

/**
 * Who may see what, as where-clauses. Every cohort query in the app builds
 * on these, so access is decided by the database in the same query that
 * reads or writes the row (never by fetching first and checking after).
 *
 * - An instructor reaches a cohort they own or co-teach (a CohortInstructor row).
 * - Only the owner manages co-instructors and deletes the cohort.
 * - A member reaches a cohort they belong to, and its assignments.
 * - Question sets and instructors' own items belong to one instructor.
 */

/** Cohorts `userId` teaches (owner or co-instructor). */
export const teachingWhere = (userId: string): Prisma.CohortWhereInput => ({ instructors: { some: { userId } } });

/** One cohort, if `userId` teaches it. */
export const cohortForInstructor = (cohortId: string, userId: string) => ({ id: cohortId, ...teachingWhere(userId) }) satisfies Prisma.CohortWhereInput;

/** One cohort, if `userId` owns it. */
export const cohortForOwner = (cohortId: string, userId: string) => ({ id: cohortId, ownerId: userId }) satisfies Prisma.CohortWhereInput;

/** Cohorts `userId` is a member of. */
export const membershipWhere = (userId: string): Prisma.CohortWhereInput => ({ members: { some: { userId } } });

/** One cohort, if `userId` is a member. */
export const cohortForMember = (cohortId: string, userId: string) => ({ id: cohortId, ...membershipWhere(userId) }) satisfies Prisma.CohortWhereInput;

/** One assignment, if `userId` teaches its cohort. */
export const assignmentForInstructor = (assignmentId: string, userId: string) =>
  ({ id: assignmentId, cohort: teachingWhere(userId) }) satisfies Prisma.AssignmentWhereInput;

/** One assignment of a given cohort, if `userId` teaches that cohort. */
export const cohortAssignmentForInstructor = (cohortId: string, assignmentId: string, userId: string) =>
  ({ id: assignmentId, cohortId, cohort: teachingWhere(userId) }) satisfies Prisma.AssignmentWhereInput;

/** One assignment, if `userId` is a member of its cohort. */
export const assignmentForMember = (assignmentId: string, userId: string) =>
  ({ id: assignmentId, cohort: membershipWhere(userId) }) satisfies Prisma.AssignmentWhereInput;

/** One question set, if `userId` wrote it. */
export const setForOwner = (setId: string, userId: string) => ({ id: setId, ownerId: userId }) satisfies Prisma.QuestionSetWhereInput;

/** One of `userId`'s own items. */
export const ownItem = (itemId: string, userId: string) => ({ id: itemId, ownerId: userId }) satisfies Prisma.ItemWhereInput;

/** Live items an instructor may put in a set: the bank and their own. */
export const itemsUsableBy = (userId: string): Prisma.ItemWhereInput => ({ retiredAt: null, OR: [{ ownerId: null }, { ownerId: userId }] });

/** Members of cohorts `instructorId` teaches (for looking up a member row by cohort). */
export const memberOfTaughtCohort = (cohortId: string, memberId: string, instructorId: string) =>
  ({ cohortId, userId: memberId, cohort: teachingWhere(instructorId) }) satisfies Prisma.CohortMemberWhereInput;
