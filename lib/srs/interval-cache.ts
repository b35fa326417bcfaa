import { LRUCache } from "lru-cache";
import { previewGrades, schedulerSettingsKey, type CardFields, type SchedulerSettings } from "./scheduler";

/** Interval labels for ratings 1–4 (Again, Hard, Good, Easy). */
export type Intervals = [string, string, string, string];

const DAY_MS = 86_400_000;

/**
 * Interval labels already worked out, per process. ts-fsrs takes ~20–50 µs
 * for a card's four previews, and a day's queue repeats the same cards on
 * every request. A label depends on the learner's scheduler settings, the
 * card's scheduling fields and, through `now`, only on the UTC date (ts-fsrs
 * counts elapsed days between UTC dates; every wait it schedules is a whole
 * number of minutes or days from `now`, so the label of that wait does not
 * move with the clock). With fuzz on, ts-fsrs also seeds its fuzz with the
 * millisecond of `now`: a reused label is then the draw of the request that
 * first computed it, from the same fuzz range (the grade itself is scheduled
 * at grading time, as always). The card's `due` is not read by ts-fsrs for
 * its next intervals, so it is not part of the key.
 */
const cache = new LRUCache<string, Intervals>({ max: 50_000 });

/**
 * A function giving a card's interval labels at `now` under `settings`,
 * equal to previewGrades' labels for the same inputs (see the cache above
 * for what a reused label is). Create one per request.
 */
export function intervalPreviews(now: Date, settings: SchedulerSettings): (fields: CardFields) => Intervals {
  const prefix = `${schedulerSettingsKey(settings)}|${Math.floor(now.getTime() / DAY_MS)}|`;
  return (fields) => {
    const key = `${prefix}${fields.state}|${fields.stability}|${fields.difficulty}|${fields.elapsedDays}|${fields.scheduledDays}|${fields.learningSteps}|${fields.reps}|${fields.lapses}|${fields.lastReview?.getTime() ?? ""}`;
    let intervals = cache.get(key);
    if (!intervals) {
      const preview = previewGrades(fields, now, settings);
      intervals = [preview[1].interval, preview[2].interval, preview[3].interval, preview[4].interval];
      cache.set(key, intervals);
    }
    return [...intervals];
  };
}

/** Forgets every cached label (tests and measurements of a cold start). */
export function clearIntervalCache(): void {
  cache.clear();
}
