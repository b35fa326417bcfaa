import { z } from "zod";
import { apiError, json, withLearner } from "@/lib/api";
import { getReviewSession } from "@/lib/srs/session";

export const dynamic = "force-dynamic";

const limitSchema = z.coerce.number().int().min(1).max(500);

/**
 * Today's queue: the cards due for the learner, in order, with interval
 * previews. `?limit=N` (1–500) sends only the first N cards, for a first
 * screenful on a slow connection; `more` says how many were left out.
 * The learner's review settings come with the request's read of the user.
 */
export const GET = withLearner(async (request, user, settings) => {
  const raw = new URL(request.url).searchParams.get("limit");
  const limit = raw === null ? null : limitSchema.safeParse(raw);
  if (limit && !limit.success) return apiError(400, "invalid-limit", "limit must be a whole number from 1 to 500.");
  return json(await getReviewSession(user.id, user.timeZone, new Date(), { settings, ...(limit ? { limit: limit.data } : {}) }));
});
