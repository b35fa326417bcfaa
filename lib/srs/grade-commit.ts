import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { jsonTextList, resolveDatabase, sqliteStoredTime, type DatabaseProvider } from "@/lib/db/config";
import { fieldsOf, serializeFields } from "./records";
import { resolveReviewTime } from "./review-time";
import { gradeCard, type CardFields, type ReviewRating } from "./scheduler";
import type { LearnerSrsSettings } from "./settings-store";

/**
 * Group commit for online and offline grades.
 *
 * Grades that arrive while a commit is running wait for it, then go in
 * together: one read of all their cards, and one transaction with one
 * INSERT of all their log rows and one UPDATE of all their cards, whatever
 * the number of grades. Under load this turns ~5 statements per grade into
 * ~5 per batch; with nothing else waiting a grade is committed at once, so
 * a quiet server adds no delay.
 *
 * Exactly-once and the optimistic check are the same as for one grade:
 * - the log's unique (userId, clientId) claims a grade id (`ON CONFLICT DO
 *   NOTHING … RETURNING` tells which rows went in; the others are duplicates);
 * - a card is updated only if it still has the fields it was read with; a
 *   grade whose card changed since has its log row deleted in the same
 *   transaction and is tried again in the next batch (at most four times,
 *   then refused as a conflict);
 * - a batch holds a grade id, and a card, at most once: a second grade of
 *   the same id or on the same card waits for the next batch, so it sees
 *   the first one's result (a duplicate, or the card as it left it).
 *
 * Each statement takes the whole batch as one JSON parameter: through
 * Prisma's driver adapters every bound parameter has a cost of its own.
 * If a batch fails as a whole (a card deleted mid-batch, say), its grades
 * are applied one by one by `single`, so one bad grade fails only itself.
 */

export interface GradeInput {
  id: string;
  cardId: string;
  rating: number;
  durationMs: number;
  recordedAt?: string;
}

export interface CardUpdate {
  id: string;
  due: string;
  state: number;
  suspended: boolean;
  leech: boolean;
}

export type GradeOutcome =
  | { id: string; status: "applied"; reviewedAt: string; source: "review" | "offline"; card: CardUpdate }
  | { id: string; status: "duplicate" }
  | { id: string; status: "rejected"; reason: "unknown-card" | "suspended" | "future" | "before-last-review" | "too-old" | "conflict"; message: string };

/** Largest batch: keeps one transaction short and its JSON parameter small. */
export const MAX_GROUP = 256;
/** Tries per grade before it is refused as a conflict (a card that keeps changing under it). */
const ATTEMPTS = 4;

interface Pending {
  userId: string;
  grade: GradeInput;
  serverNow: Date;
  settings: LearnerSrsSettings;
  attempts: number;
  resolve: (outcome: GradeOutcome) => void;
  reject: (error: unknown) => void;
}

interface CardRow extends CardFields {
  id: string;
  userId: string;
  suspended: boolean;
  leech: boolean;
}

/** A grade ready to write: its log row and the card's new fields, with the fields it was computed from. */
interface Planned {
  pending: Pending;
  logId: string;
  before: CardFields;
  after: CardFields;
  flags: { suspended: boolean; leech: boolean };
  reviewedAt: Date;
  source: "review" | "offline";
}

/** What a client learns of the card an applied grade left. */
export function cardUpdate(id: string, fields: CardFields, flags: { suspended: boolean; leech: boolean }): CardUpdate {
  return { id, due: fields.due.toISOString(), state: fields.state, ...flags };
}

export const conflictOutcome = (id: string): GradeOutcome => ({ id, status: "rejected", reason: "conflict", message: "The card kept changing while this grade was applied; try again." });

export class GradeCommitter {
  readonly #db: Db;
  readonly #sql: Dialect;
  readonly #single: (pending: Pending) => Promise<GradeOutcome>;
  #queue: Pending[] = [];
  #running = false;
  /** Batches committed and grades in them, for tests and the benchmark's report. */
  readonly stats = { batches: 0, grades: 0, largest: 0 };

  constructor(db: Db, provider: DatabaseProvider, single: (userId: string, grade: GradeInput, serverNow: Date, settings: LearnerSrsSettings) => Promise<GradeOutcome>) {
    this.#db = db;
    this.#sql = provider === "postgresql" ? POSTGRES : SQLITE;
    this.#single = (p) => single(p.userId, p.grade, p.serverNow, p.settings);
  }

  submit(userId: string, grade: GradeInput, serverNow: Date, settings: LearnerSrsSettings): Promise<GradeOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ userId, grade, serverNow, settings, attempts: 0, resolve, reject });
      this.#kick();
    });
  }

  #kick() {
    if (this.#running || this.#queue.length === 0) return;
    this.#running = true;
    // One turn of the event loop first, so grades that arrived together go together.
    setImmediate(() => void this.#drain());
  }

  async #drain() {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#take();
        try {
          await this.#commit(batch);
        } catch {
          // The batch as a whole failed: apply its grades one by one, so only a bad one fails.
          for (const p of batch) await this.#single(p).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.#running = false;
      this.#kick();
    }
  }

  /** The next batch: oldest first, each grade id and each card once; the rest keep their places. */
  #take(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const ids = new Set<string>();
    const cards = new Set<string>();
    for (const p of this.#queue) {
      const idKey = `${p.userId}\u0000${p.grade.id}`;
      const cardKey = p.grade.cardId;
      if (batch.length >= MAX_GROUP || ids.has(idKey) || cards.has(cardKey)) {
        rest.push(p);
        // A later grade of the same id or card must not overtake this one.
        ids.add(idKey);
        cards.add(cardKey);
        continue;
      }
      ids.add(idKey);
      cards.add(cardKey);
      batch.push(p);
    }
    this.#queue = rest;
    return batch;
  }

  async #commit(batch: Pending[]) {
    const rows = await this.#readCards([...new Set(batch.map((p) => p.grade.cardId))]);
    const planned: Planned[] = [];
    const refusals: Array<{ pending: Pending; outcome: GradeOutcome }> = [];
    for (const p of batch) {
      const { grade } = p;
      const card = rows.get(grade.cardId);
      if (!card || card.userId !== p.userId) {
        refusals.push({ pending: p, outcome: { id: grade.id, status: "rejected", reason: "unknown-card", message: "No such card in your collection." } });
        continue;
      }
      if (card.suspended) {
        refusals.push({ pending: p, outcome: { id: grade.id, status: "rejected", reason: "suspended", message: "This card is suspended; unsuspend it to review it." } });
        continue;
      }
      const time = resolveReviewTime({ recordedAt: grade.recordedAt ? new Date(grade.recordedAt) : undefined, serverNow: p.serverNow, lastReview: card.lastReview });
      if (!time.ok) {
        refusals.push({ pending: p, outcome: { id: grade.id, status: "rejected", reason: time.reason, message: time.message } });
        continue;
      }
      const before = fieldsOf(card);
      const { after, leechNow } = gradeCard(before, grade.rating as ReviewRating, time.reviewedAt, p.settings);
      planned.push({ pending: p, logId: randomUUID(), before, after, flags: { suspended: card.suspended || leechNow, leech: card.leech || leechNow }, reviewedAt: time.reviewedAt, source: time.source });
    }

    // A refusal is only given for a grade not already applied: a resent grade stays "duplicate".
    const known = refusals.length > 0 ? await this.#knownGrades(refusals.map((r) => r.pending)) : new Set<string>();

    const retry: Planned[] = [];
    const applied: Planned[] = [];
    const duplicates: Planned[] = [];
    if (planned.length > 0) {
      await this.#db.$transaction(async (tx) => {
        const inserted = await this.#insertLogs(tx as unknown as Db, planned);
        const claimed = planned.filter((g) => inserted.has(key(g.pending.userId, g.pending.grade.id)));
        duplicates.push(...planned.filter((g) => !inserted.has(key(g.pending.userId, g.pending.grade.id))));
        const updated = claimed.length > 0 ? await this.#updateCards(tx as unknown as Db, claimed) : new Set<string>();
        for (const g of claimed) (updated.has(g.pending.grade.cardId) ? applied : retry).push(g);
        // A card changed since it was read: this grade's log row goes, and the grade is tried again on the card as it is now.
        if (retry.length > 0) await this.#deleteLogs(tx as unknown as Db, retry);
      });
    }

    this.stats.batches++;
    this.stats.grades += applied.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);

    for (const g of applied) {
      const { id } = g.pending.grade;
      g.pending.resolve({ id, status: "applied", reviewedAt: g.reviewedAt.toISOString(), source: g.source, card: cardUpdate(g.pending.grade.cardId, g.after, g.flags) });
    }
    for (const g of duplicates) g.pending.resolve({ id: g.pending.grade.id, status: "duplicate" });
    for (const r of refusals) r.pending.resolve(known.has(key(r.pending.userId, r.pending.grade.id)) ? { id: r.pending.grade.id, status: "duplicate" } : r.outcome);
    const again: Pending[] = [];
    for (const g of retry) {
      g.pending.attempts++;
      if (g.pending.attempts >= ATTEMPTS) g.pending.resolve(conflictOutcome(g.pending.grade.id));
      else again.push(g.pending);
    }
    // Retried grades go first, ahead of anything that arrived since.
    if (again.length > 0) this.#queue = [...again, ...this.#queue];
  }

  async #readCards(ids: string[]): Promise<Map<string, CardRow>> {
    const rows = await this.#db.$queryRawUnsafe<CardRow[]>(this.#sql.readCards, JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, { ...r, suspended: Boolean(r.suspended), leech: Boolean(r.leech) }]));
  }

  async #insertLogs(tx: Db, planned: Planned[]): Promise<Set<string>> {
    const t = this.#sql.time;
    const rows = planned.map((g) => ({
      id: g.logId,
      userId: g.pending.userId,
      clientId: g.pending.grade.id,
      cardId: g.pending.grade.cardId,
      rating: g.pending.grade.rating,
      state: g.before.state,
      reviewedAt: t(g.reviewedAt),
      recordedAt: t(g.pending.serverNow),
      durationMs: g.pending.grade.durationMs,
      source: g.source,
      before: serializeFields(g.before),
      after: serializeFields(g.after),
    }));
    const inserted = await tx.$queryRawUnsafe<Array<{ userId: string; clientId: string }>>(this.#sql.insertLogs, JSON.stringify(rows));
    return new Set(inserted.map((r) => key(r.userId, r.clientId)));
  }

  async #updateCards(tx: Db, planned: Planned[]): Promise<Set<string>> {
    const t = this.#sql.time;
    const rows = planned.map(({ pending, before, after, flags }) => ({
      id: pending.grade.cardId,
      userId: pending.userId,
      oReps: before.reps,
      oDue: t(before.due),
      oLast: before.lastReview ? t(before.lastReview) : null,
      due: t(after.due),
      stability: after.stability,
      difficulty: after.difficulty,
      elapsedDays: after.elapsedDays,
      scheduledDays: after.scheduledDays,
      learningSteps: after.learningSteps,
      reps: after.reps,
      lapses: after.lapses,
      state: after.state,
      lastReview: after.lastReview ? t(after.lastReview) : null,
      suspended: this.#sql.bool(flags.suspended),
      leech: this.#sql.bool(flags.leech),
      updatedAt: t(pending.serverNow),
    }));
    const updated = await tx.$queryRawUnsafe<Array<{ id: string }>>(this.#sql.updateCards, JSON.stringify(rows));
    return new Set(updated.map((r) => r.id));
  }

  async #deleteLogs(tx: Db, planned: Planned[]) {
    await tx.$executeRawUnsafe(this.#sql.deleteLogs, JSON.stringify(planned.map((g) => ({ userId: g.pending.userId, clientId: g.pending.grade.id }))));
  }

  async #knownGrades(pending: Pending[]): Promise<Set<string>> {
    const rows = await this.#db.$queryRawUnsafe<Array<{ userId: string; clientId: string }>>(
      this.#sql.knownGrades,
      JSON.stringify(pending.map((p) => ({ userId: p.userId, clientId: p.grade.id }))),
    );
    return new Set(rows.map((r) => key(r.userId, r.clientId)));
  }
}

const key = (userId: string, clientId: string) => `${userId}\u0000${clientId}`;

interface Dialect {
  /** A time as the database stores it, to compare and write as Prisma's own queries do. */
  time: (date: Date) => string;
  /** A boolean as the statements below read it from JSON. */
  bool: (value: boolean) => boolean | number;
  readCards: string;
  insertLogs: string;
  updateCards: string;
  deleteLogs: string;
  knownGrades: string;
}

const CARD_COLUMNS = `"id", "userId", "suspended", "leech", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"`;

/** SQLite keeps DateTime as text (`sqliteStoredTime`); times are compared as that text, as Prisma's filters do. */
const SQLITE: Dialect = {
  time: sqliteStoredTime,
  bool: (value) => (value ? 1 : 0),
  readCards: `SELECT ${CARD_COLUMNS} FROM "ReviewCard" WHERE "id" IN ${jsonTextList("sqlite", "?")}`,
  insertLogs: `INSERT INTO "ReviewLog" ("id", "userId", "clientId", "cardId", "rating", "state", "reviewedAt", "recordedAt", "durationMs", "source", "before", "after")
    SELECT json_extract(value, '$.id'), json_extract(value, '$.userId'), json_extract(value, '$.clientId'), json_extract(value, '$.cardId'),
           json_extract(value, '$.rating'), json_extract(value, '$.state'), json_extract(value, '$.reviewedAt'), json_extract(value, '$.recordedAt'),
           json_extract(value, '$.durationMs'), json_extract(value, '$.source'), json_extract(value, '$.before'), json_extract(value, '$.after')
    FROM json_each(?) WHERE true
    ON CONFLICT ("userId", "clientId") DO NOTHING
    RETURNING "userId", "clientId"`,
  updateCards: `UPDATE "ReviewCard" SET
      "due" = json_extract(v.value, '$.due'), "stability" = json_extract(v.value, '$.stability'), "difficulty" = json_extract(v.value, '$.difficulty'),
      "elapsedDays" = json_extract(v.value, '$.elapsedDays'), "scheduledDays" = json_extract(v.value, '$.scheduledDays'),
      "learningSteps" = json_extract(v.value, '$.learningSteps'), "reps" = json_extract(v.value, '$.reps'), "lapses" = json_extract(v.value, '$.lapses'),
      "state" = json_extract(v.value, '$.state'), "lastReview" = json_extract(v.value, '$.lastReview'),
      "suspended" = json_extract(v.value, '$.suspended'), "leech" = json_extract(v.value, '$.leech'), "updatedAt" = json_extract(v.value, '$.updatedAt')
    FROM json_each(?) AS v
    WHERE "ReviewCard"."id" = json_extract(v.value, '$.id') AND "ReviewCard"."userId" = json_extract(v.value, '$.userId')
      AND "ReviewCard"."reps" = json_extract(v.value, '$.oReps') AND "ReviewCard"."due" = json_extract(v.value, '$.oDue')
      AND "ReviewCard"."lastReview" IS json_extract(v.value, '$.oLast')
    RETURNING "id"`,
  deleteLogs: `DELETE FROM "ReviewLog" WHERE EXISTS (SELECT 1 FROM json_each(?) AS v
    WHERE "ReviewLog"."userId" = json_extract(v.value, '$.userId') AND "ReviewLog"."clientId" = json_extract(v.value, '$.clientId'))`,
  knownGrades: `SELECT "userId", "clientId" FROM "ReviewLog" WHERE EXISTS (SELECT 1 FROM json_each(?) AS v
    WHERE "ReviewLog"."userId" = json_extract(v.value, '$.userId') AND "ReviewLog"."clientId" = json_extract(v.value, '$.clientId'))`,
};

/** PostgreSQL keeps DateTime as timestamp(3) in UTC: ISO text is read back with AT TIME ZONE 'UTC'. */
const utc = (expr: string) => `((${expr})::timestamptz AT TIME ZONE 'UTC')`;
const POSTGRES: Dialect = {
  time: (date) => date.toISOString(),
  bool: (value) => value,
  readCards: `SELECT ${CARD_COLUMNS} FROM "ReviewCard" WHERE "id" IN ${jsonTextList("postgresql", "$1")}`,
  insertLogs: `INSERT INTO "ReviewLog" ("id", "userId", "clientId", "cardId", "rating", "state", "reviewedAt", "recordedAt", "durationMs", "source", "before", "after")
    SELECT r."id", r."userId", r."clientId", r."cardId", r."rating", r."state", ${utc(`r."reviewedAt"`)}, ${utc(`r."recordedAt"`)}, r."durationMs", r."source", r."before", r."after"
    FROM json_to_recordset($1::json) AS r("id" text, "userId" text, "clientId" text, "cardId" text, "rating" integer, "state" integer,
      "reviewedAt" text, "recordedAt" text, "durationMs" integer, "source" text, "before" text, "after" text)
    ON CONFLICT ("userId", "clientId") DO NOTHING
    RETURNING "userId", "clientId"`,
  updateCards: `UPDATE "ReviewCard" AS c SET
      "due" = ${utc(`v."due"`)}, "stability" = v."stability", "difficulty" = v."difficulty", "elapsedDays" = v."elapsedDays",
      "scheduledDays" = v."scheduledDays", "learningSteps" = v."learningSteps", "reps" = v."reps", "lapses" = v."lapses", "state" = v."state",
      "lastReview" = ${utc(`v."lastReview"`)}, "suspended" = v."suspended", "leech" = v."leech", "updatedAt" = ${utc(`v."updatedAt"`)}
    FROM json_to_recordset($1::json) AS v("id" text, "userId" text, "oReps" integer, "oDue" text, "oLast" text, "due" text,
      "stability" double precision, "difficulty" double precision, "elapsedDays" integer, "scheduledDays" integer, "learningSteps" integer,
      "reps" integer, "lapses" integer, "state" integer, "lastReview" text, "suspended" boolean, "leech" boolean, "updatedAt" text)
    WHERE c."id" = v."id" AND c."userId" = v."userId" AND c."reps" = v."oReps" AND c."due" = ${utc(`v."oDue"`)}
      AND c."lastReview" IS NOT DISTINCT FROM ${utc(`v."oLast"`)}
    RETURNING c."id"`,
  deleteLogs: `DELETE FROM "ReviewLog" AS l USING json_to_recordset($1::json) AS v("userId" text, "clientId" text)
    WHERE l."userId" = v."userId" AND l."clientId" = v."clientId"`,
  knownGrades: `SELECT l."userId", l."clientId" FROM "ReviewLog" AS l JOIN json_to_recordset($1::json) AS v("userId" text, "clientId" text)
    ON l."userId" = v."userId" AND l."clientId" = v."clientId"`,
};

/** The process's committer for a client (one per Prisma client). */
const committers = new WeakMap<Db, GradeCommitter>();
export function committerFor(db: Db, single: ConstructorParameters<typeof GradeCommitter>[2]): GradeCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GradeCommitter(db, resolveDatabase().provider, single);
    committers.set(db, committer);
  }
  return committer;
}
