/**
 * Queue-building times: the pure buildQueue on a synthetic 5,000-card
 * learner, and the full getReviewSession (database reads, queue, interval
 * previews) for the seeded 5,000-card learner.
 */
import { buildQueue, type QueueCard } from "../../lib/srs/queue";
import { generateUser, type PoolCard } from "./dataset";

export interface Timing {
  runs: number;
  warmup: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

function summarise(samples: number[], warmup: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round3(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { runs: samples.length, warmup, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: round3(samples.reduce((s, x) => s + x, 0) / samples.length), max: round3(sorted[sorted.length - 1]!) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function timePureQueue(cards: number, runs: number, seed: number): Timing & { queueLength: number; dueReviews: number } {
  const now = Date.now();
  const pool: PoolCard[] = Array.from({ length: cards }, (_, i) => ({ kind: "flashcard", id: `f${i}` }));
  const data = generateUser({ index: 999_999, cards, pool, lessons: [], now, seed, activeToday: true });
  const input = {
    cards: data.cards.map(
      (c, i): QueueCard => ({ id: c.id, due: new Date(c.due), state: c.state as QueueCard["state"], suspended: c.suspended, order: c.state === 0 ? i : undefined }),
    ),
    newCandidates: Array.from({ length: 40 }, (_, i) => ({ key: `candidate-${i}`, order: cards + i })),
    now: new Date(now),
    timeZone: "America/Chicago",
    rolloverHour: 4,
    newPerDay: 20,
    maxReviewsPerDay: 200,
    doneToday: { newCards: 3, reviews: 12 },
    learnAheadMinutes: 20,
    seed: data.user.id,
  };
  const warmup = Math.max(200, Math.round(runs / 5));
  let queue = buildQueue(input);
  for (let i = 0; i < warmup; i++) queue = buildQueue(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    queue = buildQueue(input);
    samples.push(performance.now() - t);
  }
  const dueReviews = data.cards.filter((c) => c.state === 2 && !c.suspended && c.due < queue.day.end.getTime()).length;
  return { ...summarise(samples, warmup), queueLength: queue.entries.length, dueReviews };
}

/**
 * Times getReviewSession against the database in DATABASE_URL. The modules
 * are imported here, after the caller set DATABASE_URL and NEXTAUTH_SECRET,
 * because lib/db.ts opens its client on import.
 */
export async function timeReviewSession(userId: string, timeZone: string, runs: number): Promise<Timing & { queueLength: number; cards: number }> {
  const { getReviewSession } = await import("../../lib/srs/session");
  const { db } = await import("../../lib/db");
  try {
    const warmup = 5;
    let session = await getReviewSession(userId, timeZone);
    for (let i = 0; i < warmup; i++) session = await getReviewSession(userId, timeZone);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      session = await getReviewSession(userId, timeZone);
      samples.push(performance.now() - t);
    }
    const cards = await db.reviewCard.count({ where: { userId } });
    return { ...summarise(samples, warmup), queueLength: session.cards.length, cards };
  } finally {
    await db.$disconnect();
  }
}
