import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_SRS_SETTINGS, type SrsSettingsValues } from "./settings";

export type LearnerSrsSettings = SrsSettingsValues & { parameters: number[] | null; parametersFitAt: Date | null };

/** The learner's review settings, or the defaults when never saved. */
export async function getSrsSettings(userId: string): Promise<LearnerSrsSettings> {
  return srsSettingsOf(await db.srsSettings.findUnique({ where: { userId } }));
}

/** A learner's settings from their row (or the defaults without one), for reads that join it to another. */
export function srsSettingsOf(row: SrsSettingsRow | null): LearnerSrsSettings {
  if (!row) return { ...DEFAULT_SRS_SETTINGS, parameters: null, parametersFitAt: null };
  return {
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    maximumInterval: row.maximumInterval,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    enableFuzz: row.enableFuzz,
    rolloverHour: row.rolloverHour,
    parameters: row.parameters ? (JSON.parse(row.parameters) as number[]) : null,
    parametersFitAt: row.parametersFitAt,
  };
}

/** A stored SrsSettings row's values, as `srsSettingsOf` reads them. */
export type SrsSettingsRow = {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  maximumInterval: number;
  learningSteps: string;
  relearningSteps: string;
  enableFuzz: boolean;
  rolloverHour: number;
  parameters: string | null;
  parametersFitAt: Date | null;
};

export async function saveSrsSettings(userId: string, values: SrsSettingsValues): Promise<void> {
  await db.srsSettings.upsert({ where: { userId }, update: values, create: { userId, ...values } });
}
