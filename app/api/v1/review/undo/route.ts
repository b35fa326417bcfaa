import { z } from "zod";
import { json, readJson, withUser } from "@/lib/api";
import { undoLastGrade } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "id must be a grade id").optional() }).strict();

/**
 * Undoes the learner's last grade on the review screen. With `{ "id" }`,
 * only that grade, and only while it is still the latest.
 */
export const POST = withUser(async (request, user) => {
  const hasBody = (request.headers.get("content-length") ?? "0") !== "0";
  const body = hasBody ? await readJson(request, bodySchema) : {};
  if (body instanceof Response) return body;
  const outcome = await undoLastGrade(user.id, new Date(), body.id);
  return json(outcome, outcome.ok ? 200 : 409);
});
