import { apiError, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { download, fileSlug } from "@/lib/cohorts/downloads";
import { cohortResultsCsv } from "@/lib/cohorts/results";

export const dynamic = "force-dynamic";

/** Member × assignment results of a cohort the instructor teaches, as CSV. */
export const GET = withUser<{ params: Promise<{ cohortId: string }> }>(async (_request, user, { params }) => {
  if (!canTeach(user.role)) return apiError(403, "forbidden", "Only instructors can export cohort results.");
  const { cohortId } = await params;
  const [cohort, csv] = await Promise.all([getTeachingCohort(user.id, cohortId), cohortResultsCsv(user.id, cohortId)]);
  if (!cohort || csv === null) return apiError(404, "not-found", "No such cohort.");
  return download(csv, `${fileSlug(cohort.name, "cohort")}-results.csv`, "csv");
});
