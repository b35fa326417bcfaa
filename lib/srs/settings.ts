import { computeDecayFactor, default_w, type StepUnit } from "ts-fsrs";
import { z } from "zod";

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.99;
export const MAX_STEPS = 10;

const STEP_TOKEN = /^\d+(m|h|d)$/;
const MINUTES_PER_UNIT = { m: 1, h: 60, d: 1440 } as const;
// A step longer than a year is a typo, and a huge one would overflow the due date.
const MAX_STEP_MINUTES = 365 * 1440;

/** Form fields arrive as strings: a blank one is missing, not zero. */
function fromFormNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

function wholeNumber(label: string, min: number, max: number, unit = "") {
  const range = `${label} must be a whole number from ${min} to ${max}${unit}`;
  return z.preprocess(
    fromFormNumber,
    z.number({ error: `Enter ${label.toLowerCase()}` }).int(range).min(min, range).max(max, range),
  );
}

/** An HTML checkbox sends "on" when ticked and nothing when not. */
function fromFormBoolean(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value !== "string") return value;
  const words: Record<string, boolean> = { on: true, true: true, off: false, false: false };
  return words[value.trim().toLowerCase()] ?? value;
}

function stepTokens(value: string): string[] {
  return value.split(/\s+/).filter((token) => token !== "");
}

function stepMinutes(token: string): number {
  const unit = token.slice(-1) as keyof typeof MINUTES_PER_UNIT;
  return Number.parseInt(token, 10) * MINUTES_PER_UNIT[unit];
}

function steps(label: string) {
  return z
    .string({ error: `Enter the ${label.toLowerCase()}, like "1m 10m"` })
    .trim()
    .refine((value) => stepTokens(value).every((token) => STEP_TOKEN.test(token)), {
      message: `${label}: write each step as a whole number followed by m, h or d (minutes, hours, days), separated by spaces, like "1m 10m"`,
      abort: true,
    })
    .refine((value) => stepTokens(value).length <= MAX_STEPS, { message: `${label}: use at most ${MAX_STEPS} steps` })
    .refine(
      (value) =>
        stepTokens(value).every((token) => {
          const minutes = stepMinutes(token);
          return minutes >= 1 && minutes <= MAX_STEP_MINUTES;
        }),
      { message: `${label}: each step must be between 1m and 365d` },
    )
    .transform((value) => stepTokens(value).join(" "));
}

/**
 * A learner's review settings, shared by the settings form and the API.
 * Form strings are accepted: numbers as text, the fuzz checkbox as "on"
 * (absent means off), steps as space-separated text, normalised to single
 * spaces.
 */
export const srsSettingsSchema = z.object({
  desiredRetention: z.preprocess(
    fromFormNumber,
    z
      .number({ error: "Enter a desired retention between 0.70 and 0.99" })
      .min(RETENTION_MIN, "Desired retention must be at least 0.70 (70%)")
      .max(RETENTION_MAX, "Desired retention must be at most 0.99 (99%)"),
  ),
  newPerDay: wholeNumber("New cards per day", 0, 500),
  maxReviewsPerDay: wholeNumber("Maximum reviews per day", 0, 5000),
  maximumInterval: wholeNumber("Maximum interval", 1, 36500, " days"),
  learningSteps: steps("Learning steps"),
  relearningSteps: steps("Relearning steps"),
  enableFuzz: z.preprocess(fromFormBoolean, z.boolean({ error: "Fuzz must be on or off" })),
  rolloverHour: wholeNumber("Day rollover hour", 0, 23),
});

export type SrsSettingsValues = z.output<typeof srsSettingsSchema>;

/** The same defaults as the SrsSettings model in prisma/schema.prisma. */
export const DEFAULT_SRS_SETTINGS: SrsSettingsValues = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  maximumInterval: 36500,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: true,
  rolloverHour: 4,
};

/**
 * Stored steps ("1m 10m") as ts-fsrs step units. Throws a RangeError on a
 * malformed token: stored steps went through {@link srsSettingsSchema}, so
 * one that does not parse is corrupt data, not user input.
 */
export function parseSteps(value: string): StepUnit[] {
  return stepTokens(value).map((token) => {
    if (!STEP_TOKEN.test(token)) throw new RangeError(`Invalid learning step "${token}"; expected e.g. "10m", "1h" or "1d"`);
    return token as StepUnit;
  });
}

/**
 * Reviews per day at `retention` relative to 90%, for a steady collection
 * under ts-fsrs's default parameters.
 *
 * ts-fsrs schedules a card of stability S at the interval
 * S · (R^(1/DECAY) − 1) / FACTOR, so the interval for a target retention R
 * is proportional to (R^(1/DECAY) − 1) / FACTOR, and the number of reviews a
 * steady collection needs per day is proportional to 1 / interval. This
 * ignores the extra relearning that a lower retention brings, so it slightly
 * flatters low retentions.
 */
export function workloadEstimate(retention: number): number {
  if (!(retention > 0 && retention < 1)) throw new RangeError(`Retention must be between 0 and 1, got ${retention}`);
  const { decay, factor } = computeDecayFactor(default_w);
  const intervalFactor = (r: number) => (Math.pow(r, 1 / decay) - 1) / factor;
  return intervalFactor(0.9) / intervalFactor(retention);
}

/** One sentence on what a desired retention costs in reviews, for the settings form. */
export function workloadSentence(retention: number): string {
  const percent = Math.round(retention * 100);
  if (percent === 90) {
    return `At 90%, the default, you forget about 1 in 10 cards by the time they come due; at 95% you would do about ${times(workloadEstimate(0.95))} the reviews, at 80% about ${times(workloadEstimate(0.8))}.`;
  }
  const relative = `At ${percent}% you would do about ${times(workloadEstimate(retention))} the reviews you do at 90%`;
  return percent > 90
    ? `${relative}, and forget about ${100 - percent}% of cards by the time they come due instead of 10%.`
    : `${relative}, but forget about ${100 - percent}% of cards by the time they come due instead of 10%.`;
}

function times(multiplier: number): string {
  return `${Number(multiplier.toPrecision(2))}×`;
}
