import { apiError, json, readJson, withUser } from "@/lib/api";
import { answerInputSchema, saveAnswer } from "@/lib/exam/attempts";

export const dynamic = "force-dynamic";

const FAILURES = {
  "not-found": [404, "No such attempt in your account."],
  submitted: [409, "This attempt has been submitted; answers can no longer change."],
  deadline: [409, "Time is up: answers after the deadline are not accepted."],
  "not-in-attempt": [422, "This question is not part of this attempt."],
  locked: [409, "In tutor mode the first answer stands once its feedback is shown."],
} as const;

/**
 * Saves one item's current state (choice, mark for review, time on it).
 * Sending the same state again is harmless; the latest save before the
 * deadline wins.
 */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, user, { params }) => {
  const body = await readJson(request, answerInputSchema);
  if (body instanceof Response) return body;
  const { id } = await params;
  const result = await saveAnswer(user.id, id, body);
  if (!result.ok) {
    const [status, message] = FAILURES[result.reason];
    return apiError(status, result.reason, message);
  }
  return json(result);
});
