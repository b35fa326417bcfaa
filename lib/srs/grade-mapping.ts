import type { ReviewRating } from "./scheduler";

/** The exam's pace: 4 hours for 180 items. */
export const EXAM_PACE_MS = 80_000;
/**
 * A correct answer slower than this counts as weak recall (Hard): beyond the
 * exam's pace, with a 10-second margin for reading a long vignette.
 */
export const SLOW_ANSWER_MS = 90_000;

export interface AnsweredItem {
  correct: boolean;
  /** Time on the question as measured by the client. */
  timeMs: number;
}

/**
 * The grade an answered item gives its review card: wrong → Again (1);
 * correct but slower than {@link SLOW_ANSWER_MS} → Hard (2); otherwise
 * Good (3). Never Easy: picking the right option does not show effortless
 * recall. A time that is not a finite number counts as not slow, so a
 * missing timer never costs the learner.
 */
export function gradeFromAnswer({ correct, timeMs }: AnsweredItem): Extract<ReviewRating, 1 | 2 | 3> {
  if (!correct) return 1;
  return Number.isFinite(timeMs) && timeMs > SLOW_ANSWER_MS ? 2 : 3;
}

/** The mapping in words, for docs/review.md and the help page. */
export const GRADE_MAPPING_DOC: readonly string[] = [
  "A wrong answer is graded Again (1).",
  `A correct answer that took longer than ${SLOW_ANSWER_MS / 1000} seconds is graded Hard (2): slower than the exam's pace of ${EXAM_PACE_MS / 1000} seconds per item, with a ${(SLOW_ANSWER_MS - EXAM_PACE_MS) / 1000}-second margin.`,
  `Any other correct answer, including one of exactly ${SLOW_ANSWER_MS / 1000} seconds, is graded Good (3).`,
  "An answer is never graded Easy (4): choosing the right option does not show effortless recall.",
];
