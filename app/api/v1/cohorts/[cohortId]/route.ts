import { apiError, json, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { listMemberAssignments } from "@/lib/cohorts/assignments";
import { getMemberCohort, getTeachingCohort } from "@/lib/cohorts/cohorts";
import { cohortOverview } from "@/lib/cohorts/results";

export const dynamic = "force-dynamic";

/**
 * One cohort: for its instructors the completion grid, mastery and means;
 * for a member the cohort and their own assignments only; for anyone else 404.
 */
export const GET = withUser<{ params: Promise<{ cohortId: string }> }>(async (_request, user, { params }) => {
  const { cohortId } = await params;
  const now = new Date();
  if (canTeach(user.role)) {
    const [cohort, overview] = await Promise.all([getTeachingCohort(user.id, cohortId), cohortOverview(user.id, cohortId, now)]);
    if (cohort && overview) {
      return json({
        role: cohort.isOwner ? "owner" : "co-instructor",
        cohort: { id: cohort.id, name: cohort.name, description: cohort.description, examDate: cohort.examDate, timeZone: cohort.timeZone, joinCode: cohort.joinCode },
        assignments: overview.assignments,
        members: overview.members.map((m) => ({
          userId: m.userId,
          name: m.name,
          email: m.email,
          done: m.done,
          overdue: m.overdue,
          meanPercent: m.meanPercent,
          cells: m.cells.map((c) => ({ status: c.status, bestPercent: c.bestPercent, attemptsUsed: c.attemptsUsed })),
        })),
        meanPercent: overview.meanPercent,
        mastery: overview.mastery,
      });
    }
  }
  const cohort = await getMemberCohort(user.id, cohortId);
  if (!cohort) return apiError(404, "not-found", "No such cohort.");
  const assignments = await listMemberAssignments(user.id, now, cohortId);
  return json({
    role: "member",
    cohort: { id: cohort.id, name: cohort.name, description: cohort.description, examDate: cohort.examDate, timeZone: cohort.timeZone },
    assignments: assignments.map((a) => ({
      id: a.id,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      mode: a.mode,
      timeLimitMin: a.timeLimitMin,
      attemptsAllowed: a.attemptsAllowed,
      attemptsUsed: a.cell.attemptsUsed,
      state: a.state,
      bestPercent: a.cell.bestPercent,
    })),
  });
});
