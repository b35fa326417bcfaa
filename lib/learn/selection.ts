import { shuffle } from "./shuffle";

export interface ItemHistory {
  /** Number of times the learner answered the item. */
  attempts: number;
  /** Whether the learner's most recent answer was correct. */
  lastCorrect: boolean | null;
}

/**
 * Picks `count` items for a tutor-mode round: items never seen first, then
 * items last answered wrongly, then the rest (least practised first), each
 * group shuffled so rounds do not repeat in the same order.
 */
export function pickPracticeItems(
  itemIds: readonly string[],
  history: ReadonlyMap<string, ItemHistory>,
  count: number,
  random: () => number = Math.random,
): string[] {
  const unseen: string[] = [];
  const missed: string[] = [];
  const rest: string[] = [];
  for (const id of itemIds) {
    const h = history.get(id);
    if (!h || h.attempts === 0) unseen.push(id);
    else if (h.lastCorrect === false) missed.push(id);
    else rest.push(id);
  }
  const restByPractice = shuffle(rest, random).sort((a, b) => (history.get(a)?.attempts ?? 0) - (history.get(b)?.attempts ?? 0));
  return [...shuffle(unseen, random), ...shuffle(missed, random), ...restByPractice].slice(0, count);
}

export interface LessonProgressSummary {
  read: boolean;
  itemsTotal: number;
  itemsAttempted: number;
  answers: number;
  correct: number;
  /** Share of answers that were correct, 0–100, or null with no answers. */
  percentCorrect: number | null;
}

export function summariseLessonProgress(
  itemIds: readonly string[],
  answers: readonly { itemId: string; correct: boolean }[],
  read: boolean,
): LessonProgressSummary {
  const ids = new Set(itemIds);
  const mine = answers.filter((a) => ids.has(a.itemId));
  const correct = mine.filter((a) => a.correct).length;
  return {
    read,
    itemsTotal: ids.size,
    itemsAttempted: new Set(mine.map((a) => a.itemId)).size,
    answers: mine.length,
    correct,
    percentCorrect: mine.length === 0 ? null : Math.round((100 * correct) / mine.length),
  };
}
