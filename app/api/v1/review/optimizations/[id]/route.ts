import { db } from "@/lib/db";
import { apiError, json, withUser } from "@/lib/api";
import { getOptimization } from "@/lib/srs/optimizer";

export const dynamic = "force-dynamic";

/** Progress and result of one of the learner's schedule optimizations. */
export const GET = withUser<{ params: Promise<{ id: string }> }>(async (_request, user, { params }) => {
  const optimization = await getOptimization(db, user.id, (await params).id);
  if (!optimization) return apiError(404, "not-found", "No such optimization.");
  return json(optimization);
});
