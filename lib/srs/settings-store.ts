import "server-only";
import { db } from "@/lib/db";
import { resolveDatabase } from "@/lib/db/config";
import { DEFAULT_SRS_SETTINGS, type SrsSettingsValues } from "./settings";

export type LearnerSrsSettings = SrsSettingsValues & { parameters: number[] | null; parametersFitAt: Date | null };

const SETTINGS_COLUMNS = [
  "desiredRetention",
  "newPerDay",
  "maxReviewsPerDay",
  "maximumInterval",
  "learningSteps",
  "relearningSteps",
  "enableFuzz",
  "rolloverHour",
  "parameters",
  "parametersFitAt",
] as const satisfies readonly (keyof SrsSettingsRow)[];

/** The SrsSettings columns `srsSettingsOf` reads, for a raw SELECT (qualified by `alias` when given). */
export function srsSettingsColumnsSql(alias?: string): string {
  return SETTINGS_COLUMNS.map((c) => (alias ? `${alias}."${c}"` : `"${c}"`)).join(", ");
}

const SETTINGS_SQL = `SELECT ${srsSettingsColumnsSql()} FROM "SrsSettings" WHERE "userId" = `;

/**
 * The learner's review settings, or the defaults when never saved. A raw
 * read (the queue asks on every request; through the query compiler this
 * one row took about three times as long).
 */
export async function getSrsSettings(userId: string): Promise<LearnerSrsSettings> {
  const rows = await db.$queryRawUnsafe<SrsSettingsRow[]>(SETTINGS_SQL + (resolveDatabase().provider === "postgresql" ? "$1" : "?"), userId);
  return srsSettingsOf(rows[0] ?? null);
}

/**
 * A learner's settings from their row (or the defaults without one), read
 * through Prisma or raw (a raw read on SQLite returns `enableFuzz` as 0/1).
 */
export function srsSettingsOf(row: SrsSettingsRow | (Omit<SrsSettingsRow, "enableFuzz"> & { enableFuzz: boolean | number }) | null): LearnerSrsSettings {
  if (!row) return { ...DEFAULT_SRS_SETTINGS, parameters: null, parametersFitAt: null };
  return {
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    maximumInterval: row.maximumInterval,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    enableFuzz: Boolean(row.enableFuzz),
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
