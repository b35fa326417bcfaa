import { json, readJson, withLearner } from "@/lib/api";
import { gradeSubmissionSchema, submitGrade } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

const STATUS = { applied: 200, duplicate: 200, rejected: 422 } as const;

/** Submits one grade. Resubmitting the same id is safe: it is applied once. */
export const POST = withLearner(async (request, user, settings) => {
  const grade = await readJson(request, gradeSubmissionSchema);
  if (grade instanceof Response) return grade;
  const outcome = await submitGrade(user.id, grade, new Date(), settings);
  return json(outcome, outcome.status === "rejected" && outcome.reason === "unknown-card" ? 404 : STATUS[outcome.status]);
});
