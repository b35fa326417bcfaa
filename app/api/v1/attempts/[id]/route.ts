import { apiError, json, withUser } from "@/lib/api";
import { attemptClock, getAttemptForOwner } from "@/lib/exam/attempts";

export const dynamic = "force-dynamic";

/**
 * The learner's attempt as the exam screen needs it, with the time left on
 * the server's clock. `?view=clock` returns only the clock: the screen asks
 * for it when it wakes up, so a phone that slept shows the right time.
 */
export const GET = withUser<{ params: Promise<{ id: string }> }>(async (request, user, { params }) => {
  const { id } = await params;
  const now = new Date();
  if (new URL(request.url).searchParams.get("view") === "clock") {
    const clock = await attemptClock(user.id, id, now);
    if (!clock) return apiError(404, "not-found", "No such attempt in your account.");
    return json(clock);
  }
  const attempt = await getAttemptForOwner(user.id, id, now);
  if (!attempt) return apiError(404, "not-found", "No such attempt in your account.");
  return json({ ...attempt, serverNow: now.toISOString() });
});
