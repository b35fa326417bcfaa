const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A learner's study day: from `rolloverHour`:00 local to the next day's. */
export interface LearnerDay {
  /** The local calendar date on which the study day starts, YYYY-MM-DD. */
  key: string;
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). */
  end: Date;
}

/**
 * The learner's study day containing `now`: the local calendar day in
 * `timeZone`, shifted back by `rolloverHour` hours, so that with the default
 * rollover of 4 a review at 02:30 on the 10th still counts for the 9th.
 *
 * `start` is the first instant whose local time is at or after
 * `rolloverHour`:00 on `key`, and `end` the same on the next date. Days are
 * 23 or 25 hours long across DST changes; when `rolloverHour`:00 does not
 * exist (a spring-forward gap) the day starts at the first instant after the
 * gap, and when it happens twice (fall-back) at the first occurrence.
 *
 * Throws a RangeError for an unknown time zone or a rollover hour outside
 * 0–23; both are validated where settings come in.
 */
export function learnerDay(now: Date, timeZone: string, rolloverHour: number): LearnerDay {
  const date = studyDate(now, timeZone, rolloverHour);
  const startWall = date + rolloverHour * HOUR_MS;
  return {
    key: isoDate(date),
    start: new Date(firstInstantAtOrAfter(startWall, timeZone)),
    end: new Date(firstInstantAtOrAfter(startWall + DAY_MS, timeZone)),
  };
}

/** The study-day key (YYYY-MM-DD) of an instant; see {@link learnerDay}. */
export function dayKeyOf(date: Date, timeZone: string, rolloverHour: number): string {
  return isoDate(studyDate(date, timeZone, rolloverHour));
}

/** Midnight UTC of the local calendar date on which the study day containing `now` starts. */
function studyDate(now: Date, timeZone: string, rolloverHour: number): number {
  if (!Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    throw new RangeError(`rolloverHour must be an integer from 0 to 23, got ${rolloverHour}`);
  }
  const local = wallClock(now.getTime(), timeZone);
  const midnight = local - mod(local, DAY_MS);
  return local - midnight < rolloverHour * HOUR_MS ? midnight - DAY_MS : midnight;
}

/**
 * The earliest instant whose local wall-clock time in `timeZone` is at or
 * after `wall` (a local date-time written as if it were UTC milliseconds).
 */
function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  // A day either side is enough to see the offsets before and after any DST
  // change that could affect `wall`.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = offsetBefore === offsetAfter ? [wall - offsetBefore] : [wall - offsetBefore, wall - offsetAfter];
  const exact = candidates.filter((instant) => wallClock(instant, timeZone) === wall);
  // Two exact matches: the wall time happens twice (fall-back); take the first.
  if (exact.length > 0) return Math.min(...exact);

  // `wall` falls in a spring-forward gap: the transition instant lies between
  // the two candidates. Search for it to the second; zone offsets are whole
  // seconds, and this only runs on the rare day the rollover hour is skipped.
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Local wall-clock time at `instant`, written as if it were UTC milliseconds (whole seconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const at = new Date(0);
  at.setUTCFullYear(get("year"), get("month") - 1, get("day"));
  at.setUTCHours(get("hour"), get("minute"), get("second"), 0);
  return at.getTime();
}

/** Offset of local time from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - (instant - mod(instant, 1000));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function isoDate(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
