import { json, withUser } from "@/lib/api";
import { getReviewSession } from "@/lib/srs/session";

export const dynamic = "force-dynamic";

/** Today's queue: the cards due for the learner, in order, with interval previews. */
export const GET = withUser(async (_request, user) => json(await getReviewSession(user.id, user.timeZone)));
