"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions";
import { recordAnswer } from "./answers";
import { markLessonRead } from "./progress";
import { lessonPracticeRound } from "./practice";

const lessonSlug = z.string().regex(/^[a-z0-9-]{1,100}$/, "Unknown lesson");

export const startLessonPractice = authedAction(z.object({ lessonSlug }), async ({ lessonSlug }, user) => {
  const questions = await lessonPracticeRound(user.id, lessonSlug);
  if (questions.length === 0) return { ok: false, error: "This lesson has no practice questions yet." };
  return { ok: true, data: questions };
});

export const answerQuestion = authedAction(
  z.object({
    itemId: z.string().min(1).max(40),
    lessonSlug,
    chosen: z.coerce.number().int().min(0, "Choose one of the four options").max(3, "Choose one of the four options"),
    // Time on the question as measured in the browser, capped at an hour.
    timeMs: z.coerce.number().int().min(0).max(3_600_000),
  }),
  async (input, user) => {
    const result = await recordAnswer(user.id, { ...input, mode: "tutor" });
    if (!result.ok) return { ok: false, error: "This question is no longer in the bank. Start a new round to continue." };
    return { ok: true, data: result.feedback };
  },
);

export const markRead = authedAction(z.object({ lessonSlug }), async ({ lessonSlug }, user) => {
  await markLessonRead(user.id, lessonSlug);
  return { ok: true, data: undefined };
});
