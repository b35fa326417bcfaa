import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_SRS_SETTINGS, type SrsSettingsValues } from "./settings";

export type LearnerSrsSettings = SrsSettingsValues & { parameters: number[] | null; parametersFitAt: Date | null };

/** The learner's review settings, or the defaults when never saved. */
export async function getSrsSettings(userId: string): Promise<LearnerSrsSettings> {
  const row = await db.srsSettings.findUnique({ where: { userId } });
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

export async function saveSrsSettings(userId: string, values: SrsSettingsValues): Promise<void> {
  await db.srsSettings.upsert({ where: { userId }, update: values, create: { userId, ...values } });
}
