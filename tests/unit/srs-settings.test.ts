import { createEmptyCard, fsrs, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SRS_SETTINGS,
  parseSteps,
  srsSettingsSchema,
  workloadEstimate,
  workloadSentence,
} from "@/lib/srs/settings";

const valid = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  maximumInterval: 36500,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: true,
  rolloverHour: 4,
};

/** The first message for each field, as a form would show it. */
function errors(input: Record<string, unknown>): Record<string, string> {
  const result = srsSettingsSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe("srsSettingsSchema", () => {
  it("accepts the defaults, which match the database's", () => {
    expect(srsSettingsSchema.parse(DEFAULT_SRS_SETTINGS)).toEqual(DEFAULT_SRS_SETTINGS);
    expect(DEFAULT_SRS_SETTINGS).toEqual(valid);
  });

  it("reads form strings and normalises the steps", () => {
    expect(
      srsSettingsSchema.parse({
        desiredRetention: " 0.85 ",
        newPerDay: "15",
        maxReviewsPerDay: "300",
        maximumInterval: "3650",
        learningSteps: "  1m   10m 1h ",
        relearningSteps: "10m",
        enableFuzz: "on",
        rolloverHour: "0",
      }),
    ).toEqual({
      desiredRetention: 0.85,
      newPerDay: 15,
      maxReviewsPerDay: 300,
      maximumInterval: 3650,
      learningSteps: "1m 10m 1h",
      relearningSteps: "10m",
      enableFuzz: true,
      rolloverHour: 0,
    });
  });

  it.each([
    [true, true],
    [false, false],
    ["on", true],
    ["true", true],
    ["off", false],
    ["false", false],
    [undefined, false],
    ["", false],
  ])("reads fuzz %j as %j", (value, expected) => {
    expect(srsSettingsSchema.parse({ ...valid, enableFuzz: value }).enableFuzz).toBe(expected);
  });

  it("rejects a fuzz value that is neither on nor off", () => {
    expect(errors({ ...valid, enableFuzz: "maybe" })).toEqual({ enableFuzz: "Fuzz must be on or off" });
  });

  it("keeps desired retention between 0.70 and 0.99", () => {
    expect(srsSettingsSchema.parse({ ...valid, desiredRetention: 0.7 }).desiredRetention).toBe(0.7);
    expect(srsSettingsSchema.parse({ ...valid, desiredRetention: 0.99 }).desiredRetention).toBe(0.99);
    expect(errors({ ...valid, desiredRetention: 0.69 })).toEqual({
      desiredRetention: "Desired retention must be at least 0.70 (70%)",
    });
    expect(errors({ ...valid, desiredRetention: "1" })).toEqual({
      desiredRetention: "Desired retention must be at most 0.99 (99%)",
    });
    expect(errors({ ...valid, desiredRetention: "" })).toEqual({
      desiredRetention: "Enter a desired retention between 0.70 and 0.99",
    });
  });

  it.each([
    ["newPerDay", 501, "New cards per day must be a whole number from 0 to 500"],
    ["newPerDay", -1, "New cards per day must be a whole number from 0 to 500"],
    ["newPerDay", "2.5", "New cards per day must be a whole number from 0 to 500"],
    ["newPerDay", "", "Enter new cards per day"],
    ["newPerDay", "ten", "Enter new cards per day"],
    ["maxReviewsPerDay", 5001, "Maximum reviews per day must be a whole number from 0 to 5000"],
    ["maximumInterval", 0, "Maximum interval must be a whole number from 1 to 36500 days"],
    ["maximumInterval", 36501, "Maximum interval must be a whole number from 1 to 36500 days"],
    ["rolloverHour", 24, "Day rollover hour must be a whole number from 0 to 23"],
    ["rolloverHour", -1, "Day rollover hour must be a whole number from 0 to 23"],
  ])("rejects %s = %j", (field, value, message) => {
    expect(errors({ ...valid, [field]: value })).toEqual({ [field]: message });
  });

  it("accepts the edges of the ranges", () => {
    const edges = { ...valid, newPerDay: 0, maxReviewsPerDay: 5000, maximumInterval: 1, rolloverHour: 23 };
    expect(srsSettingsSchema.parse(edges)).toEqual(edges);
  });

  it("accepts empty steps and up to ten of them", () => {
    const ten = "1m 2m 3m 4m 5m 6m 7m 8m 9m 10m";
    expect(srsSettingsSchema.parse({ ...valid, learningSteps: "", relearningSteps: "   " })).toMatchObject({
      learningSteps: "",
      relearningSteps: "",
    });
    expect(srsSettingsSchema.parse({ ...valid, learningSteps: ten, relearningSteps: "1h 1d" })).toMatchObject({
      learningSteps: ten,
      relearningSteps: "1h 1d",
    });
  });

  it.each([
    ["learningSteps", "1m 10x", 'Learning steps: write each step as a whole number followed by m, h or d (minutes, hours, days), separated by spaces, like "1m 10m"'],
    ["learningSteps", "1.5m", 'Learning steps: write each step as a whole number followed by m, h or d (minutes, hours, days), separated by spaces, like "1m 10m"'],
    ["learningSteps", "10 m", 'Learning steps: write each step as a whole number followed by m, h or d (minutes, hours, days), separated by spaces, like "1m 10m"'],
    ["relearningSteps", "1m,10m", 'Relearning steps: write each step as a whole number followed by m, h or d (minutes, hours, days), separated by spaces, like "1m 10m"'],
    ["learningSteps", "1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 11m", "Learning steps: use at most 10 steps"],
    ["relearningSteps", "0m", "Relearning steps: each step must be between 1m and 365d"],
    ["learningSteps", "366d", "Learning steps: each step must be between 1m and 365d"],
  ])("rejects %s = %j", (field, value, message) => {
    expect(errors({ ...valid, [field]: value })).toEqual({ [field]: message });
  });

  it("reports every wrong field at once", () => {
    expect(Object.keys(errors({})).sort()).toEqual(
      ["desiredRetention", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "relearningSteps", "rolloverHour"],
    );
  });
});

describe("parseSteps", () => {
  it("splits stored steps into ts-fsrs units", () => {
    expect(parseSteps("1m 10m")).toEqual(["1m", "10m"]);
    expect(parseSteps(" 1h  1d ")).toEqual(["1h", "1d"]);
    expect(parseSteps("")).toEqual([]);
  });

  it("throws on a corrupt stored value", () => {
    expect(() => parseSteps("1m ten")).toThrow(RangeError);
  });
});

describe("workload", () => {
  it("is 1 at 90% and grows with retention", () => {
    expect(workloadEstimate(0.9)).toBeCloseTo(1, 6);
    const retentions = [0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99];
    const workloads = retentions.map(workloadEstimate);
    for (let i = 1; i < workloads.length; i++) expect(workloads[i]!).toBeGreaterThan(workloads[i - 1]!);
    expect(workloadEstimate(0.95)).toBeCloseTo(2.48, 2);
    expect(workloadEstimate(0.8)).toBeCloseTo(0.302, 3);
  });

  it("rejects a retention outside (0, 1)", () => {
    expect(() => workloadEstimate(1)).toThrow(RangeError);
    expect(() => workloadEstimate(0)).toThrow(RangeError);
  });

  it("agrees with the intervals ts-fsrs schedules for a mature card", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const mature: Card = {
      ...createEmptyCard(now),
      state: 2,
      stability: 60,
      difficulty: 5,
      reps: 12,
      scheduled_days: 60,
      elapsed_days: 60,
      last_review: new Date(now.getTime() - 60 * 86_400_000),
    };
    const goodInterval = (retention: number) =>
      fsrs({ request_retention: retention, enable_fuzz: false }).next(mature, now, 3).card.scheduled_days;
    const at90 = goodInterval(0.9);
    expect(at90).toBeGreaterThan(100);
    for (const retention of [0.7, 0.8, 0.85, 0.95, 0.97]) {
      const measured = at90 / goodInterval(retention);
      // Intervals are whole days, so allow for rounding.
      expect(Math.abs(measured / workloadEstimate(retention) - 1)).toBeLessThan(0.02);
    }
  });

  it("says what a retention costs in one sentence", () => {
    expect(workloadSentence(0.95)).toBe(
      "At 95% you would do about 2.5× the reviews you do at 90%, and forget about 5% of cards by the time they come due instead of 10%.",
    );
    expect(workloadSentence(0.8)).toBe(
      "At 80% you would do about 0.3× the reviews you do at 90%, but forget about 20% of cards by the time they come due instead of 10%.",
    );
    expect(workloadSentence(0.9)).toBe(
      "At 90%, the default, you forget about 1 in 10 cards by the time they come due; at 95% you would do about 2.5× the reviews, at 80% about 0.3×.",
    );
    expect(workloadSentence(0.99)).toContain("about 15× the reviews");
  });
});
