import type { CardFields } from "./scheduler";

/** The scheduling columns of ReviewCard, for `select`. */
export const CARD_FIELDS_SELECT = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

export function fieldsOf(row: CardFields): CardFields {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}

/** JSON for ReviewLog.before/after: dates as ISO strings. */
export function serializeFields(fields: CardFields): string {
  return JSON.stringify({ ...fieldsOf(fields), due: fields.due.toISOString(), lastReview: fields.lastReview?.toISOString() ?? null });
}

export function parseFields(json: string): CardFields {
  const raw = JSON.parse(json) as Omit<CardFields, "due" | "lastReview"> & { due: string; lastReview: string | null };
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview ? new Date(raw.lastReview) : null };
}

/** Whether a card still has exactly these scheduling fields (no later review changed it). */
export function sameFields(a: CardFields, b: CardFields): boolean {
  return serializeFields(a) === serializeFields(b);
}
