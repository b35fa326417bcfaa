import "server-only";
import { db } from "@/lib/db";
import { resolveDatabase, sqliteStoredTime } from "@/lib/db/config";
import { listLessons } from "@/lib/content/lessons";
import { notInRunningAttempt, parseOptions } from "@/lib/learn/items";
import { buildQueue, type QueueEntry } from "./queue";
import { latestUndoable } from "./reviews";
import { CARD_FIELDS_SELECT, fieldsOf, parseFields, sameFields } from "./records";
import { newCardFields, previewGrades, type CardFields, type SchedulerSettings } from "./scheduler";
import { getSrsSettings, type LearnerSrsSettings } from "./settings-store";
import { learnerDay } from "./day";

export const LEARN_AHEAD_MINUTES = 20;
const LETTERS = ["A", "B", "C", "D"] as const;

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

/** Course order of lessons, for introducing new cards in reading order. */
async function lessonOrder(): Promise<Map<string, number>> {
  return new Map((await listLessons()).map((l) => [l.slug, l.frontmatter.order]));
}

const cardOrder = (lessons: Map<string, number>, lessonSlug: string, position: number) => (lessons.get(lessonSlug) ?? 999) * 1000 + position;

interface TodaysCard extends CardFields {
  id: string;
  suspended: boolean;
  flashcard: { lessonSlug: string; position: number } | null;
}

/**
 * The learner's live cards due before `horizon`, and their new ones, with
 * each flashcard's lesson and place in it. Live: the flashcard or item is
 * not retired, and an item is in none of the learner's running attempts
 * (its back shows a key), the same rule as `notInRunningAttempt`. One raw
 * statement: through Prisma's relation filters and nested select this read
 * took most of the queue's time (17–24 ms for a 5,000-card learner).
 */
async function todaysCards(userId: string, horizon: Date): Promise<TodaysCard[]> {
  const postgres = resolveDatabase().provider === "postgresql";
  const [p1, p2, p3] = postgres ? ["$1", "$2::timestamptz AT TIME ZONE 'UTC'", "$3"] : ["?", "?", "?"];
  const rows = await db.$queryRawUnsafe<Array<CardFields & { id: string; suspended: boolean | number; lessonSlug: string | null; position: number | null }>>(
    `SELECT c."id", c."suspended", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps",
            c."lapses", c."state", c."lastReview", f."lessonSlug", f."position"
     FROM "ReviewCard" AS c
     LEFT JOIN "Flashcard" AS f ON c."kind" = 'flashcard' AND f."id" = c."flashcardId"
     LEFT JOIN "Item" AS i ON c."kind" = 'item' AND i."id" = c."itemId"
     WHERE c."userId" = ${p1} AND c."suspended" = ${postgres ? "false" : "0"} AND (c."due" < ${p2} OR c."state" = 0)
       AND ((f."id" IS NOT NULL AND f."retiredAt" IS NULL)
         OR (i."id" IS NOT NULL AND i."retiredAt" IS NULL AND NOT EXISTS (
               SELECT 1 FROM "AttemptAnswer" AS aa JOIN "Attempt" AS a ON a."id" = aa."attemptId"
               WHERE aa."itemId" = i."id" AND a."userId" = ${p3} AND a."submittedAt" IS NULL AND a."kind" <> 'practice')))`,
    userId,
    postgres ? horizon.toISOString() : sqliteStoredTime(horizon),
    userId,
  );
  return rows.map(({ lessonSlug, position, suspended, ...card }) => ({
    ...card,
    suspended: Boolean(suspended),
    flashcard: lessonSlug === null || position === null ? null : { lessonSlug, position },
  }));
}

/**
 * Today's review queue for a learner: loads their due cards, the flashcards
 * of lessons they have read but not yet studied, and today's counts, then
 * orders them with the pure `buildQueue`. New cards that enter the queue get
 * a ReviewCard row so the client can grade them by id.
 */
/**
 * Today's queue without side effects: what Review will show, in order, and
 * what was done today. The dashboard's and the stats page's "due today" come
 * from here too, so every page gives the same number.
 */
async function planToday(userId: string, timeZone: string, now: Date) {
  const settings = await getSrsSettings(userId);
  const day = learnerDay(now, timeZone, settings.rolloverHour);
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MINUTES * 60_000));
  // An item card's back shows its key: it waits while the item is in one of the learner's running attempts.
  const live = { OR: [{ kind: "flashcard", flashcard: { retiredAt: null } }, { kind: "item", item: { retiredAt: null, ...notInRunningAttempt(userId) } }] };

  const [cards, read, todayLogs, lessons] = await Promise.all([
    todaysCards(userId, horizon),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true } }),
    db.reviewLog.findMany({
      where: { userId, undoneAt: null, reviewedAt: { gte: day.start, lt: day.end } },
      select: { state: true, rating: true, source: true },
    }),
    lessonOrder(),
  ]);
  const candidates = read.length
    ? await db.flashcard.findMany({
        where: { lessonSlug: { in: read.map((r) => r.lessonSlug) }, retiredAt: null, reviewCards: { none: { userId } } },
        select: { id: true, lessonSlug: true, position: true },
      })
    : [];

  const studied = todayLogs.filter((l) => l.source !== "practice");
  const doneToday = {
    newCards: studied.filter((l) => l.state === 0).length,
    reviews: studied.filter((l) => l.state === 2).length,
  };
  const queue = buildQueue({
    cards: cards.map((c) => ({
      id: c.id,
      due: c.due,
      state: c.state as 0 | 1 | 2 | 3,
      suspended: c.suspended,
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
  return { settings, day, cards, todayLogs, studied, doneToday, queue, live };
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
  const { counts } = (await planToday(userId, timeZone, now)).queue;
  const learning = counts.learning + counts.learnAhead;
  return { learning, review: counts.review, new: counts.new, total: learning + counts.review + counts.new };
}

export async function getReviewSession(userId: string, timeZone: string, now = new Date(), options: { limit?: number } = {}): Promise<ReviewSession & { more?: number }> {
  const { settings, day, cards, todayLogs, studied, doneToday, queue: whole, live } = await planToday(userId, timeZone, now);
  const lastGrade = await undoableGrade(userId, day.start, live);
  // A first screenful: only the first `limit` cards get their views (and new ones their rows); the counts stay the whole day's.
  const queue = options.limit === undefined ? whole : { ...whole, entries: whole.entries.slice(0, options.limit) };
  const more = options.limit === undefined ? undefined : Math.max(0, whole.entries.length - options.limit);

  const cardIds = await materialiseNewCards(userId, queue.entries, new Set(cards.map((c) => c.id)), now);
  const views = await cardViews(userId, queue.entries.map((e) => ({ ...e, cardId: cardIds.get(e.id) ?? e.id })), settings, now);
  const reviewLogs = todayLogs.filter((l) => l.state === 2);
  const tomorrow = await db.reviewCard.count({
    where: { userId, suspended: false, state: { not: 0 }, due: { gte: day.end, lt: new Date(day.end.getTime() + 86_400_000) } },
  });
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
    tomorrow,
    day: { key: day.key, start: day.start.toISOString(), end: day.end.toISOString() },
    counts: queue.counts,
    cards: views,
    doneToday: { cards: studied.length, ...doneToday, passed: reviewLogs.filter((l) => l.rating > 1).length, total: reviewLogs.length },
    ...(more === undefined ? {} : { more }),
    hasCards: views.length > 0 || cards.length > 0 || (await db.reviewCard.count({ where: { userId }, take: 1 })) > 0,
    lastGrade,
  };
}

/**
 * The learner's latest review-screen grade of today, if undoing it would still work: the card is
 * as that grade left it, and (for a question) the item is not in one of their running attempts,
 * where its back would show a key. The same rules `undoLastGrade` applies.
 */
async function undoableGrade(userId: string, dayStart: Date, live: object): Promise<ReviewSession["lastGrade"]> {
  const log = await db.reviewLog.findFirst({ ...latestUndoable(userId), select: { clientId: true, cardId: true, reviewedAt: true, after: true } });
  if (!log || log.reviewedAt < dayStart) return null;
  const card = await db.reviewCard.findFirst({ where: { id: log.cardId, userId, AND: [live] }, select: CARD_FIELDS_SELECT });
  if (!card || !sameFields(fieldsOf(card), parseFields(log.after))) return null;
  return { clientId: log.clientId, cardId: log.cardId };
}

/** Creates ReviewCard rows for new flashcards entering today's queue; maps candidate keys to card ids. */
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

async function cardViews(
  userId: string,
  entries: (QueueEntry & { cardId: string })[],
  settings: LearnerSrsSettings,
  now: Date,
): Promise<ReviewCardView[]> {
  if (entries.length === 0) return [];
  const rows = await db.reviewCard.findMany({
    where: { userId, id: { in: entries.map((e) => e.cardId) } },
    select: {
      id: true,
      kind: true,
      ...CARD_FIELDS_SELECT,
      flashcard: { select: { lessonSlug: true, section: true, front: true, back: true } },
      item: { select: { lessonSlug: true, section: true, stem: true, leadIn: true, options: true, keyIndex: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const views: ReviewCardView[] = [];
  for (const entry of entries) {
    const row = byId.get(entry.cardId);
    if (!row) continue;
    const fields = fieldsOf(row);
    const preview = previewGrades(fields, now, settings);
    const deviceFields: DeviceCardFields = { ...fields, due: fields.due.toISOString(), lastReview: fields.lastReview?.toISOString() ?? null };
    const intervals = [preview[1].interval, preview[2].interval, preview[3].interval, preview[4].interval] as ReviewCardView["intervals"];
    if (row.kind === "item" && row.item) {
      const options = parseOptions(row.item.options);
      const key = options[row.item.keyIndex]!;
      views.push({
        cardId: row.id,
        kind: "item",
        queue: entry.kind,
        lessonSlug: row.item.lessonSlug,
        section: row.item.section,
        front: { text: row.item.stem, leadIn: row.item.leadIn, options: options.map((o) => o.text) },
        back: { text: `${LETTERS[row.item.keyIndex]}. ${key.text}`, rationale: key.rationale },
        intervals,
        fields: deviceFields,
      });
    } else if (row.flashcard) {
      views.push({
        cardId: row.id,
        kind: "flashcard",
        queue: entry.kind,
        lessonSlug: row.flashcard.lessonSlug,
        section: row.flashcard.section,
        front: { text: row.flashcard.front },
        back: { text: row.flashcard.back },
        intervals,
        fields: deviceFields,
      });
    }
  }
  return views;
}
