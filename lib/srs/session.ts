import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { jsonTextList, resolveDatabase, sqliteStoredTime } from "@/lib/db/config";
import { lessonOrders } from "@/lib/content/lessons";
import { buildQueue, type QueueEntry } from "./queue";
import { latestUndoable } from "./reviews";
import { cardContents, contentVersionSql, type ContentRef } from "./card-content";
import { intervalPreviews } from "./interval-cache";
import { fieldsOf, parseFields, sameFields } from "./records";
import { newCardFields, type CardFields, type SchedulerSettings } from "./scheduler";
import { getSrsSettings, type LearnerSrsSettings } from "./settings-store";
import { learnerDay, type LearnerDay } from "./day";

export const LEARN_AHEAD_MINUTES = 20;

/** One card as the review screen shows it, with its possible next intervals. */
export interface ReviewCardView {
  cardId: string;
  kind: "flashcard" | "item";
  queue: QueueEntry["kind"];
  lessonSlug: string;
  section: string;
  front: { text: string; leadIn?: string; options?: string[] };
  back: { text: string; rationale?: string };
  /** Interval labels for ratings 1–4 (Again, Hard, Good, Easy). */
  intervals: [string, string, string, string];
  /** The card's scheduling fields (dates as ISO strings), so a device can grade it offline. */
  fields: DeviceCardFields;
}

/** CardFields as JSON: what the device stores to compute intervals with ts-fsrs offline. */
export type DeviceCardFields = Omit<CardFields, "due" | "lastReview"> & { due: string; lastReview: string | null };

/** The learner's scheduler settings, so the device computes the same intervals as the server. */
export type DeviceSchedulerSettings = Omit<SchedulerSettings, "parameters"> & { parameters: number[] | null };

export interface ReviewSession {
  /** When the server built this session (the device keeps whichever of its copies is newer). */
  generatedAt: string;
  scheduler: DeviceSchedulerSettings;
  day: { key: string; start: string; end: string };
  counts: { learning: number; review: number; new: number; learnAhead: number };
  cards: ReviewCardView[];
  /**
   * Today's grades from the review log (so a reload shows the work already done): `cards` counts every
   * grade given on the review screen today, learning steps included; `newCards` and `reviews` the
   * grades of new and review cards; `passed`/`total` the review cards remembered, for today's retention.
   */
  doneToday: { cards: number; reviews: number; newCards: number; passed: number; total: number };
  /** Cards (not new) that fall due during the learner's next day. */
  tomorrow: number;
  /** Whether the learner has any card at all (false on the first day, before any lesson or question). */
  hasCards: boolean;
  /** The learner's last grade today while the server can still undo it, so Undo survives a reload. */
  lastGrade: { clientId: string; cardId: string } | null;
}

const cardOrder = (lessons: Map<string, number>, lessonSlug: string, position: number) => (lessons.get(lessonSlug) ?? 999) * 1000 + position;

const postgres = () => resolveDatabase().provider === "postgresql";

/** Positional parameters for a raw statement: `$1`, `$2`… on PostgreSQL, `?` on SQLite (bound in the order written). */
function params() {
  const pg = postgres();
  let n = 0;
  return {
    pg,
    next: () => (pg ? `$${++n}` : "?"),
    /** A timestamp parameter: the columns are UTC timestamps without a zone on PostgreSQL and ISO text on SQLite. */
    time: () => (pg ? `$${++n}::timestamptz AT TIME ZONE 'UTC'` : "?"),
    /** A list of ids as one JSON-array parameter, for `IN …`. */
    ids: () => jsonTextList(pg ? "postgresql" : "sqlite", pg ? `$${++n}` : "?"),
  };
}

const timeValue = (date: Date) => (postgres() ? date.toISOString() : sqliteStoredTime(date));

/**
 * Live cards only: the flashcard or item is not retired, and an item is in
 * none of the learner's running attempts (its back shows a key), the same
 * rule as `notInRunningAttempt`. For a statement over `ReviewCard AS c`
 * joined to `Flashcard AS f` and `Item AS i` as in {@link CARD_JOINS}.
 */
const LIVE = (owner: string) => `((f."id" IS NOT NULL AND f."retiredAt" IS NULL)
  OR (i."id" IS NOT NULL AND i."retiredAt" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "AttemptAnswer" AS aa JOIN "Attempt" AS a ON a."id" = aa."attemptId"
        WHERE aa."itemId" = i."id" AND a."userId" = ${owner} AND a."submittedAt" IS NULL AND a."kind" <> 'practice')))`;
const CARD_JOINS = `FROM "ReviewCard" AS c
  LEFT JOIN "Flashcard" AS f ON c."kind" = 'flashcard' AND f."id" = c."flashcardId"
  LEFT JOIN "Item" AS i ON c."kind" = 'item' AND i."id" = c."itemId"`;

/** A card to show: its scheduling fields and the version of the content it shows. */
interface ShownCard {
  id: string;
  fields: CardFields;
  content: ContentRef | null;
}

/**
 * Scheduling fields and content versions of the learner's cards with these
 * ids, live ones only (the rule is checked again here, so an item that
 * entered a running attempt since the plan was read is not shown).
 */
async function shownCards(userId: string, ids: readonly string[]): Promise<Map<string, ShownCard>> {
  if (ids.length === 0) return new Map();
  const p = params();
  // The ids drive the join (SQLite's CROSS JOIN keeps that order): with `c."userId" = ?` free to pick the index,
  // SQLite read all of the learner's cards and filtered them by the list.
  const idList = p.pg ? `json_array_elements_text(${p.next()}::json) AS j("value") JOIN "ReviewCard" AS c ON c."id" = j."value"` : `json_each(?) AS j CROSS JOIN "ReviewCard" AS c ON c."id" = j."value"`;
  const rows = await db.$queryRawUnsafe<
    Array<CardFields & { id: string; flashcardId: string | null; flashcardVersion: string | null; itemId: string | null; itemVersion: string | null }>
  >(
    `SELECT c."id", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."state",
            c."lastReview", f."id" AS "flashcardId", ${contentVersionSql("f")} AS "flashcardVersion", i."id" AS "itemId", ${contentVersionSql("i")} AS "itemVersion"
     FROM ${idList}
       LEFT JOIN "Flashcard" AS f ON c."kind" = 'flashcard' AND f."id" = c."flashcardId"
       LEFT JOIN "Item" AS i ON c."kind" = 'item' AND i."id" = c."itemId"
     WHERE c."userId" = ${p.next()} AND ${LIVE(p.next())}`,
    JSON.stringify(ids),
    userId,
    userId,
  );
  const cards = new Map<string, ShownCard>();
  for (const r of rows) {
    const content: ContentRef | null =
      r.flashcardId !== null
        ? { kind: "flashcard", id: r.flashcardId, version: r.flashcardVersion! }
        : r.itemId !== null
          ? { kind: "item", id: r.itemId, version: r.itemVersion! }
          : null;
    cards.set(r.id, { id: r.id, fields: fieldsOf(r), content });
  }
  return cards;
}

type UndoableLog = { clientId: string; cardId: string; reviewedAt: Date; after: string };

/**
 * The learner's latest undoable grade (`latestUndoable`, the definition Undo
 * uses) as one raw statement: its `where` and `orderBy` are written out as
 * SQL here, so the two cannot drift apart (a rule of a shape this does not
 * know throws). Through the query compiler this read took ~1.3 ms, raw ~0.4.
 */
export function latestUndoableSql(userId: string, columns = `"clientId", "cardId", "reviewedAt", "after"`, p = params()): { sql: string; values: unknown[] } {
  const { where, orderBy } = latestUndoable(userId);
  if (where.userId !== userId) throw new Error("latestUndoable must filter by the learner");
  const conditions: string[] = [];
  const values: unknown[] = [];
  for (const [column, rule] of Object.entries(where) as Array<[string, unknown]>) {
    if (rule === null) conditions.push(`"${column}" IS NULL`);
    else if (typeof rule === "string") {
      conditions.push(`"${column}" = ${p.next()}`);
      values.push(rule);
    } else if (typeof rule === "object" && Object.keys(rule).length === 1 && Array.isArray((rule as { in?: unknown }).in)) {
      const list = (rule as { in: unknown[] }).in;
      conditions.push(`"${column}" IN (${list.map(() => p.next()).join(", ")})`);
      values.push(...list);
    } else throw new Error(`latestUndoable: no SQL for the rule on ${column}`);
  }
  const order = orderBy.flatMap((o) =>
    Object.entries(o).map(([column, direction]) => {
      if (direction !== "asc" && direction !== "desc") throw new Error(`latestUndoable: no SQL for the order on ${column}`);
      return `"${column}" ${direction.toUpperCase()}`;
    }),
  );
  return {
    sql: `SELECT ${columns} FROM "ReviewLog" WHERE ${conditions.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT 1`,
    values,
  };
}

/** A card due by the plan's horizon, as the plan needs it: no scheduling fields beyond state and due, no content. */
interface DueCard {
  id: string;
  due: Date;
  state: number;
}

/** A new card (one with a row, not yet graded), with its flashcard's lesson and place in it (null for a question). */
interface FreshCard {
  id: string;
  flashcard: { lessonSlug: string; position: number } | null;
}

interface NewCandidate {
  id: string;
  lessonSlug: string;
  position: number;
}

/** What was done in this study day, from the learner's review log (grades not undone), and what falls due in the next. */
interface TodaysWork {
  /** Grades given on the review screen (not in practice), learning steps included. */
  studied: number;
  /** Of those, grades of new cards and of review cards. */
  newCards: number;
  reviews: number;
  /** Grades of review cards from anywhere (practice too): remembered, and all. */
  passed: number;
  total: number;
  /** Cards (not new, not suspended) that fall due during the learner's next day. */
  tomorrow: number;
}

/** Everything today's plan reads from the database, in one statement (see readPlan). */
interface PlanReads {
  due: DueCard[];
  fresh: FreshCard[];
  candidates: NewCandidate[];
  work: TodaysWork;
  latest: UndoableLog | null;
  hasCards: boolean;
}

/** A JSON column of a raw statement: text on SQLite, and on PostgreSQL too (cast), so one parse serves both. */
const parseJson = <T>(value: unknown, empty: T): T => (value === null || value === undefined ? empty : typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/** The lessons' course order as one JSON parameter (slug → order), made once per content load. */
const orderParams = new WeakMap<Map<string, number>, string>();
function lessonOrderParam(lessons: Map<string, number>): string {
  let param = orderParams.get(lessons);
  if (param === undefined) orderParams.set(lessons, (param = JSON.stringify(Object.fromEntries(lessons))));
  return param;
}

/**
 * The reads of today's plan as one statement of scalar subqueries, each
 * list as one JSON column (every statement through Prisma's adapter costs
 * ~0.3 ms, and every value it returns ~1 µs):
 * - `due`: the learner's live cards, not new and not suspended, due before
 *   `horizon`. The owner is named in the statement so it reads the
 *   (userId, due) index.
 * - `fresh` and `candidates`: the first `newLimit` in course order of the
 *   learner's new cards (live, not suspended; questions after flashcards),
 *   and of the flashcards of lessons they have read that they have no card
 *   for yet (not retired). The day takes at most `newLimit` new cards, so
 *   the first `newLimit` of each list hold the first of the two together:
 *   the order is cardOrder's, with the lessons' order as a parameter, ties
 *   by id in code-unit order as the queue's sort (`COLLATE "C"` on
 *   PostgreSQL).
 * - `work`: today's grades as counts (the log rows themselves are not
 *   needed), and `tomorrow`, what falls due in the next day. Once today's
 *   new cards have used the allowance up, the two new-card reads are
 *   skipped (for a learner who has done the day's new cards, most of the
 *   statement's work).
 * - `latest`: the latest undoable grade, by Undo's own definition
 *   (latestUndoableSql); `hasCards`: whether the learner has any card.
 * Times come back as ISO text (PostgreSQL's timestamps are read as UTC).
 */
async function readPlan(userId: string, horizon: Date, day: LearnerDay, lessons: Map<string, number>, newLimit: number): Promise<PlanReads> {
  const p = params();
  const values: unknown[] = [];
  const bind = (value: unknown) => (values.push(value), p.next());
  const bindTime = (date: Date) => (values.push(timeValue(date)), p.time());
  const utc = (column: string) => (p.pg ? `(${column} AT TIME ZONE 'UTC')` : column);
  const list = (items: string, from: string) =>
    p.pg ? `(SELECT COALESCE(json_agg(json_build_array(${items})), '[]'::json)::text ${from})` : `(SELECT json_group_array(json_array(${items})) ${from})`;
  const tuple = (items: string, from: string) => (p.pg ? `(SELECT json_build_array(${items})::text ${from})` : `(SELECT json_array(${items}) ${from})`);
  const no = p.pg ? "false" : "0";
  const byId = (column: string) => (p.pg ? `${column} COLLATE "C"` : column);
  // cardOrder in SQL: the lesson's order (999 when unknown) × 1000 + the flashcard's position, the order looked up by
  // the slug as an object label (SQLite parses the JSON once per statement; a join with json_each parsed it per row).
  const order = () =>
    p.pg
      ? `(COALESCE(CAST((${bind(lessonOrderParam(lessons))}::jsonb ->> f."lessonSlug") AS double precision), 999) * 1000 + f."position")`
      : `(COALESCE(${bind(lessonOrderParam(lessons))} ->> f."lessonSlug", 999) * 1000 + f."position")`;
  const limit = Math.max(0, Math.floor(newLimit));

  // Today's counts first (the statement's WITH, so its parameters come first): the new-card reads below are
  // skipped once the day's allowance is used up (a condition SQLite and PostgreSQL evaluate once).
  const workCte = `"work" AS MATERIALIZED (SELECT
       COUNT(CASE WHEN l."source" <> 'practice' THEN 1 END) AS "studied",
       COUNT(CASE WHEN l."source" <> 'practice' AND l."state" = 0 THEN 1 END) AS "newCards",
       COUNT(CASE WHEN l."source" <> 'practice' AND l."state" = 2 THEN 1 END) AS "reviews",
       COUNT(CASE WHEN l."state" = 2 AND l."rating" > 1 THEN 1 END) AS "passed",
       COUNT(CASE WHEN l."state" = 2 THEN 1 END) AS "total"
     FROM "ReviewLog" AS l
     WHERE l."userId" = ${bind(userId)} AND l."undoneAt" IS NULL AND l."reviewedAt" >= ${bindTime(day.start)} AND l."reviewedAt" < ${bindTime(day.end)})`;
  const roomLeft = () => `(SELECT "newCards" FROM "work") < ${bind(limit)}`;

  const due = list(
    `c."id", c."state", ${utc(`c."due"`)}`,
    `${CARD_JOINS}
     WHERE c."userId" = ${bind(userId)} AND c."due" < ${bindTime(horizon)} AND c."state" <> 0 AND c."suspended" = ${no} AND ${LIVE(bind(userId))}`,
  );
  const fresh = list(
    `t."id", t."lessonSlug", t."position"`,
    `FROM (SELECT c."id", f."lessonSlug", f."position" ${CARD_JOINS}
       WHERE c."userId" = ${bind(userId)} AND c."state" = 0 AND c."suspended" = ${no} AND ${LIVE(bind(userId))} AND ${roomLeft()}
       ORDER BY CASE WHEN f."id" IS NULL THEN 1 ELSE 0 END, ${order()}, ${byId(`c."id"`)} LIMIT ${bind(limit)}) AS t`,
  );
  const candidates = list(
    `t."id", t."lessonSlug", t."position"`,
    `FROM (SELECT f."id", f."lessonSlug", f."position"
       FROM "LessonProgress" AS lp JOIN "Flashcard" AS f ON f."lessonSlug" = lp."lessonSlug"
       WHERE lp."userId" = ${bind(userId)} AND f."retiredAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "ReviewCard" AS rc WHERE rc."userId" = ${bind(userId)} AND rc."flashcardId" = f."id") AND ${roomLeft()}
       ORDER BY ${order()}, ${byId(`f."id"`)} LIMIT ${bind(limit)}) AS t`,
  );
  const work = tuple(`"studied", "newCards", "reviews", "passed", "total"`, `FROM "work"`);
  const tomorrow = `(SELECT COUNT(*) FROM "ReviewCard" AS c
     WHERE c."userId" = ${bind(userId)} AND c."suspended" = ${no} AND c."state" <> 0
       AND c."due" >= ${bindTime(day.end)} AND c."due" < ${bindTime(new Date(day.end.getTime() + 86_400_000))})`;
  const latestColumns = p.pg ? `json_build_array("clientId", "cardId", ("reviewedAt" AT TIME ZONE 'UTC'), "after")::text` : `json_array("clientId", "cardId", "reviewedAt", "after")`;
  const undoable = latestUndoableSql(userId, latestColumns, p);
  values.push(...undoable.values);
  const latest = `(${undoable.sql})`;
  const hasCards = `EXISTS (SELECT 1 FROM "ReviewCard" AS c WHERE c."userId" = ${bind(userId)})`;

  const rows = await db.$queryRawUnsafe<Array<Record<"due" | "fresh" | "candidates" | "work" | "tomorrow" | "latest" | "hasCards", unknown>>>(
    `WITH ${workCte} SELECT ${due} AS "due", ${fresh} AS "fresh", ${candidates} AS "candidates", ${work} AS "work", ${tomorrow} AS "tomorrow", ${latest} AS "latest", ${hasCards} AS "hasCards"`,
    ...values,
  );
  const row = rows[0]!;
  const counts = parseJson<Array<number | null>>(row.work, []).map((n) => Number(n ?? 0));
  const log = parseJson<[string, string, string, string] | null>(row.latest, null);
  return {
    due: parseJson<Array<[string, number, string]>>(row.due, []).map(([id, state, due]) => ({ id, state: Number(state), due: new Date(due) })),
    fresh: parseJson<Array<[string, string | null, number | null]>>(row.fresh, []).map(([id, lessonSlug, position]) => ({
      id,
      flashcard: lessonSlug === null || position === null ? null : { lessonSlug, position: Number(position) },
    })),
    candidates: parseJson<Array<[string, string, number]>>(row.candidates, []).map(([id, lessonSlug, position]) => ({ id, lessonSlug, position: Number(position) })),
    work: { studied: counts[0] ?? 0, newCards: counts[1] ?? 0, reviews: counts[2] ?? 0, passed: counts[3] ?? 0, total: counts[4] ?? 0, tomorrow: Number(row.tomorrow ?? 0) },
    latest: log ? { clientId: log[0], cardId: log[1], reviewedAt: new Date(log[2]), after: log[3] } : null,
    hasCards: Boolean(Number(row.hasCards)),
  };
}

/**
 * Today's queue without side effects: what Review will show, in order, and
 * what was done today. The dashboard's and the stats page's "due today" come
 * from here too, so every page gives the same number.
 */
async function planToday(userId: string, timeZone: string, now: Date, settings: LearnerSrsSettings, day: LearnerDay) {
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MINUTES * 60_000));
  const lessons = await lessonOrders();
  const { due, fresh, candidates, work, latest, hasCards } = await readPlan(userId, horizon, day, lessons, settings.newPerDay);
  const doneToday = { newCards: work.newCards, reviews: work.reviews };
  const queue = buildQueue({
    cards: [
      ...due.map((c) => ({ id: c.id, due: c.due, state: c.state as 0 | 1 | 2 | 3, suspended: false })),
      // A new card's due date plays no part in the queue.
      ...fresh.map((c) => ({
        id: c.id,
        due: now,
        state: 0 as const,
        suspended: false,
        order: c.flashcard ? cardOrder(lessons, c.flashcard.lessonSlug, c.flashcard.position) : undefined,
      })),
    ],
    newCandidates: candidates.map((f) => ({ key: f.id, order: cardOrder(lessons, f.lessonSlug, f.position) })),
    now,
    timeZone,
    rolloverHour: settings.rolloverHour,
    newPerDay: settings.newPerDay,
    maxReviewsPerDay: settings.maxReviewsPerDay,
    doneToday,
    learnAheadMinutes: LEARN_AHEAD_MINUTES,
    seed: userId,
  });
  // A new entry's id is one of these rows or a candidate flashcard (which gets its row when sent).
  return { carded: new Set(fresh.map((c) => c.id)), work, doneToday, queue, latest, hasCards };
}

/** What Review has for the learner right now, by kind: the one "due today" every page shows. */
export interface TodaysCounts {
  /** Learning and relearning cards due now, and those coming back within the learn-ahead window. */
  learning: number;
  review: number;
  new: number;
  total: number;
}

export async function todaysCounts(userId: string, timeZone: string, now = new Date()): Promise<TodaysCounts> {
  const settings = await getSrsSettings(userId);
  const { counts } = (await planToday(userId, timeZone, now, settings, learnerDay(now, timeZone, settings.rolloverHour))).queue;
  const learning = counts.learning + counts.learnAhead;
  return { learning, review: counts.review, new: counts.new, total: learning + counts.review + counts.new };
}

/**
 * Today's review queue for a learner, as the review screen and the queue API
 * send it: today's plan (see planToday), new cards that enter the cards sent
 * given a ReviewCard row so they can be graded by id, and a view of each card
 * sent. `limit` sends the first cards only (counts stay the whole day's);
 * `settings` may come from the request's own read of the learner.
 */
export async function getReviewSession(
  userId: string,
  timeZone: string,
  now = new Date(),
  options: { limit?: number; settings?: LearnerSrsSettings } = {},
): Promise<ReviewSession & { more?: number }> {
  const settings = options.settings ?? (await getSrsSettings(userId));
  const day = learnerDay(now, timeZone, settings.rolloverHour);
  const { carded, work, doneToday, queue: whole, latest: latestLog, hasCards } = await planToday(userId, timeZone, now, settings, day);
  // A first screenful: only the first `limit` cards get their views (and new ones their rows); the counts stay the whole day's.
  const queue = options.limit === undefined ? whole : { ...whole, entries: whole.entries.slice(0, options.limit) };
  const more = options.limit === undefined ? undefined : Math.max(0, whole.entries.length - options.limit);

  const cardIds = await materialiseNewCards(userId, queue.entries, carded, now);
  const entries = queue.entries.map((e) => ({ ...e, cardId: cardIds.get(e.id) ?? e.id }));
  // Today's grade to undo is only offered from today's log; its card is read with those shown.
  const logToday = latestLog && latestLog.reviewedAt >= day.start ? latestLog : null;
  const shown = await shownCards(userId, [...new Set([...entries.map((e) => e.cardId), ...(logToday ? [logToday.cardId] : [])])]);
  const views = await cardViews(entries, shown, settings, now);
  return {
    generatedAt: now.toISOString(),
    scheduler: {
      desiredRetention: settings.desiredRetention,
      maximumInterval: settings.maximumInterval,
      enableFuzz: settings.enableFuzz,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      parameters: settings.parameters,
    },
    tomorrow: work.tomorrow,
    day: { key: day.key, start: day.start.toISOString(), end: day.end.toISOString() },
    counts: queue.counts,
    cards: views,
    doneToday: { cards: work.studied, ...doneToday, passed: work.passed, total: work.total },
    ...(more === undefined ? {} : { more }),
    hasCards: views.length > 0 || hasCards,
    lastGrade: undoableGrade(logToday, shown),
  };
}

/**
 * The learner's latest review-screen grade of today, if undoing it would still work: the card is
 * as that grade left it, and (for a question) the item is not in one of their running attempts,
 * where its back would show a key (`shown` holds live cards only). The same rules `undoLastGrade` applies.
 */
function undoableGrade(log: { clientId: string; cardId: string; after: string } | null, shown: Map<string, ShownCard>): ReviewSession["lastGrade"] {
  const card = log ? shown.get(log.cardId) : undefined;
  if (!log || !card || !sameFields(card.fields, parseFields(log.after))) return null;
  return { clientId: log.clientId, cardId: log.cardId };
}

/**
 * Creates ReviewCard rows for new flashcards entering today's queue (the cards sent); maps candidate keys to card ids.
 * One INSERT of them all (rows another request made first are left alone) and one read of their ids, rather than
 * a write transaction per card, each waiting behind the grades being committed on a busy server.
 */
async function materialiseNewCards(userId: string, entries: QueueEntry[], known: Set<string>, now: Date): Promise<Map<string, string>> {
  const flashcardIds = [...new Set(entries.filter((entry) => entry.kind === "new" && !known.has(entry.id)).map((entry) => entry.id))];
  const ids = new Map<string, string>();
  if (flashcardIds.length === 0) return ids;
  const fields = newCardFields(now);
  const p = params();
  const no = p.pg ? "false" : "0";
  const values: unknown[] = [];
  const bind = (value: unknown) => (values.push(value), p.next());
  const bindTime = (date: Date) => (values.push(timeValue(date)), p.time());
  const rows = JSON.stringify(flashcardIds.map((flashcardId) => ({ id: randomUUID(), flashcardId })));
  // PostgreSQL types a parameter in a SELECT list as text unless told.
  const real = (value: number) => (p.pg ? `${bind(value)}::double precision` : bind(value));
  const int = (value: number) => (p.pg ? `${bind(value)}::integer` : bind(value));
  const select = `SELECT r."id", ${bind(userId)}, 'flashcard', r."flashcardId", ${bindTime(fields.due)}, ${real(fields.stability)}, ${real(fields.difficulty)},
            ${int(fields.elapsedDays)}, ${int(fields.scheduledDays)}, ${int(fields.learningSteps)}, ${int(fields.reps)}, ${int(fields.lapses)}, ${int(fields.state)},
            NULL, ${no}, ${no}, ${bindTime(now)}, ${bindTime(now)}`;
  // Bound after the columns: SQLite's parameters are numbered in the order they appear.
  const source = p.pg
    ? `json_to_recordset(${bind(rows)}::json) AS r("id" text, "flashcardId" text)`
    : `(SELECT json_extract(value, '$.id') AS "id", json_extract(value, '$.flashcardId') AS "flashcardId" FROM json_each(${bind(rows)})) AS r`;
  await db.$executeRawUnsafe(
    `INSERT INTO "ReviewCard" ("id", "userId", "kind", "flashcardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
                               "reps", "lapses", "state", "lastReview", "suspended", "leech", "createdAt", "updatedAt")
     ${select} FROM ${source} WHERE true
     ON CONFLICT ("userId", "flashcardId") DO NOTHING`,
    ...values,
  );
  const read = params();
  const cards = await db.$queryRawUnsafe<Array<{ id: string; flashcardId: string }>>(
    `SELECT "id", "flashcardId" FROM "ReviewCard" WHERE "flashcardId" IN ${read.ids()} AND "userId" = ${read.next()}`,
    JSON.stringify(flashcardIds),
    userId,
  );
  for (const card of cards) ids.set(card.flashcardId, card.id);
  return ids;
}

/**
 * The views of the cards sent: content from the process-wide cache (read
 * again when its version changed), scheduling fields as just read, and the
 * interval previews, computed for these cards only (see intervalsFor).
 */
async function cardViews(
  entries: (QueueEntry & { cardId: string })[],
  shown: Map<string, ShownCard>,
  settings: LearnerSrsSettings,
  now: Date,
): Promise<ReviewCardView[]> {
  if (entries.length === 0) return [];
  const refs: ContentRef[] = [];
  for (const entry of entries) {
    const content = shown.get(entry.cardId)?.content;
    if (content) refs.push(content);
  }
  const contents = await cardContents(refs);
  const previews = intervalPreviews(now, settings);
  const views: ReviewCardView[] = [];
  for (const entry of entries) {
    const card = shown.get(entry.cardId);
    const content = card?.content ? contents.get(`${card.content.kind}:${card.content.id}`) : undefined;
    if (!card?.content || !content) continue;
    const { fields } = card;
    views.push({
      cardId: card.id,
      kind: card.content.kind,
      queue: entry.kind,
      lessonSlug: content.lessonSlug,
      section: content.section,
      front: content.front,
      back: content.back,
      intervals: previews(fields),
      fields: { ...fields, due: fields.due.toISOString(), lastReview: fields.lastReview?.toISOString() ?? null },
    });
  }
  return views;
}
