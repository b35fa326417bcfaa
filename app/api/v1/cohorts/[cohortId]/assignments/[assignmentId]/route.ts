import { apiError, json, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { assignmentResults } from "@/lib/cohorts/results";

export const dynamic = "force-dynamic";

/** Item analysis and member results of one assignment, for the cohort's instructors. */
export const GET = withUser<{ params: Promise<{ cohortId: string; assignmentId: string }> }>(async (_request, user, { params }) => {
  if (!canTeach(user.role)) return apiError(404, "not-found", "No such assignment.");
  const { cohortId, assignmentId } = await params;
  const results = await assignmentResults(user.id, cohortId, assignmentId);
  if (!results) return apiError(404, "not-found", "No such assignment.");
  return json({
    submitted: results.submitted,
    members: results.members.map((m) => ({
      userId: m.userId,
      name: m.name,
      attempts: m.attempts,
      first: m.first ? { submittedAt: m.first.submittedAt, correct: m.first.correct, total: m.first.total, answers: Object.fromEntries(m.first.answers) } : null,
    })),
    items: results.items,
  });
});
