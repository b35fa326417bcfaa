import { z } from "zod";
import { apiError, json, readJson, withUser } from "@/lib/api";
import { setCardSuspended } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ suspended: z.boolean() }).strict();

/** Suspends or unsuspends one of the learner's cards (unsuspending also clears the leech tag). */
export const PATCH = withUser<{ params: Promise<{ cardId: string }> }>(async (request, user, { params }) => {
  const body = await readJson(request, bodySchema);
  if (body instanceof Response) return body;
  const { cardId } = await params;
  if (!(await setCardSuspended(user.id, cardId, body.suspended))) return apiError(404, "not-found", "No such card in your collection.");
  return json({ id: cardId, suspended: body.suspended });
});
