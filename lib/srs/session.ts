import "server-only";
import { db } from "@/lib/db";
import { resolveDatabase, sqliteStoredTime } from "@/lib/db/config";
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

/** A card as today's plan needs it: no scheduling fields beyond state and due, no content. */
interface PlannedCard {
  id: string;
  due: Date;
  state: number;
  flashcard: { lessonSlug: string; position: number } | null;
}

/**
 * The learner's live cards due before `horizon`, and their new ones (not
 * suspended), with each flashcard's lesson and place in it: what the plan
 * orders. One raw statement, with only the columns the plan uses (through
 * Prisma's relation filters and nested select this read took most of the
 * queue's time). The owner is named in each branch of the OR so each
 * branch reads its own index ((userId, due) and (userId, state, due)); with
 * one `userId =` outside it, SQLite read all of the learner's cards.
 */
async function todaysCards(userId: string, horizon: Date): Promise<PlannedCard[]> {
  const p = params();
  const rows = await db.$queryRawUnsafe<Array<{ id: string; due: Date; state: number; lessonSlug: string | null; position: number | null }>>(
    `SELECT c."id", c."state", c."due", f."lessonSlug", f."position" ${CARD_JOINS}
     WHERE ((c."userId" = ${p.next()} AND c."due" < ${p.time()}) OR (c."userId" = ${p.next()} AND c."state" = 0))
       AND c."suspended" = ${p.pg ? "false" : "0"} AND ${LIVE(p.next())}`,
    userId,
    timeValue(horizon),
    userId,
    userId,
  );
  return rows.map((r) => ({
    id: r.id,
    due: r.due,
    state: Number(r.state),
    flashcard: r.lessonSlug === null || r.position === null ? null : { lessonSlug: r.lessonSlug, position: Number(r.position) },
  }));
}

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

interface NewCandidate {
  id: string;
  lessonSlug: string;
  position: number;
}

/** Flashcards of lessons the learner has read that they have no card for yet (not retired), in one statement. */
async function newCandidates(userId: string): Promise<NewCandidate[]> {
  const p = params();
  const rows = await db.$queryRawUnsafe<NewCandidate[]>(
    `SELECT f."id", f."lessonSlug", f."position"
     FROM "LessonProgress" AS lp JOIN "Flashcard" AS f ON f."lessonSlug" = lp."lessonSlug"
     WHERE lp."userId" = ${p.next()} AND f."retiredAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "ReviewCard" AS rc WHERE rc."userId" = ${p.next()} AND rc."flashcardId" = f."id")`,
    userId,
    userId,
  );
  return rows.map((r) => ({ id: r.id, lessonSlug: r.lessonSlug, position: Number(r.position) }));
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

/** Today's work as counts, and tomorrow's count, in one statement (the log rows themselves are not needed). */
async function todaysWork(userId: string, day: LearnerDay): Promise<TodaysWork> {
  const p = params();
  const rows = await db.$queryRawUnsafe<Array<Record<keyof TodaysWork, number | bigint | null>>>(
    `SELECT COUNT(CASE WHEN l."source" <> 'practice' THEN 1 END) AS "studied",
            COUNT(CASE WHEN l."source" <> 'practice' AND l."state" = 0 THEN 1 END) AS "newCards",
            COUNT(CASE WHEN l."source" <> 'practice' AND l."state" = 2 THEN 1 END) AS "reviews",
            COUNT(CASE WHEN l."state" = 2 AND l."rating" > 1 THEN 1 END) AS "passed",
            COUNT(CASE WHEN l."state" = 2 THEN 1 END) AS "total",
            (SELECT COUNT(*) FROM "ReviewCard" AS c
             WHERE c."userId" = ${p.next()} AND c."suspended" = ${p.pg ? "false" : "0"} AND c."state" <> 0 AND c."due" >= ${p.time()} AND c."due" < ${p.time()}) AS "tomorrow"
     FROM "ReviewLog" AS l
     WHERE l."userId" = ${p.next()} AND l."undoneAt" IS NULL AND l."reviewedAt" >= ${p.time()} AND l."reviewedAt" < ${p.time()}`,
    userId,
    timeValue(day.end),
    timeValue(new Date(day.end.getTime() + 86_400_000)),
    userId,
    timeValue(day.start),
    timeValue(day.end),
  );
  const row = rows[0];
  const n = (k: keyof TodaysWork) => Number(row?.[k] ?? 0);
  return { studied: n("studied"), newCards: n("newCards"), reviews: n("reviews"), passed: n("passed"), total: n("total"), tomorrow: n("tomorrow") };
}

type UndoableLog = { clientId: string; cardId: string; reviewedAt: Date; after: string };

/**
 * The learner's latest undoable grade (`latestUndoable`, the definition Undo
 * uses) as one raw statement: its `where` and `orderBy` are written out as
 * SQL here, so the two cannot drift apart (a rule of a shape this does not
 * know throws). Through the query compiler this read took ~1.3 ms, raw ~0.4.
 */
export function latestUndoableSql(userId: string): { sql: string; values: unknown[] } {
  const { where, orderBy } = latestUndoable(userId);
  if (where.userId !== userId) throw new Error("latestUndoable must filter by the learner");
  const p = params();
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
    sql: `SELECT "clientId", "cardId", "reviewedAt", "after" FROM "ReviewLog" WHERE ${conditions.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT 1`,
    values,
  };
}

async function latestUndoableLog(userId: string): Promise<UndoableLog | null> {
  const { sql, values } = latestUndoableSql(userId);
  return (await db.$queryRawUnsafe<UndoableLog[]>(sql, ...values))[0] ?? null;
}

/**
 * Today's queue without side effects: what Review will show, in order, and
 * what was done today. The dashboard's and the stats page's "due today" come
 * from here too, so every page gives the same number.
 */
async function planToday(userId: string, timeZone: string, now: Date, settings: LearnerSrsSettings, day: LearnerDay) {
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MINUTES * 60_000));
  const [cards, candidates, work, lessons] = await Promise.all([todaysCards(userId, horizon), newCandidates(userId), todaysWork(userId, day), lessonOrders()]);
  const doneToday = { newCards: work.newCards, reviews: work.reviews };
  const queue = buildQueue({
    cards: cards.map((c) => ({
      id: c.id,
      due: c.due,
      state: c.state as 0 | 1 | 2 | 3,
      suspended: false,
      order: c.flashcard ? cardOrder(lessons, c.flashcard.lessonSlug, c.flashcard.position) : undefined,
    })),
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
  return { cards, work, doneToday, queue };
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
  // The latest grade does not depend on today's plan: read alongside it.
  const [plan, latestLog] = await Promise.all([
    planToday(userId, timeZone, now, settings, day),
    latestUndoableLog(userId),
  ]);
  const { cards, work, doneToday, queue: whole } = plan;
  // A first screenful: only the first `limit` cards get their views (and new ones their rows); the counts stay the whole day's.
  const queue = options.limit === undefined ? whole : { ...whole, entries: whole.entries.slice(0, options.limit) };
  const more = options.limit === undefined ? undefined : Math.max(0, whole.entries.length - options.limit);

  const cardIds = await materialiseNewCards(userId, queue.entries, new Set(cards.map((c) => c.id)), now);
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
    hasCards: views.length > 0 || cards.length > 0 || (await db.reviewCard.count({ where: { userId }, take: 1 })) > 0,
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

/** Creates ReviewCard rows for new flashcards entering today's queue (the cards sent); maps candidate keys to card ids. */
async function materialiseNewCards(userId: string, entries: QueueEntry[], known: Set<string>, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const entry of entries) {
    if (entry.kind !== "new" || known.has(entry.id)) continue;
    const card = await db.reviewCard.upsert({
      where: { userId_flashcardId: { userId, flashcardId: entry.id } },
      update: {},
      create: { userId, kind: "flashcard", flashcardId: entry.id, ...newCardFields(now) },
      select: { id: true },
    });
    ids.set(entry.id, card.id);
  }
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
