import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { resolveDatabase, sqliteStoredTime } from "@/lib/db/config";
import { runOffThread } from "@/lib/off-thread";
import { countTrainingReviews } from "@/lib/srs/optimizer";
import { looksLikeZip, type ExternalReview, type HistoryRead, type HistorySource, type LineProblem, type SkippedRows } from "./history";

/** Largest upload: a deck or collection exported without media is far smaller. next.config.mjs lets the proxy buffer this much. */
export const MAX_HISTORY_FILE_BYTES = 32 * 1024 * 1024;
/** Imported reviews one learner may keep: years of daily Anki use. Settings counts them on every load (about 1 s per 75,000 on SQLite). */
export const MAX_IMPORTED_REVIEWS = 200_000;
/** How long reading one file may take before it is stopped. */
export const HISTORY_READ_TIME_LIMIT_MS = 60_000;
// A 200,000-review history is a few tens of MB of objects in the worker.
const WORKER_HEAP_MB = 512;
const HISTORY_WORKER = { name: "anki-history", entry: ["lib", "anki", "history-worker.ts"], external: ["better-sqlite3"] } as const;
// Cards whose stored reviews are looked up per query, and rows written per insert.
const CARDS_PER_LOOKUP = 500;
const ROWS_PER_INSERT = 5_000;

export type HistoryImportOutcome =
  | {
      ok: true;
      source: HistorySource;
      /** Reviews stored by this import. */
      imported: number;
      /** Reviews of the file stored by an earlier import. */
      alreadyImported: number;
      /** Cards the file's usable reviews belong to. */
      cards: number;
      skipped: SkippedRows;
      /** The learner's reviews the optimizer can now train on, their own and imported ones. */
      trainingReviews: number;
    }
  | { ok: false; reason: "too-large" | "unreadable" | "too-many"; message: string; problems?: LineProblem[]; problemCount?: number };

const starts = new Map<string, Promise<unknown>>();

/** One import at a time per learner in this process, so a double submit counts the first one's reviews as already imported. */
function oneAtATime<T>(userId: string, task: () => Promise<T>): Promise<T> {
  const result = (starts.get(userId) ?? Promise.resolve()).then(task);
  const settled = result.catch(() => undefined);
  starts.set(userId, settled);
  void settled.then(() => {
    if (starts.get(userId) === settled) starts.delete(userId);
  });
  return result;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const keyOf = (card: string, at: number) => `${at}\u0000${card}`;

/** Reads the file in a worker thread: an Anki package (by its ZIP signature) or an fsrs-optimizer CSV. */
export async function readHistoryFile(bytes: Uint8Array, name: string, now: Date): Promise<HistoryRead> {
  const isPackage = looksLikeZip(bytes);
  if (!isPackage && /\.(apkg|colpkg)$/i.test(name)) {
    return { ok: false, message: "This file is not a readable Anki package: it should be a .apkg or .colpkg exported from Anki (a ZIP archive)." };
  }
  const read = await runOffThread<HistoryRead>(
    HISTORY_WORKER,
    { kind: isPackage ? "package" : "csv", bytes, now: now.getTime() },
    { limitMs: HISTORY_READ_TIME_LIMIT_MS, heapMb: WORKER_HEAP_MB },
  );
  return read.ok ? read.result : { ok: false, message: read.message };
}

/**
 * Imports a review history (an Anki `.apkg`/`.colpkg` or an
 * fsrs-optimizer CSV) for the learner's optimizer. Reviews already stored
 * (same card and time, from a file of either format) are left alone, so
 * importing a file again, or the same history in the other format, adds
 * nothing; a file that cannot be read, or would take the learner past
 * {@link MAX_IMPORTED_REVIEWS}, stores nothing.
 */
export function importReviewHistory(
  db: Db,
  userId: string,
  file: { bytes: Uint8Array; name: string },
  now = new Date(),
  { maxImportedReviews = MAX_IMPORTED_REVIEWS }: { maxImportedReviews?: number } = {},
): Promise<HistoryImportOutcome> {
  if (file.bytes.byteLength > MAX_HISTORY_FILE_BYTES) return Promise.resolve(tooLarge());
  return oneAtATime(userId, async (): Promise<HistoryImportOutcome> => {
    const read = await readHistoryFile(file.bytes, file.name, now);
    if (!read.ok) return { ok: false, reason: "unreadable", message: read.message, problems: read.problems, problemCount: read.problemCount };

    const byCard = new Map<string, ExternalReview[]>();
    for (const review of read.reviews) {
      const list = byCard.get(review.card);
      if (list) list.push(review);
      else byCard.set(review.card, [review]);
    }
    const cards = [...byCard.keys()];
    const fresh: ExternalReview[] = [];
    for (let start = 0; start < cards.length; start += CARDS_PER_LOOKUP) {
      const chunk = cards.slice(start, start + CARDS_PER_LOOKUP);
      const stored = await db.importedReview.findMany({
        // Either format: an .apkg and a revlog CSV of one collection hold the same reviews under the same card ids.
        where: { userId, externalCardId: { in: chunk } },
        select: { externalCardId: true, reviewedAt: true },
      });
      const known = new Set(stored.map((r) => keyOf(r.externalCardId, r.reviewedAt.getTime())));
      for (const card of chunk) for (const review of byCard.get(card)!) if (!known.has(keyOf(card, review.at))) fresh.push(review);
      await yieldToEventLoop();
    }

    // The cap is checked and the rows stored as one step per learner, whichever process runs the import.
    const imported = await withLearnerImportLock(db, userId, async (store) => {
      const existing = await store.importedReview.count({ where: { userId } });
      if (existing + fresh.length > maxImportedReviews) return { stored: false as const, wouldHave: existing + fresh.length };
      let added = 0;
      for (let start = 0; start < fresh.length; start += ROWS_PER_INSERT) {
        added += await insertReviews(store, userId, read.source, fresh.slice(start, start + ROWS_PER_INSERT), now);
        // Lets other requests in between: with SQLite every insert holds the event loop.
        await yieldToEventLoop();
      }
      return { stored: true as const, added };
    });
    if (!imported.stored) {
      return {
        ok: false,
        reason: "too-many",
        message: `You can keep at most ${maxImportedReviews.toLocaleString("en")} imported reviews; this file would bring you to ${imported.wouldHave.toLocaleString("en")}. Nothing was imported. Remove your imported history first, or import a single deck.`,
      };
    }

    return {
      ok: true,
      source: read.source,
      imported: imported.added,
      alreadyImported: read.reviews.length - imported.added,
      cards: cards.length,
      skipped: read.skipped,
      trainingReviews: await countTrainingReviews(db, userId),
    };
  });
}


/** Longest a PostgreSQL import may hold its transaction: 200,000 rows are ~40 statements of 5,000. */
const IMPORT_TRANSACTION_MS = 120_000;

/**
 * Runs `task` as the learner's only import anywhere. On PostgreSQL (several
 * app processes may share it) inside one transaction that holds an advisory
 * lock on the learner, so a second import, in any process, counts after the
 * first has stored its rows or stored nothing; on SQLite (one process)
 * {@link oneAtATime} already ensures it, and a transaction would hold the
 * file's write lock from grading for the whole import.
 */
async function withLearnerImportLock<T>(db: Db, userId: string, task: (store: Db) => Promise<T>): Promise<T> {
  if (resolveDatabase().provider !== "postgresql") return task(db);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `history-import:${userId}`);
      return task(tx as unknown as Db);
    },
    { maxWait: IMPORT_TRANSACTION_MS, timeout: IMPORT_TRANSACTION_MS },
  );
}

/**
 * Stores reviews with one statement and one parameter holding them all as
 * JSON: through Prisma's driver adapters every bound parameter costs
 * tens of microseconds, so createMany spends about 200 µs a row, this
 * about 10. Rows already stored (the unique key) are left alone, so a
 * concurrent import of the same file cannot fail or double them. Returns
 * how many rows were added.
 */
async function insertReviews(db: Db, userId: string, source: HistorySource, reviews: readonly ExternalReview[], importedAt: Date): Promise<number> {
  const rows = JSON.stringify(reviews.map((r) => ({ id: randomUUID(), card: r.card, at: sqliteStoredTime(new Date(r.at)), rating: r.rating, state: r.state, duration: r.durationMs })));
  if (resolveDatabase().provider === "postgresql") {
    return db.$executeRawUnsafe(
      `INSERT INTO "ImportedReview" ("id", "userId", "source", "externalCardId", "reviewedAt", "rating", "state", "durationMs", "importedAt")
       SELECT r.id, $1, $2, r.card, r.at::timestamptz AT TIME ZONE 'UTC', r.rating, r.state, r.duration, $3::timestamptz AT TIME ZONE 'UTC'
       FROM json_to_recordset($4::json) AS r(id text, card text, at text, rating integer, state integer, duration integer)
       ON CONFLICT ("userId", "externalCardId", "reviewedAt") DO NOTHING`,
      userId,
      source,
      importedAt.toISOString(),
      rows,
    );
  }
  return db.$executeRawUnsafe(
    `INSERT INTO "ImportedReview" ("id", "userId", "source", "externalCardId", "reviewedAt", "rating", "state", "durationMs", "importedAt")
     SELECT json_extract(value, '$.id'), ?, ?, json_extract(value, '$.card'), json_extract(value, '$.at'), json_extract(value, '$.rating'),
            json_extract(value, '$.state'), json_extract(value, '$.duration'), ?
     FROM json_each(?) WHERE true
     ON CONFLICT ("userId", "externalCardId", "reviewedAt") DO NOTHING`,
    userId,
    source,
    sqliteStoredTime(importedAt),
    rows,
  );
}

function tooLarge(): HistoryImportOutcome {
  return {
    ok: false,
    reason: "too-large",
    message: `This file is larger than ${MAX_HISTORY_FILE_BYTES / 1024 / 1024} MB. In Anki, export without media, or export a single deck with scheduling information.`,
  };
}

/** How many imported reviews the learner keeps, and when they last imported. */
export async function importedHistorySummary(db: Db, userId: string): Promise<{ reviews: number; lastImportedAt: Date | null }> {
  const { _count, _max } = await db.importedReview.aggregate({ where: { userId }, _count: { _all: true }, _max: { importedAt: true } });
  return { reviews: _count._all, lastImportedAt: _max.importedAt };
}

/** Removes every review the learner imported; their own review log is untouched. */
export async function deleteImportedHistory(db: Db, userId: string): Promise<number> {
  const { count } = await db.importedReview.deleteMany({ where: { userId } });
  return count;
}

/** The outcome as one sentence for the learner, e.g. "Imported 1,204 reviews of 310 cards; 12 skipped: 12 rescheduled or reset by hand (no grade)." */
export function describeImport(outcome: Extract<HistoryImportOutcome, { ok: true }>): string {
  const n = (value: number) => value.toLocaleString("en");
  const plural = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;
  const { noGrade, cramming, duplicate, unreadable } = outcome.skipped;
  const reasons = [
    noGrade > 0 ? `${n(noGrade)} rescheduled or reset by hand (no grade)` : "",
    cramming > 0 ? `${n(cramming)} crammed in a filtered deck without rescheduling` : "",
    duplicate > 0 ? `${n(duplicate)} listed twice` : "",
    unreadable > 0 ? `${n(unreadable)} unreadable` : "",
  ].filter(Boolean);
  const skipped = noGrade + cramming + duplicate + unreadable;
  const parts = [`Imported ${plural(outcome.imported, "review", "reviews")} of ${plural(outcome.cards, "card", "cards")}`];
  if (outcome.alreadyImported > 0) parts.push(`${n(outcome.alreadyImported)} were already imported`);
  parts.push(skipped > 0 ? `${n(skipped)} skipped: ${reasons.join(", ")}` : "nothing skipped");
  return `${parts.join("; ")}.`;
}
