import { json, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { listMemberAssignments } from "@/lib/cohorts/assignments";
import { listMemberCohorts, listTeachingCohorts } from "@/lib/cohorts/cohorts";

export const dynamic = "force-dynamic";

/** The user's cohorts (as a member, with their assignments) and, for instructors, the cohorts they teach. */
export const GET = withUser(async (_request, user) => {
  const now = new Date();
  const [member, assignments, teaching] = await Promise.all([
    listMemberCohorts(user.id),
    listMemberAssignments(user.id, now),
    canTeach(user.role) ? listTeachingCohorts(user.id) : Promise.resolve([]),
  ]);
  return json({
    member: member.map((c) => ({ id: c.id, name: c.name, description: c.description, examDate: c.examDate, timeZone: c.timeZone, instructor: c.owner.name })),
    assignments: assignments.map((a) => ({
      id: a.id,
      cohortId: a.cohortId,
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
    teaching: teaching.map((c) => ({ id: c.id, name: c.name, role: c.isOwner ? "owner" : "co-instructor", members: c._count.members, assignments: c._count.assignments })),
  });
});
