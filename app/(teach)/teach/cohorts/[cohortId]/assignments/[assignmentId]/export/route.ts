import { apiError, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { getTeachingAssignment } from "@/lib/cohorts/assignments";
import { download, fileSlug } from "@/lib/cohorts/downloads";
import { assignmentItemsCsv } from "@/lib/cohorts/results";

export const dynamic = "force-dynamic";

/** Member × item answers of one assignment in a cohort the instructor teaches, as CSV. */
export const GET = withUser<{ params: Promise<{ cohortId: string; assignmentId: string }> }>(async (_request, user, { params }) => {
  if (!canTeach(user.role)) return apiError(403, "forbidden", "Only instructors can export results.");
  const { cohortId, assignmentId } = await params;
  const [assignment, csv] = await Promise.all([getTeachingAssignment(user.id, cohortId, assignmentId), assignmentItemsCsv(user.id, cohortId, assignmentId)]);
  if (!assignment || csv === null) return apiError(404, "not-found", "No such assignment.");
  return download(csv, `${fileSlug(assignment.title, "assignment")}-answers.csv`, "csv");
});
