import { json, readJson, withLearner } from "@/lib/api";
import { gradeBatchSchema, submitGrades } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

/** Submits grades recorded offline; each is applied once, oldest first, and reported on its own. */
export const POST = withLearner(async (request, user, settings) => {
  const body = await readJson(request, gradeBatchSchema);
  if (body instanceof Response) return body;
  return json({ results: await submitGrades(user.id, body.grades, new Date(), settings) });
});
