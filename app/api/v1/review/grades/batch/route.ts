import { json, readJson, withUser } from "@/lib/api";
import { gradeBatchSchema, submitGrades } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

/** Submits grades recorded offline; each is applied once, oldest first, and reported on its own. */
export const POST = withUser(async (request, user) => {
  const body = await readJson(request, gradeBatchSchema);
  if (body instanceof Response) return body;
  return json({ results: await submitGrades(user.id, body.grades) });
});
