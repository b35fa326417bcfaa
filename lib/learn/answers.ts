import "server-only";
import { db } from "@/lib/db";
import { reviewFromAnswer } from "@/lib/srs/reviews";
import { findLessonPracticeItem, parseOptions, type AnswerFeedback } from "./items";

export const ANSWER_MODES = ["tutor", "quiz", "mock", "assignment"] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export type RecordAnswerResult = { ok: true; feedback: AnswerFeedback } | { ok: false; reason: "unknown-item" };

/**
 * Stores one lesson-practice answer (correctness decided here, from the
 * stored key), schedules the item for review, and returns the feedback the
 * learner sees: the key and every rationale. Only bank items of that lesson
 * are answered, and none that is in one of the learner's running attempts,
 * so no key leaks from instructors' items, mock exams or assignments.
 */
export async function recordAnswer(
  userId: string,
  input: { itemId: string; lessonSlug: string; chosen: number; timeMs: number; mode: AnswerMode },
  now = new Date(),
): Promise<RecordAnswerResult> {
  const item = await findLessonPracticeItem(userId, input.lessonSlug, input.itemId);
  if (!item) return { ok: false, reason: "unknown-item" };
  const correct = input.chosen === item.keyIndex;
  const answer = await db.answer.create({
    data: { userId, itemId: item.id, chosen: input.chosen, correct, timeMs: input.timeMs, mode: input.mode, answeredAt: now },
    select: { id: true },
  });
  // Every answered item becomes a review card, so misses come back on schedule.
  await reviewFromAnswer(userId, { answerId: answer.id, itemId: item.id, correct, timeMs: input.timeMs, answeredAt: now });
  return {
    ok: true,
    feedback: {
      itemId: item.id,
      chosen: input.chosen,
      correct,
      keyIndex: item.keyIndex,
      options: parseOptions(item.options),
      lessonSlug: item.lessonSlug,
      section: item.section,
    },
  };
}

/** Per-item history of one learner: attempts and whether the last answer was right. */
export async function itemHistory(userId: string, itemIds: readonly string[]) {
  const answers = await db.answer.findMany({
    where: { userId, itemId: { in: [...itemIds] } },
    orderBy: { answeredAt: "asc" },
    select: { itemId: true, correct: true },
  });
  const history = new Map<string, { attempts: number; lastCorrect: boolean | null }>();
  for (const a of answers) {
    const h = history.get(a.itemId) ?? { attempts: 0, lastCorrect: null };
    history.set(a.itemId, { attempts: h.attempts + 1, lastCorrect: a.correct });
  }
  return history;
}
