/**
 * The benchmark's synthetic learners: for each user, review cards with
 * FSRS-like state and the year of grades that led to it. Pure and
 * deterministic (seeded PRNG); the writers in seed.ts only store the rows.
 *
 * The model is deliberately simple but keeps the shapes that matter for the
 * hot paths: a learner introduces cards steadily over a year, reviews each
 * on the day it falls due (intervals grow ~3× per Good, less for Hard, ~10% lapses with a
 * relearning step), and stopped studying some time before "now" (hours ago
 * for most, days or weeks for some), which leaves a realistic spread of
 * overdue, due-today and future cards, a few cards in (re)learning, some
 * unstudied New cards, leeches (8 lapses, suspended) and a few suspended by
 * hand.
 */
import { prng, type Prng } from "./prng";

export const DAY = 86_400_000;
const MINUTE = 60_000;

export interface PoolCard {
  kind: "flashcard" | "item";
  id: string;
}

/** Scheduling fields as ReviewCard stores them (times in epoch ms). */
interface Fields {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  createdAt: number;
}

export interface CardRow extends Fields {
  id: string;
  userId: string;
  kind: "flashcard" | "item";
  flashcardId: string | null;
  itemId: string | null;
  suspended: boolean;
  leech: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface LogRow {
  id: string;
  userId: string;
  clientId: string;
  cardId: string;
  rating: number;
  state: number;
  reviewedAt: number;
  recordedAt: number;
  durationMs: number;
  source: "review" | "practice";
  before: string;
  after: string;
}

export interface UserData {
  user: UserRow;
  /** Whether the user saved review settings (a SrsSettings row, with the defaults). */
  hasSettings: boolean;
  /** Lessons marked read, with the time. */
  lessonsRead: { lessonSlug: string; readAt: number }[];
  cards: CardRow[];
  /** Number of review logs (each was passed to `onLog`). */
  logCount: number;
}

const TIME_ZONES = ["UTC", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London", "Asia/Manila"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const userId = (index: number) => `u${pad(index, 6)}`;
export const userEmail = (index: number) => `bench-${pad(index, 6)}@bench.systemic.local`;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` for dates after 1970, several times faster
 * (Date formatting dominated seeding time): the date part is cached per day.
 */
export function isoUtc(ms: number): string {
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = t - day * DAY;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${prefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}Z`;
}
const iso = isoUtc;

/** Same JSON shape as lib/srs/records.ts serializeFields. */
function serialize(f: Fields): string {
  return (
    `{"due":"${iso(f.due)}","stability":${f.stability},"difficulty":${f.difficulty},"elapsedDays":${f.elapsedDays},` +
    `"scheduledDays":${f.scheduledDays},"learningSteps":${f.learningSteps},"reps":${f.reps},"lapses":${f.lapses},` +
    `"state":${f.state},"lastReview":${f.lastReview === null ? "null" : `"${iso(f.lastReview)}"`}}`
  );
}

function rating(r: Prng): 1 | 2 | 3 | 4 {
  const x = r.next();
  return x < 0.1 ? 1 : x < 0.18 ? 2 : x < 0.9 ? 3 : 4;
}

export interface GenerateOptions {
  index: number;
  cards: number;
  pool: readonly PoolCard[];
  lessons: readonly string[];
  now: number;
  seed: number;
  /** Force a learner who studied a few hours ago (the queue-timing user). */
  activeToday?: boolean;
  /** Receives each review log as it is generated (not kept, so a year of logs never piles up in memory). */
  onLog?: (log: LogRow) => void;
}

/** One learner's rows. Deterministic for the same options. */
export function generateUser(o: GenerateOptions): UserData {
  const r = prng(o.seed * 1_000_003 + o.index);
  const id = userId(o.index);
  const joinedAt = o.now - 365 * DAY - r.int(0, 30) * DAY - r.int(0, DAY);
  const mode = o.activeToday ? 0 : r.next();
  const lastActive = o.now - (mode < 0.6 ? r.range(0.5, 10) * 3_600_000 : mode < 0.85 ? r.range(1, 3) * DAY : r.range(4, 30) * DAY);
  const user: UserRow = { id, email: userEmail(o.index), name: `Bench learner ${o.index}`, timeZone: r.pick(TIME_ZONES), createdAt: joinedAt };

  const cards: CardRow[] = [];
  const onLog = o.onLog ?? (() => {});
  let logCount = 0;
  const studied = Math.round(o.cards * 0.95);
  const span = lastActive - joinedAt - 10 * MINUTE;

  for (let k = 0; k < o.cards; k++) {
    const source = o.pool[k]!;
    const cardId = `c${pad(o.index, 6)}${pad(k, 5)}`;
    const base = { id: cardId, userId: id, kind: source.kind, flashcardId: source.kind === "flashcard" ? source.id : null, itemId: source.kind === "item" ? source.id : null };

    if (k >= studied) {
      // Materialised by a review session but not studied yet.
      const createdAt = lastActive - r.range(0, 2) * DAY;
      cards.push({ ...base, due: createdAt, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null, suspended: false, leech: false, createdAt, updatedAt: createdAt });
      continue;
    }

    const createdAt = joinedAt + ((k + r.next()) / studied) * span;
    const f: Fields = { due: createdAt, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
    let suspended = false;
    let leech = false;

    // Each log's "before" is the previous log's "after" (nothing else changes a card).
    let previous = serialize(f);
    const log = (grade: number, at: number, next: (f: Fields) => void) => {
      const before = previous;
      const stateBefore = f.state;
      f.elapsedDays = f.lastReview === null ? 0 : Math.floor((at - f.lastReview) / DAY);
      f.lastReview = at;
      f.reps += 1;
      next(f);
      f.stability = round6(f.stability);
      f.difficulty = round6(f.difficulty);
      const practice = source.kind === "item" && r.chance(0.3);
      previous = serialize(f);
      onLog({
        id: `r${pad(o.index, 6)}${pad(logCount++, 7)}`,
        userId: id,
        clientId: practice ? `answer-${r.uuid()}` : r.uuid(),
        cardId,
        rating: grade,
        state: stateBefore,
        reviewedAt: at,
        recordedAt: at + r.int(0, 2000),
        durationMs: r.int(1500, 25_000),
        source: practice ? "practice" : "review",
        before,
        after: previous,
      });
    };
    const toReview = (days: number) => (g: Fields) => {
      g.state = 2;
      g.learningSteps = 0;
      g.scheduledDays = Math.max(1, Math.min(36_500, Math.round(days)));
      g.due = (g.lastReview ?? 0) + g.scheduledDays * DAY;
    };

    // First sight: Easy graduates at once; otherwise one learning step.
    let t = createdAt;
    const difficulty = r.range(3, 7.5);
    if (r.chance(0.1)) {
      log(4, t, (g) => {
        g.stability = r.range(8, 15);
        g.difficulty = difficulty - 1;
        toReview(g.stability)(g);
      });
    } else {
      log(3, t, (g) => {
        g.stability = r.range(2, 4);
        g.difficulty = difficulty;
        g.state = 1;
        g.learningSteps = 1;
        g.scheduledDays = 0;
        g.due = t + 10 * MINUTE;
      });
      t = f.due + r.range(0, 5) * MINUTE;
      if (t > lastActive || (t > lastActive - 30 * MINUTE && r.chance(0.5))) {
        // Left in learning at the end of the last session.
        cards.push({ ...base, ...f, suspended, leech, createdAt, updatedAt: f.lastReview! });
        continue;
      }
      log(3, t, toReview(f.stability));
    }

    // Reviews on (or soon after) the day each falls due, until the learner stopped.
    for (;;) {
      t = f.due + r.range(0, 0.5) * DAY;
      if (t > lastActive) break;
      const grade = rating(r);
      if (grade === 1) {
        log(1, t, (g) => {
          g.lapses += 1;
          g.state = 3;
          g.learningSteps = 0;
          g.scheduledDays = 0;
          g.stability = Math.max(0.5, g.stability * r.range(0.2, 0.4));
          g.difficulty = Math.min(10, g.difficulty + r.range(0.5, 1.5));
          g.due = t + 10 * MINUTE;
        });
        if (f.lapses >= 8) {
          suspended = true;
          leech = true;
          break;
        }
        t = f.due + r.range(0, 10) * MINUTE;
        if (t > lastActive) break;
        log(3, t, toReview(f.stability));
      } else {
        const factor = grade === 2 ? r.range(1.2, 1.5) : grade === 3 ? r.range(2.5, 3.5) : r.range(3.5, 5);
        log(grade, t, (g) => {
          g.stability *= factor;
          g.difficulty = Math.max(1, Math.min(10, g.difficulty + (3 - grade) * 0.4));
          toReview(g.stability)(g);
        });
      }
    }

    // A few cards were forgotten in the last session and are still relearning.
    if (!suspended && f.state === 2 && r.chance(0.04)) {
      const at = lastActive - r.range(0, 20) * MINUTE;
      if (f.lastReview !== null && at > f.lastReview) {
        log(1, at, (g) => {
          g.lapses += 1;
          g.state = 3;
          g.scheduledDays = 0;
          g.stability = Math.max(0.5, g.stability * 0.3);
          g.due = at + 10 * MINUTE;
        });
      }
    }
    if (!suspended && r.chance(0.003)) suspended = true;
    cards.push({ ...base, ...f, suspended, leech, createdAt, updatedAt: f.lastReview ?? createdAt });
  }

  const lessonsRead = o.lessons.map((lessonSlug, i) => ({ lessonSlug, readAt: joinedAt + (i + 1) * 3 * DAY }));
  return { user, hasSettings: r.chance(0.5), lessonsRead, cards, logCount };
}

/** Extra flashcards in a bench-only lesson, for banks smaller than the cards per user. */
export function syntheticFlashcards(count: number, now: number, seed: number) {
  const r = prng(seed ^ 0x5eed);
  const words = ["boundary", "subsystem", "coalition", "alliance", "triangle", "enactment", "joining", "hierarchy", "detouring", "unbalancing", "circularity", "homeostasis"];
  const phrase = (n: number) => Array.from({ length: n }, () => r.pick(words)).join(" ");
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-synthetic/card-${pad(i, 5)}`,
    lessonSlug: "bench-synthetic",
    section: `section-${Math.floor(i / 20)}`,
    front: `What is meant by "${phrase(2)}" (${i})?`,
    back: `${phrase(8)}. ${phrase(10)}; ${phrase(6)}.`,
    source: "card",
    position: i,
    contentHash: "bench",
    createdAt: now - 400 * DAY,
  }));
}
