import type { ReviewCardView } from "./session";

/** What is left in today's queue, by kind, as Anki shows it: new, learning (back within minutes) and review. */
export function remainingByKind(cards: Pick<ReviewCardView, "queue">[]): { new: number; learning: number; review: number } {
  const counts = { new: 0, learning: 0, review: 0 };
  for (const card of cards) counts[card.queue === "new" ? "new" : card.queue === "review" ? "review" : "learning"] += 1;
  return counts;
}
