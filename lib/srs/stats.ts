/**
 * Review statistics for the stats page: pure functions over cards and review
 * logs. Time and time zone are always passed in, never read here.
 *
 * Every function that takes logs expects only live logs: the caller leaves
 * out undone reviews (`undoneAt` set) in its query, because an undone review
 * never happened as far as the learner is concerned.
 *
 * Days are learner days, named by a `YYYY-MM-DD` key: a learner day starts at
 * `rolloverHour` local time, so a review at 01:30 with a 04:00 rollover still
 * belongs to the evening before (`dayKeyOf` in lib/srs/day.ts, which also
 * rejects an unknown time zone or a rollover hour outside 0–23). Weeks start
 * on Monday (ISO 8601), both in the retention chart and in the heatmap's rows.
 */

import { dayKeyOf } from "./day";

const DAY_MS = 86_400_000;

/** Card state as ts-fsrs's `State`, stored as an integer. */
const STATE_NEW = 0;
const STATE_LEARNING = 1;
const STATE_REVIEW = 2;
const STATE_RELEARNING = 3;

/** The rating ts-fsrs calls Again; anything higher is a pass. */
const RATING_AGAIN = 1;

export type DayCount = { key: string; count: number };

export type WeekRetention = {
  /** the Monday that starts the week, as a learner-day key */
  weekStart: string;
  /** reviews of cards that were in the Review state */
  reviews: number;
  /** of those, the ones not rated Again */
  passed: number;
  /** passed / reviews, or null for a week without such reviews */
  retention: number | null;
};

export type CardStateCounts = {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  leech: number;
};

export type Streak = { current: number; longest: number };

export type TimeSpent = { todayMs: number; last7DaysMs: number; totalMs: number };

/** The day key `days` days after `key` (negative for before). */
export function addDays(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(key: string): number {
  return (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday on or before `key`. */
export function weekStartOf(key: string): string {
  return addDays(key, -weekdayIndex(key));
}

/** Whole days from `from` to `to`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Consecutive day keys ending with `last`, oldest first, counts at zero. */
function emptyDays(last: string, days: number): DayCount[] {
  return Array.from({ length: Math.max(0, days) }, (_, i) => ({ key: addDays(last, i - days + 1), count: 0 }));
}

/**
 * Reviews per learner day for the `days` days ending today, oldest first,
 * including days without reviews. Logs outside the window are ignored.
 */
export function dailyReviewCounts(
  logs: readonly { reviewedAt: Date }[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
  days = 365,
): DayCount[] {
  const today = dayKeyOf(now, timeZone, rolloverHour);
  const result = emptyDays(today, days);
  const first = result[0]?.key;
  if (first === undefined) return result;
  for (const log of logs) {
    const index = daysBetween(first, dayKeyOf(log.reviewedAt, timeZone, rolloverHour));
    const day = result[index];
    if (day) day.count += 1;
  }
  return result;
}

/**
 * Cards that will ask for a review on each learner day from today for `days`
 * days, oldest first. New cards are left out (they arrive by the new-card
 * limit, not by due date), and so are suspended ones; overdue cards are
 * counted on today, which is when the learner will meet them.
 */
export function forecast(
  cards: readonly { due: Date; state: number; suspended: boolean }[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
  days = 30,
): DayCount[] {
  const today = dayKeyOf(now, timeZone, rolloverHour);
  const result = emptyDays(addDays(today, days - 1), days);
  for (const card of cards) {
    if (card.suspended || card.state === STATE_NEW) continue;
    const index = Math.max(0, daysBetween(today, dayKeyOf(card.due, timeZone, rolloverHour)));
    const day = result[index];
    if (day) day.count += 1;
  }
  return result;
}

/**
 * True retention per week for the `weeks` weeks ending with the current one,
 * oldest first: the share of reviews of cards in the Review state (the state
 * before the review) that were not rated Again. Learning and relearning steps
 * are left out, as in Anki's true retention, because they test memory minutes
 * old. Weeks start on Monday; the last week is still in progress.
 *
 * `rolloverHour` defaults to 0 (calendar days); pass the learner's setting so
 * week boundaries agree with the heatmap's days.
 */
export function retentionByWeek(
  logs: readonly { reviewedAt: Date; rating: number; state: number }[],
  now: Date,
  timeZone: string,
  weeks = 12,
  rolloverHour = 0,
): WeekRetention[] {
  const currentWeek = weekStartOf(dayKeyOf(now, timeZone, rolloverHour));
  const count = Math.max(0, weeks);
  const result = Array.from({ length: count }, (_, i) => ({
    weekStart: addDays(currentWeek, (i - count + 1) * 7),
    reviews: 0,
    passed: 0,
    retention: null as number | null,
  }));
  const first = result[0]?.weekStart;
  if (first === undefined) return result;
  for (const log of logs) {
    if (log.state !== STATE_REVIEW) continue;
    const offset = daysBetween(first, dayKeyOf(log.reviewedAt, timeZone, rolloverHour));
    const week = offset >= 0 ? result[Math.floor(offset / 7)] : undefined;
    if (!week) continue;
    week.reviews += 1;
    if (log.rating > RATING_AGAIN) week.passed += 1;
  }
  for (const week of result) week.retention = week.reviews > 0 ? week.passed / week.reviews : null;
  return result;
}

/**
 * Cards by scheduling state. Suspended cards are counted only as suspended,
 * so new + learning + review + relearning + suspended is the number of cards;
 * leeches are counted whether suspended or not and overlap the others.
 */
export function stateCounts(cards: readonly { state: number; suspended: boolean; leech: boolean }[]): CardStateCounts {
  const counts: CardStateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 };
  for (const card of cards) {
    if (card.leech) counts.leech += 1;
    if (card.suspended) counts.suspended += 1;
    else if (card.state === STATE_NEW) counts.new += 1;
    else if (card.state === STATE_LEARNING) counts.learning += 1;
    else if (card.state === STATE_REVIEW) counts.review += 1;
    else if (card.state === STATE_RELEARNING) counts.relearning += 1;
  }
  return counts;
}

/**
 * Streaks of consecutive learner days with at least one review, from
 * `dailyReviewCounts` output (oldest first, last entry today). Today without
 * reviews yet does not end the current streak, since the day is not over;
 * streaks are measured within the days given.
 */
export function streak(dailyCounts: readonly DayCount[]): Streak {
  let longest = 0;
  let run = 0;
  for (const day of dailyCounts) {
    run = day.count > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const today = dailyCounts.at(-1);
  const current = today && today.count === 0 ? runEndingAt(dailyCounts, dailyCounts.length - 2) : run;
  return { current, longest };
}

function runEndingAt(dailyCounts: readonly DayCount[], last: number): number {
  let run = 0;
  for (let i = last; i >= 0 && (dailyCounts[i]?.count ?? 0) > 0; i--) run += 1;
  return run;
}

/** Review time today, over the last 7 learner days (today included) and in all. */
export function timeSpent(
  logs: readonly { reviewedAt: Date; durationMs: number }[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
): TimeSpent {
  const today = dayKeyOf(now, timeZone, rolloverHour);
  const result: TimeSpent = { todayMs: 0, last7DaysMs: 0, totalMs: 0 };
  for (const log of logs) {
    const duration = Math.max(0, log.durationMs);
    result.totalMs += duration;
    const age = daysBetween(dayKeyOf(log.reviewedAt, timeZone, rolloverHour), today);
    if (age === 0) result.todayMs += duration;
    if (age >= 0 && age < 7) result.last7DaysMs += duration;
  }
  return result;
}

const wholeNumber = new Intl.NumberFormat("en-US");

/** A duration for people: "42 s", "12 min", "3 h 5 min", "2 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${wholeNumber.format(hours)} h` : `${wholeNumber.format(hours)} h ${rest} min`;
}

/** A day key as words, e.g. "May 4" or, with the year, "Monday, May 4, 2026". */
export function formatDayKey(key: string, style: "short" | "long" = "short"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short" ? { month: "short", day: "numeric", timeZone: "UTC" } : { dateStyle: "full", timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-US", options).format(new Date(`${key}T00:00:00Z`));
}
