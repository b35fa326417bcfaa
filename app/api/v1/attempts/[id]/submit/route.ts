import { apiError, json, withUser } from "@/lib/api";
import { submitAttempt } from "@/lib/exam/attempts";

export const dynamic = "force-dynamic";

/** Submits the attempt; submitting again is harmless. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (_request, user, { params }) => {
  const { id } = await params;
  const result = await submitAttempt(user.id, id);
  if (!result.ok) return apiError(404, "not-found", "No such attempt in your account.");
  return json({ id: result.id, submittedAt: result.submittedAt.toISOString(), reportUrl: `/practice/attempts/${result.id}/report` });
});
