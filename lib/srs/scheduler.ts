import { createEmptyCard, fsrs, type Card, type FSRS, type Grade, type State } from "ts-fsrs";
import { parseSteps, type SrsSettingsValues } from "./settings";

/** Lapses at which a card becomes a leech: tagged and suspended. */
export const LEECH_LAPSES = 8;

/** 1 Again, 2 Hard, 3 Good, 4 Easy, as stored in ReviewLog.rating. */
export type ReviewRating = 1 | 2 | 3 | 4;
export const REVIEW_RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

/** 0 New, 1 Learning, 2 Review, 3 Relearning, as stored in ReviewCard.state. */
export type CardState = 0 | 1 | 2 | 3;

/** The scheduling fields of a ReviewCard row, as stored. */
export interface CardFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** A {@link CardState}; typed as number because that is what the database returns. */
  state: number;
  lastReview: Date | null;
}

export type SchedulerSettings = Pick<
  SrsSettingsValues,
  "desiredRetention" | "maximumInterval" | "enableFuzz" | "learningSteps" | "relearningSteps"
> & {
  /** The learner's fitted FSRS weights; null or absent means ts-fsrs's defaults. */
  parameters?: readonly number[] | null;
};

const SCHEDULER_CACHE_SIZE = 64;
const schedulers = new Map<string, FSRS>();

/** The settings that make two schedulers the same, as one string (a cache key). */
export function schedulerSettingsKey(settings: SchedulerSettings): string {
  return JSON.stringify([
    settings.desiredRetention,
    settings.maximumInterval,
    settings.enableFuzz,
    settings.learningSteps,
    settings.relearningSteps,
    settings.parameters ?? null,
  ]);
}

/**
 * A ts-fsrs scheduler for a learner's settings. Instances are cached by
 * their settings (a few dozen at most), because building one clips and
 * migrates the parameters. Safe to share: the only per-review state ts-fsrs
 * keeps (the fuzz seed) is set at the start of each synchronous call.
 */
export function schedulerFor(settings: SchedulerSettings): FSRS {
  const key = schedulerSettingsKey(settings);
  const cached = schedulers.get(key);
  if (cached) return cached;

  const scheduler = fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: settings.enableFuzz,
    learning_steps: parseSteps(settings.learningSteps),
    relearning_steps: parseSteps(settings.relearningSteps),
    ...(settings.parameters && settings.parameters.length > 0 ? { w: settings.parameters } : {}),
  });
  if (schedulers.size >= SCHEDULER_CACHE_SIZE) {
    const oldest = schedulers.keys().next().value;
    if (oldest !== undefined) schedulers.delete(oldest);
  }
  schedulers.set(key, scheduler);
  return scheduler;
}

/** A card nobody has studied yet, due at `now`. */
export function newCardFields(now: Date): CardFields {
  return fromFsrsCard(createEmptyCard(now));
}

export function toFsrsCard(fields: CardFields): Card {
  if (!Number.isInteger(fields.state) || fields.state < 0 || fields.state > 3) {
    throw new RangeError(`Card state must be 0–3, got ${fields.state}`);
  }
  return {
    due: fields.due,
    stability: fields.stability,
    difficulty: fields.difficulty,
    elapsed_days: fields.elapsedDays,
    scheduled_days: fields.scheduledDays,
    learning_steps: fields.learningSteps,
    reps: fields.reps,
    lapses: fields.lapses,
    state: fields.state as State,
    ...(fields.lastReview ? { last_review: fields.lastReview } : {}),
  };
}

export function fromFsrsCard(card: Card): CardFields {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export interface GradeResult {
  after: CardFields;
  /**
   * True when this grade brings the card's lapses to {@link LEECH_LAPSES}:
   * the caller tags the card a leech and suspends it. Only the grade that
   * reaches the threshold says so, so a leech the learner unsuspends is not
   * suspended again on its next lapse.
   */
  leechNow: boolean;
}

/**
 * Applies a grade given at `now` (the time the review counts as given, see
 * review-time.ts). The result equals ts-fsrs's `next(card, now, rating)`
 * for the same settings; a lapse is Again on a Review-state card, counted
 * by ts-fsrs.
 */
export function gradeCard(fields: CardFields, rating: ReviewRating, now: Date, settings: SchedulerSettings): GradeResult {
  assertRating(rating);
  const { card } = schedulerFor(settings).next(toFsrsCard(fields), now, rating as Grade);
  const after = fromFsrsCard(card);
  return { after, leechNow: fields.lapses < LEECH_LAPSES && after.lapses >= LEECH_LAPSES };
}

export interface GradePreview {
  due: Date;
  /** Compact label of the wait from now, like "10m" or "3d"; see {@link formatInterval}. */
  interval: string;
}

/** What each grade would schedule, for the answer buttons. Matches {@link gradeCard} at the same `now`. */
export function previewGrades(
  fields: CardFields,
  now: Date,
  settings: SchedulerSettings,
): Record<ReviewRating, GradePreview> {
  const preview = schedulerFor(settings).repeat(toFsrsCard(fields), now);
  const entry = (rating: ReviewRating): GradePreview => {
    const { due } = preview[rating as Grade].card;
    return { due, interval: formatInterval(due.getTime() - now.getTime()) };
  };
  return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4) };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
// Anki's conventions: a month is 30 days and a year 365 for these labels.
const MONTH_MS = 30 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

/**
 * A compact label for a wait, as on Anki's answer buttons: "<1m", "10m",
 * "1h", "3d", "2.5mo", "1.2y". Minutes, hours and days are whole; months and
 * years have one decimal, dropped when it is zero. A value that rounds up to
 * the next unit takes that unit ("60m" reads "1h").
 */
export function formatInterval(ms: number): string {
  if (!(ms >= MINUTE_MS)) return "<1m";
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY_MS);
  if (days < 30) return `${days}d`;
  const months = Math.round((10 * ms) / MONTH_MS) / 10;
  if (months < 12) return `${months}mo`;
  return `${Math.round((10 * ms) / YEAR_MS) / 10}y`;
}

function assertRating(rating: number): asserts rating is ReviewRating {
  if (!REVIEW_RATINGS.includes(rating as ReviewRating)) throw new RangeError(`Rating must be 1–4, got ${rating}`);
}
