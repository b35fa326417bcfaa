"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/actions";
import { submitAttempt } from "./attempts";
import { flagInputSchema, reportInputSchema, reportItem, setFlag } from "./flags";
import { mockKindSchema, startMock, startPractice } from "./practice-sets";
import { buildSpecSchema } from "./practice-spec";

const attemptId = z.string().min(1).max(64);

const START_FAILED: Record<string, string> = {
  empty: "No questions match this choice yet. Pick another source, or answer some questions first.",
  "unknown-items": "Some questions were just retired from the bank. Please try again.",
};

/** Builds a practice session from the session builder and opens it. */
export const startPracticeSession = authedAction(buildSpecSchema, async (spec, user) => {
  const result = await startPractice(user.id, spec);
  if (!result.ok) return { ok: false, error: START_FAILED[result.reason] ?? "This session could not be started. Please try again." };
  redirect(`/practice/attempts/${result.attempt.id}`);
});

/** Draws a mock exam to the blueprint and opens it; the clock starts now. */
export const startMockExam = authedAction(z.object({ kind: mockKindSchema }), async ({ kind }, user) => {
  const result = await startMock(user.id, kind);
  if (!result.ok) return { ok: false, error: START_FAILED[result.reason] ?? "The mock exam could not be started. Please try again." };
  redirect(`/practice/attempts/${result.attempt.id}`);
});

/** Ends an attempt (the learner's choice, or the clock reaching zero) and returns where its report is. */
export const submitAttemptAction = authedAction(z.object({ attemptId }), async (input, user) => {
  const result = await submitAttempt(user.id, input.attemptId);
  if (!result.ok) return { ok: false, error: "This attempt does not exist or is not yours." };
  return { ok: true, data: { reportUrl: `/practice/attempts/${result.id}/report` } };
});

export const setItemFlag = authedAction(flagInputSchema, async ({ itemId, flagged }, user) => {
  const result = await setFlag(user.id, itemId, flagged);
  if (!result.ok) return { ok: false, error: "This question is not available to flag." };
  return { ok: true, data: { flagged: result.flagged }, message: result.flagged ? "Flagged for later practice." : "Flag removed." };
});

export const reportItemProblem = authedAction(reportInputSchema, async ({ itemId, text }, user) => {
  const result = await reportItem(user.id, itemId, text);
  if (!result.ok) {
    return {
      ok: false,
      error: result.reason === "too-many" ? "You have sent many reports today. Thank you — please send more tomorrow." : "This question is not available to report.",
    };
  }
  return { ok: true, data: { id: result.id }, message: "Thank you. Your report was sent to the authors." };
});
