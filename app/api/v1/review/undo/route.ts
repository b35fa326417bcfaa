import { json, withUser } from "@/lib/api";
import { undoLastGrade } from "@/lib/srs/reviews";

export const dynamic = "force-dynamic";

/** Undoes the learner's last grade on the review screen. */
export const POST = withUser(async (_request, user) => {
  const outcome = await undoLastGrade(user.id);
  return json(outcome, outcome.ok ? 200 : 409);
});
