import { createEmptyCard, default_w, fsrs, generatorParameters, type Card, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/srs/random";
import {
  LEECH_LAPSES,
  formatInterval,
  fromFsrsCard,
  gradeCard,
  newCardFields,
  previewGrades,
  schedulerFor,
  toFsrsCard,
  type CardFields,
  type ReviewRating,
  type SchedulerSettings,
} from "@/lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS, parseSteps } from "@/lib/srs/settings";

const MINUTE = 60_000;
const DAY = 86_400_000;
const start = new Date("2026-01-05T09:00:00Z");

/** ts-fsrs configured directly from the same settings: the reference. */
function reference(settings: SchedulerSettings) {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      learning_steps: parseSteps(settings.learningSteps),
      relearning_steps: parseSteps(settings.relearningSteps),
      ...(settings.parameters ? { w: settings.parameters } : {}),
    }),
  );
}

const noFuzz: SchedulerSettings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
const configurations: [string, SchedulerSettings][] = [
  ["defaults, fuzz off", noFuzz],
  [
    "low retention, one learning step, no relearning steps, short maximum interval",
    { ...noFuzz, desiredRetention: 0.8, learningSteps: "10m", relearningSteps: "", maximumInterval: 60 },
  ],
  [
    "high retention, no learning steps, long relearning steps",
    { ...noFuzz, desiredRetention: 0.97, learningSteps: "", relearningSteps: "1h 1d" },
  ],
  [
    "fitted parameters",
    { ...noFuzz, parameters: default_w.map((w, i) => (i === 20 ? 0.3 : i < 4 ? w * 1.5 : w)) },
  ],
];

/** Grades and review times for one simulated learner, varied by a seed. */
function* simulation(seed: string, length: number): Generator<{ rating: ReviewRating; offsetMs: number }> {
  const random = seededRandom(seed);
  for (let i = 0; i < length; i++) {
    const rating = (1 + Math.floor(random() * 4)) as ReviewRating;
    // Mostly on time, sometimes late by up to 3 days, sometimes early.
    const roll = random();
    const offsetMs = roll < 0.6 ? 0 : roll < 0.85 ? Math.floor(random() * 3 * DAY) : -Math.floor(random() * 6 * 60 * MINUTE);
    yield { rating, offsetMs };
  }
}

describe("gradeCard equals ts-fsrs's own next() with fuzz off", () => {
  for (const [name, settings] of configurations) {
    it(`matches every field over random grade sequences: ${name}`, () => {
      const f = reference(settings);
      for (let learner = 0; learner < 12; learner++) {
        let fields = newCardFields(start);
        let card: Card = createEmptyCard(start);
        let now = start;
        for (const { rating, offsetMs } of simulation(`${name}/${learner}`, 40)) {
          // Never review before the previous review.
          now = new Date(Math.max(fields.due.getTime() + offsetMs, now.getTime() + MINUTE));
          const ours = gradeCard(fields, rating, now, settings).after;
          const theirs = f.next(card, now, rating as Grade).card;
          expect(ours).toEqual(fromFsrsCard(theirs));
          expect(toFsrsCard(ours)).toEqual(theirs);
          fields = ours;
          card = theirs;
        }
      }
    });
  }

  it("compares every field explicitly on a fixed sequence", () => {
    const f = reference(noFuzz);
    let fields = newCardFields(start);
    let card: Card = createEmptyCard(start);
    let now = start;
    const ratings: ReviewRating[] = [3, 3, 3, 3, 1, 2, 3, 3, 4, 1, 1, 3];
    for (const rating of ratings) {
      const after = gradeCard(fields, rating, now, noFuzz).after;
      card = f.next(card, now, rating as Grade).card;
      expect(after.due).toEqual(card.due);
      expect(after.stability).toBe(card.stability);
      expect(after.difficulty).toBe(card.difficulty);
      expect(after.elapsedDays).toBe(card.elapsed_days);
      expect(after.scheduledDays).toBe(card.scheduled_days);
      expect(after.learningSteps).toBe(card.learning_steps);
      expect(after.reps).toBe(card.reps);
      expect(after.lapses).toBe(card.lapses);
      expect(after.state).toBe(card.state);
      expect(after.lastReview).toEqual(card.last_review);
      fields = after;
      now = after.due;
    }
    expect(fields.reps).toBe(ratings.length);
    expect(fields.lapses).toBeGreaterThan(0);
  });

  it("also matches with fuzz on, whose seed comes from the review itself", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS };
    const f = reference(settings);
    let fields = newCardFields(start);
    let card: Card = createEmptyCard(start);
    for (const { rating, offsetMs } of simulation("fuzz", 30)) {
      const now = new Date(Math.max(fields.due.getTime() + offsetMs, (fields.lastReview?.getTime() ?? 0) + MINUTE));
      fields = gradeCard(fields, rating, now, settings).after;
      card = f.next(card, now, rating as Grade).card;
      expect(fields).toEqual(fromFsrsCard(card));
    }
  });

  it("rejects a rating outside 1–4", () => {
    const fields = newCardFields(start);
    expect(() => gradeCard(fields, 0 as ReviewRating, start, noFuzz)).toThrow(RangeError);
    expect(() => gradeCard(fields, 5 as ReviewRating, start, noFuzz)).toThrow(RangeError);
  });
});

describe("card conversion", () => {
  it("a new card mirrors createEmptyCard", () => {
    expect(newCardFields(start)).toEqual({
      due: start,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      lastReview: null,
    });
    expect(toFsrsCard(newCardFields(start))).toEqual(createEmptyCard(start));
  });

  it("round-trips a reviewed card", () => {
    const fields = gradeCard(newCardFields(start), 3, start, noFuzz).after;
    expect(fromFsrsCard(toFsrsCard(fields))).toEqual(fields);
    expect(toFsrsCard(fields).last_review).toEqual(start);
  });

  it("refuses a state that is not 0–3", () => {
    expect(() => toFsrsCard({ ...newCardFields(start), state: 4 })).toThrow(RangeError);
  });
});

describe("schedulerFor", () => {
  it("caches one instance per distinct settings", () => {
    expect(schedulerFor({ ...noFuzz })).toBe(schedulerFor({ ...noFuzz }));
    expect(schedulerFor({ ...noFuzz, desiredRetention: 0.85 })).not.toBe(schedulerFor(noFuzz));
    expect(schedulerFor({ ...noFuzz, parameters: [...default_w] })).not.toBe(schedulerFor(noFuzz));
  });

  it("passes every setting to ts-fsrs", () => {
    const w = default_w.map((value, i) => (i === 0 ? 0.5 : value));
    const { parameters } = schedulerFor({
      desiredRetention: 0.85,
      maximumInterval: 400,
      enableFuzz: true,
      learningSteps: "5m 30m 1h",
      relearningSteps: "15m",
      parameters: w,
    });
    expect(parameters.request_retention).toBe(0.85);
    expect(parameters.maximum_interval).toBe(400);
    expect(parameters.enable_fuzz).toBe(true);
    expect(parameters.learning_steps).toEqual(["5m", "30m", "1h"]);
    expect(parameters.relearning_steps).toEqual(["15m"]);
    expect(parameters.w[0]).toBe(0.5);
  });

  it("uses ts-fsrs's default weights when parameters are null", () => {
    expect(schedulerFor({ ...noFuzz, parameters: null }).parameters.w).toEqual([...default_w]);
  });
});

describe("previewGrades", () => {
  it("equals repeat() for each grade, with the interval label from now", () => {
    const f = reference(noFuzz);
    let fields = newCardFields(start);
    let now = start;
    for (const rating of [3, 3, 3, 1, 3, 3] as ReviewRating[]) {
      const preview = previewGrades(fields, now, noFuzz);
      const expected = f.repeat(toFsrsCard(fields), now);
      for (const grade of [1, 2, 3, 4] as const) {
        const due = expected[grade as Grade].card.due;
        expect(preview[grade].due).toEqual(due);
        expect(preview[grade].interval).toBe(formatInterval(due.getTime() - now.getTime()));
      }
      fields = gradeCard(fields, rating, now, noFuzz).after;
      now = fields.due;
    }
  });

  it("shows the learning steps on a new card", () => {
    const preview = previewGrades(newCardFields(start), start, noFuzz);
    expect(preview[1].interval).toBe("1m");
    expect(preview[2].interval).toBe("6m");
    expect(preview[3].interval).toBe("10m");
    expect(preview[4].interval).toMatch(/^\d+d$/);
  });

  it("agrees with gradeCard at the same moment, fuzz included", () => {
    const settings = DEFAULT_SRS_SETTINGS;
    let fields = newCardFields(start);
    for (const rating of [3, 3, 3, 3] as ReviewRating[]) fields = gradeCard(fields, rating, fields.due, settings).after;
    const now = new Date(fields.due.getTime() + 2 * DAY);
    const preview = previewGrades(fields, now, settings);
    for (const grade of [1, 2, 3, 4] as const) {
      expect(gradeCard(fields, grade, now, settings).after.due).toEqual(preview[grade].due);
    }
  });
});

describe("leeches", () => {
  const matureCard = (lapses: number): CardFields => ({
    due: start,
    stability: 20,
    difficulty: 6,
    elapsedDays: 10,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 20,
    lapses,
    state: 2,
    lastReview: new Date(start.getTime() - 10 * DAY),
  });

  it("flags the grade that brings lapses to 8", () => {
    expect(LEECH_LAPSES).toBe(8);
    const result = gradeCard(matureCard(7), 1, start, noFuzz);
    expect(result.after.lapses).toBe(8);
    expect(result.leechNow).toBe(true);
  });

  it("does not flag before the 8th lapse, after it, or on grades that are not lapses", () => {
    expect(gradeCard(matureCard(6), 1, start, noFuzz).leechNow).toBe(false);
    expect(gradeCard(matureCard(8), 1, start, noFuzz).leechNow).toBe(false);
    expect(gradeCard(matureCard(7), 3, start, noFuzz).leechNow).toBe(false);
    // Again while relearning is not another lapse.
    const relearning = gradeCard(matureCard(7), 1, start, noFuzz).after;
    expect(relearning.state).toBe(3);
    const again = gradeCard({ ...relearning, lapses: 7 }, 1, new Date(start.getTime() + 10 * MINUTE), noFuzz);
    expect(again.after.lapses).toBe(7);
    expect(again.leechNow).toBe(false);
  });

  it("flags exactly once, at the 8th lapse, over a card's life", () => {
    let fields = newCardFields(start);
    let now = start;
    const flaggedAt: number[] = [];
    for (let i = 0; i < 200 && fields.lapses < 10; i++) {
      // Graduate to Review with Good, then forget it.
      const rating: ReviewRating = fields.state === 2 ? 1 : 3;
      const { after, leechNow } = gradeCard(fields, rating, now, noFuzz);
      if (leechNow) flaggedAt.push(after.lapses);
      fields = after;
      now = fields.due;
    }
    expect(flaggedAt).toEqual([8]);
  });
});

describe("formatInterval", () => {
  it.each([
    [0, "<1m"],
    [-5 * MINUTE, "<1m"],
    [59_000, "<1m"],
    [MINUTE, "1m"],
    [10 * MINUTE, "10m"],
    [59 * MINUTE + 40_000, "1h"],
    [60 * MINUTE, "1h"],
    [90 * MINUTE, "2h"],
    [23 * 60 * MINUTE, "23h"],
    [DAY, "1d"],
    [3 * DAY, "3d"],
    [29 * DAY, "29d"],
    [30 * DAY, "1mo"],
    [75 * DAY, "2.5mo"],
    [330 * DAY, "11mo"],
    [360 * DAY, "1y"],
    [438 * DAY, "1.2y"],
    [3650 * DAY, "10y"],
  ])("%d ms reads %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
