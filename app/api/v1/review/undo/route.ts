import { z } from "zod";
import { json, readJson, withUser } from "@/lib/api";
import { undoLastGrade } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "id must be a grade id").optional() }).strict();

/**
 * Undoes the learner's last grade on the review screen. With `{ "id" }`,
 * only that grade, and only while it is still the latest. The body is read
 * whatever its framing (Content-Length or chunked); only an empty one means
 * "the latest grade".
 */
export const POST = withUser(async (request, user) => {
  const body = await readJson(request, bodySchema, { optional: true });
  if (body instanceof Response) return body;
  const outcome = await undoLastGrade(user.id, new Date(), body.id);
  return json(outcome, outcome.ok ? 200 : 409);
});
