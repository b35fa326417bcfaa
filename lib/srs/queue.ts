import { learnerDay, type LearnerDay } from "./day";
import { shuffled } from "./random";

export const DEFAULT_LEARN_AHEAD_MINUTES = 20;

/** A learner's review card, as much of it as the queue needs. */
export interface QueueCard {
  id: string;
  due: Date;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning */
  state: 0 | 1 | 2 | 3;
  suspended: boolean;
  /** Course order, used when the card is still New. */
  order?: number;
}

/** A flashcard this learner has not studied yet, in course order. */
export interface NewCandidate {
  key: string;
  order: number;
}

export interface QueueInput {
  cards: readonly QueueCard[];
  newCandidates: readonly NewCandidate[];
  now: Date;
  timeZone: string;
  rolloverHour: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  /**
   * What the learner already did in this study day: new cards introduced,
   * and grades given to Review-state cards.
   */
  doneToday: { newCards: number; reviews: number };
  /** How far ahead learning cards may be shown once nothing else is left. */
  learnAheadMinutes?: number;
  /** Per learner; with the day key it seeds the review shuffle. */
  seed: string;
}

/** `id` is the review card's id, or the candidate's key for a new card from `newCandidates`. */
export type QueueEntry = { kind: "learning" | "review" | "new" | "learn-ahead"; id: string };

export interface Queue {
  entries: QueueEntry[];
  counts: { learning: number; review: number; new: number; learnAhead: number };
  day: LearnerDay;
}

interface Timed {
  id: string;
  due: number;
}

interface Ordered {
  id: string;
  order: number;
}

/**
 * Builds the learner's review queue for the study day containing `now`
 * (their time zone and rollover hour, see learnerDay). Pure and O(n log n).
 *
 * Order:
 * 1. Learning and relearning cards (state 1, 3) due by now, earliest first.
 * 2. Review cards (state 2) due before the end of the learner's day, capped
 *    at maxReviewsPerDay − doneToday.reviews (the most overdue kept),
 *    shuffled (Fisher–Yates, seeded by `seed` and the day key, so the order
 *    holds within a day and across reloads). Among them, new cards up to
 *    newPerDay − doneToday.newCards, in course order, spread evenly: with R
 *    reviews and N new cards, one new card about every R/N reviews, centred
 *    in its stretch (10 reviews and 3 new: r r n r r r n r r r n r r). With
 *    no reviews, the new cards come in order.
 * 3. Learn-ahead: learning and relearning cards due within
 *    learnAheadMinutes (default 20) after now, earliest first, only after
 *    everything else.
 *
 * Suspended cards never appear. New-state cards in `cards` join the new
 * candidates by their `order` (cards without one after those with one).
 * Ties are broken by id, so the result does not depend on input order.
 */
export function buildQueue(input: QueueInput): Queue {
  const day = learnerDay(input.now, input.timeZone, input.rolloverHour);
  const now = input.now.getTime();
  const learnAheadUntil = now + Math.max(0, input.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MINUTES) * 60_000;
  const endOfDay = day.end.getTime();

  const learning: Timed[] = [];
  const learnAhead: Timed[] = [];
  const reviews: Timed[] = [];
  const fresh: Ordered[] = input.newCandidates.map((candidate) => ({ id: candidate.key, order: candidate.order }));

  for (const card of input.cards) {
    if (card.suspended) continue;
    const due = card.due.getTime();
    switch (card.state) {
      case 0:
        fresh.push({ id: card.id, order: card.order ?? Number.POSITIVE_INFINITY });
        break;
      case 1:
      case 3:
        if (due <= now) learning.push({ id: card.id, due });
        else if (due <= learnAheadUntil) learnAhead.push({ id: card.id, due });
        break;
      case 2:
        if (due < endOfDay) reviews.push({ id: card.id, due });
        break;
    }
  }

  learning.sort(byDue);
  learnAhead.sort(byDue);

  // Sorting before the shuffle makes the result independent of the order the
  // database returned rows in, and puts the most overdue first for the cap.
  reviews.sort(byDue);
  const reviewRoom = remaining(input.maxReviewsPerDay, input.doneToday.reviews);
  const todaysReviews = shuffled(reviews.slice(0, reviewRoom), `${input.seed}:${day.key}`);

  fresh.sort(byOrder);
  const todaysNew = fresh.slice(0, remaining(input.newPerDay, input.doneToday.newCards));

  const entries: QueueEntry[] = learning.map((card) => ({ kind: "learning", id: card.id }));
  interleave(entries, todaysReviews, todaysNew);
  for (const card of learnAhead) entries.push({ kind: "learn-ahead", id: card.id });

  return {
    entries,
    counts: {
      learning: learning.length,
      review: todaysReviews.length,
      new: todaysNew.length,
      learnAhead: learnAhead.length,
    },
    day,
  };
}

/**
 * Appends reviews and new cards, new ones spread evenly: after j items, about
 * j·N/T of them are new (T = R + N), rounded half up, which centres each new
 * card in its stretch of reviews.
 */
function interleave(entries: QueueEntry[], reviews: readonly Timed[], fresh: readonly Ordered[]): void {
  const total = reviews.length + fresh.length;
  let r = 0;
  let n = 0;
  for (let j = 1; j <= total; j++) {
    const newSoFar = Math.floor((j * fresh.length + Math.floor(total / 2)) / total);
    if (newSoFar > n) entries.push({ kind: "new", id: fresh[n++]!.id });
    else entries.push({ kind: "review", id: reviews[r++]!.id });
  }
}

function remaining(limit: number, done: number): number {
  return Math.max(0, Math.floor(limit) - Math.max(0, Math.floor(done)));
}

function byDue(a: Timed, b: Timed): number {
  return a.due - b.due || compareIds(a.id, b.id);
}

function byOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
