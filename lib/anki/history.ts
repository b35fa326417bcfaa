/**
 * Reading a learner's review history from another app, for the optimizer:
 *
 * - an Anki collection inside an `.apkg` or `.colpkg` (`collection.anki21`
 *   or `collection.anki2`; the `revlog` table), read as fsrs-optimizer
 *   reads it: only graded reviews (ease 1–4), not manual reschedules or
 *   resets (type 4/5, ease 0) nor reviews in a filtered deck that did not
 *   reschedule (type 3, factor 0); a learning review that follows no other
 *   learning review is the card being seen new;
 * - a CSV in fsrs-optimizer's review-log schema: `card_id, review_time`
 *   (milliseconds since 1970, UTC), `review_rating` (1–4) and optionally
 *   `review_state` (0 New, 1 Learning, 2 Review, 3 Relearning) and
 *   `review_duration` (milliseconds).
 *
 * Pure functions (the SQLite driver is passed in), run in a worker thread
 * by history-worker.ts.
 */
import type BetterSqlite3 from "better-sqlite3";
import { unzipSync } from "fflate";
import Papa from "papaparse";

/** A review as stored: the card's id in the other app, the time in milliseconds, the grade and the state before it. */
export interface ExternalReview {
  card: string;
  at: number;
  rating: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning; null when the file does not say. */
  state: number | null;
  durationMs: number;
}

export interface LineProblem {
  line: number;
  message: string;
}

/** Rows left out because the optimizer cannot learn from them, by reason. */
export interface SkippedRows {
  /** Anki: rescheduled, reset or set due by hand (type 4/5, ease 0); CSV: rating 0. */
  noGrade: number;
  /** Anki: studied in a filtered deck with rescheduling off (type 3, factor 0). */
  cramming: number;
  /** The same card at the same time twice in the file. */
  duplicate: number;
  /** Anki: a row with an unknown type or grade, or a time outside 2000 to now. */
  unreadable: number;
}

export type HistorySource = "anki" | "csv";

export type HistoryRead =
  | { ok: true; source: HistorySource; reviews: ExternalReview[]; skipped: SkippedRows }
  | { ok: false; message: string; problems?: LineProblem[]; problemCount?: number };

/** Problems listed by line at most; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;
/** Reviews one file may hold. */
export const MAX_REVIEWS_PER_FILE = 200_000;
/** Largest collection inside a package, uncompressed. */
export const MAX_COLLECTION_BYTES = 512 * 1024 * 1024;
/** Review durations above this are stored as this (a card left open). */
const MAX_DURATION_MS = 3_600_000;
const DAY_MS = 86_400_000;
// Anki dates from 2006; anything before 2000 is a unit mix-up (seconds) or junk.
const EARLIEST_REVIEW_MS = Date.UTC(2000, 0, 1);

const NEW_FORMAT_MESSAGE =
  "This file is in the format of Anki 23.10 and later, which Systemic cannot read. In Anki, export again with “Support older Anki versions (slower/larger files)” ticked, and import that file.";

const emptySkipped = (): SkippedRows => ({ noGrade: 0, cramming: 0, duplicate: 0, unreadable: 0 });

function tooMany(count: number): HistoryRead {
  return {
    ok: false,
    message: `This history has ${count.toLocaleString("en")} reviews; at most ${MAX_REVIEWS_PER_FILE.toLocaleString("en")} can be imported from one file. Export a single deck (with scheduling information) and import that.`,
  };
}

// ───────────────────────── Anki collections ─────────────────────────

/** The bytes start like a ZIP archive (local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** One revlog row: id (review time, ms), cid, ease, type, factor, time (duration, ms). */
export type RevlogRow = [id: unknown, cid: unknown, ease: unknown, type: unknown, factor: unknown, time: unknown];

/**
 * Reviews from revlog rows sorted by card and time. The state of each kept
 * review follows fsrs-optimizer: Anki's type + 1 (learning 1, review 2,
 * relearning 3), a learning review that is the card's first kept row or
 * follows a non-learning one is the card as new (0); a filtered-deck
 * review that rescheduled counts as a review (2).
 */
export function reviewsFromRevlog(rows: Iterable<RevlogRow>, now: number): { reviews: ExternalReview[]; skipped: SkippedRows } | { tooMany: number } {
  const reviews: ExternalReview[] = [];
  const skipped = emptySkipped();
  let previousCard: string | null = null;
  let previousType: number | null = null;
  let previousAt = Number.NaN;
  for (const [id, cid, ease, type, factor, time] of rows) {
    if (typeof type !== "number" || typeof ease !== "number" || typeof id !== "number" || (typeof cid !== "number" && typeof cid !== "string")) {
      skipped.unreadable++;
      continue;
    }
    if (type === 4 || type === 5 || ease === 0) {
      skipped.noGrade++;
      continue;
    }
    if (type === 3 && factor === 0) {
      skipped.cramming++;
      continue;
    }
    if (!Number.isInteger(type) || type < 0 || type > 3 || !Number.isInteger(ease) || ease < 1 || ease > 4 || !Number.isInteger(id) || id < EARLIEST_REVIEW_MS || id > now + DAY_MS) {
      skipped.unreadable++;
      continue;
    }
    const card = String(cid);
    const firstOfCard = card !== previousCard;
    if (!firstOfCard && id === previousAt) {
      skipped.duplicate++;
      continue;
    }
    const state = type === 0 ? (firstOfCard || previousType !== 0 ? 0 : 1) : type === 2 ? 3 : 2;
    const duration = typeof time === "number" && Number.isFinite(time) ? Math.min(Math.max(Math.round(time), 0), MAX_DURATION_MS) : 0;
    reviews.push({ card, at: id, rating: ease, state, durationMs: duration });
    if (reviews.length > MAX_REVIEWS_PER_FILE) return { tooMany: reviews.length };
    previousCard = card;
    previousType = type;
    previousAt = id;
  }
  return { reviews, skipped };
}

/**
 * The review history in an `.apkg`/`.colpkg`. Refuses the new format
 * (`collection.anki21b`, zstd-compressed) with a message saying how to
 * export the legacy one: its `collection.anki2` is only a placeholder.
 */
export function readAnkiPackage(bytes: Uint8Array, Sqlite: typeof BetterSqlite3, now: number): HistoryRead {
  const names = new Map<string, number>();
  try {
    // A first pass lists the entries without inflating anything.
    unzipSync(bytes, {
      filter: (file) => {
        names.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    return { ok: false, message: "This file is not a readable Anki package: it should be a .apkg or .colpkg exported from Anki (a ZIP archive)." };
  }
  if (names.has("collection.anki21b")) return { ok: false, message: NEW_FORMAT_MESSAGE };
  const entry = ["collection.anki21", "collection.anki2"].find((name) => names.has(name));
  if (!entry) return { ok: false, message: "This archive holds no Anki collection (collection.anki21 or collection.anki2). Export a deck or collection from Anki and import that file." };
  if ((names.get(entry) ?? 0) > MAX_COLLECTION_BYTES) {
    return { ok: false, message: `The collection in this file is larger than ${MAX_COLLECTION_BYTES / 1024 / 1024} MB. Export a single deck, without media, and import that.` };
  }

  let collection: Uint8Array;
  try {
    const found = unzipSync(bytes, { filter: (file) => file.name === entry })[entry];
    if (!found) throw new Error("entry missing");
    collection = found;
  } catch {
    return { ok: false, message: "The collection in this file could not be unpacked; the file may be damaged. Export it from Anki again." };
  }

  const notDatabase: HistoryRead = { ok: false, message: "The collection in this file is not a readable Anki database; the file may be damaged. Export it from Anki again." };
  if (new TextDecoder().decode(collection.subarray(0, 16)) !== "SQLite format 3\u0000") return notDatabase;
  let db: BetterSqlite3.Database;
  try {
    db = new Sqlite(Buffer.from(collection.buffer, collection.byteOffset, collection.byteLength), { readonly: true });
  } catch {
    return notDatabase;
  }
  try {
    // Nothing in a stranger's schema (views, triggers) may call functions with side effects.
    db.pragma("trusted_schema = OFF");
    const table = db.prepare("SELECT type FROM sqlite_master WHERE name = 'revlog'").get() as { type: string } | undefined;
    if (table?.type !== "table") return { ok: false, message: "The collection in this file has no review log (revlog); it is not an Anki collection." };
    const rows = db.prepare("SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY cid, id").raw().iterate() as Iterable<RevlogRow>;
    const read = reviewsFromRevlog(rows, now);
    if ("tooMany" in read) return tooMany(read.tooMany);
    if (read.reviews.length === 0) {
      return {
        ok: false,
        message:
          "This collection has no reviews to import. In Anki, export with “Include scheduling information” ticked (for a deck) or export the whole collection (.colpkg), then import that file.",
      };
    }
    return { ok: true, source: "anki", ...read };
  } catch {
    return { ok: false, message: "The review log in this file could not be read; the file may be damaged. Export it from Anki again." };
  } finally {
    db.close();
  }
}

// ───────────────────────── fsrs-optimizer CSV ─────────────────────────

export const REVLOG_CSV_COLUMNS = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;
const REQUIRED_COLUMNS = ["card_id", "review_time", "review_rating"] as const;
const MAX_CARD_ID_LENGTH = 100;
// C0 controls other than tab, DEL and C1 controls; lone surrogates.
const BAD_TEXT = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/u;

function lineCount(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** An fsrs-optimizer review-log CSV. Any bad line refuses the file, with the first lines listed by number. */
export function readRevlogCsv(input: string, now: number): HistoryRead {
  const text = input.replace(/^\uFEFF/, "");
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [",", ";", "\t"] });
  const header = (data[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (data.length === 0 || missing.length > 0) {
    return {
      ok: false,
      message: `The first line must name the columns: ${REVLOG_CSV_COLUMNS.join(",")} (review_state and review_duration may be left out). ${
        missing.length > 0 && header.some((h) => h.length > 0) ? `Missing: ${missing.join(", ")}.` : ""
      }`.trim(),
    };
  }
  const at = (column: string) => header.indexOf(column);
  const columns = { card: at("card_id"), time: at("review_time"), rating: at("review_rating"), state: at("review_state"), duration: at("review_duration") };

  const reviews: ExternalReview[] = [];
  const skipped = emptySkipped();
  const problems: LineProblem[] = [];
  let problemCount = 0;
  const seen = new Set<string>();
  let line = 1 + lineCount((data[0] ?? []).join(""));
  for (let index = 1; index < data.length; index++) {
    line += 1;
    const row = data[index]!;
    const rowLine = line;
    line += lineCount(row.join(""));
    if (row.every((cell) => cell.trim() === "")) continue;
    const problem = (message: string) => {
      problemCount++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ line: rowLine, message });
    };
    const cell = (i: number) => (i >= 0 ? (row[i] ?? "").trim() : "");

    const card = cell(columns.card);
    if (!card) {
      problem("card_id is empty");
      continue;
    }
    if (card.length > MAX_CARD_ID_LENGTH) {
      problem(`card_id is longer than ${MAX_CARD_ID_LENGTH} characters`);
      continue;
    }
    if (BAD_TEXT.test(card)) {
      problem("card_id contains a control character");
      continue;
    }
    const timeText = cell(columns.time);
    const time = /^\d+$/.test(timeText) ? Number(timeText) : Number.NaN;
    if (!Number.isSafeInteger(time)) {
      problem(`review_time must be a whole number of milliseconds since 1970 (UTC); found “${timeText.slice(0, 40)}”`);
      continue;
    }
    if (time < EARLIEST_REVIEW_MS) {
      problem(time > Date.UTC(2000, 0, 1) / 1000 && time < (now + DAY_MS) / 1000 ? "review_time looks like seconds; it must be milliseconds since 1970 (UTC)" : "review_time is before the year 2000");
      continue;
    }
    if (time > now + DAY_MS) {
      problem("review_time is in the future");
      continue;
    }
    const ratingText = cell(columns.rating);
    if (ratingText === "0") {
      skipped.noGrade++;
      continue;
    }
    if (!/^[1-4]$/.test(ratingText)) {
      problem(`review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); found “${ratingText.slice(0, 40)}”`);
      continue;
    }
    const stateText = cell(columns.state);
    if (stateText !== "" && !/^[0-4]$/.test(stateText)) {
      problem(`review_state must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning); found “${stateText.slice(0, 40)}”`);
      continue;
    }
    const durationText = cell(columns.duration);
    const duration = durationText === "" ? 0 : /^\d+(\.\d+)?$/.test(durationText) ? Number(durationText) : Number.NaN;
    if (!Number.isFinite(duration)) {
      problem(`review_duration must be a number of milliseconds, 0 or more; found “${durationText.slice(0, 40)}”`);
      continue;
    }
    const key = `${time}\u0000${card}`;
    if (seen.has(key)) {
      skipped.duplicate++;
      continue;
    }
    seen.add(key);
    // fsrs-optimizer writes a review in a filtered deck as 4; it counts as a review.
    const state = stateText === "" ? null : stateText === "4" ? 2 : Number(stateText);
    reviews.push({ card, at: time, rating: Number(ratingText), state, durationMs: Math.min(Math.round(duration), MAX_DURATION_MS) });
    if (reviews.length > MAX_REVIEWS_PER_FILE) return tooMany(reviews.length);
  }
  if (problemCount > 0) {
    return {
      ok: false,
      message: `${problemCount.toLocaleString("en")} ${problemCount === 1 ? "line" : "lines"} of this file could not be read, so nothing was imported. Correct ${problemCount === 1 ? "it" : "them"} and import the file again.`,
      problems,
      problemCount,
    };
  }
  if (reviews.length === 0) return { ok: false, message: "This file has no reviews to import." };
  return { ok: true, source: "csv", reviews, skipped };
}
