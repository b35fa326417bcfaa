/**
 * "Optimize my schedule": fits a learner's own FSRS parameters to their
 * review log, and to any review history they imported from Anki
 * (ImportedReview), with fsrs-rs (@open-spaced-repetition/binding), reports how
 * well the current and the fitted parameters predict that log, and applies
 * the fitted ones on request, optionally rescheduling existing cards.
 *
 * A run is started from a request and finishes in the background of the
 * same server process (so it needs a long-lived Node server, not a
 * serverless function). Training runs on the binding's native threads;
 * reading the log and building items happen on the event loop in slices
 * that let other requests in between (for 100,000 reviews on SQLite the
 * longest stall measured was about 0.3 s, the whole run under 5 s). Runs in
 * one process go one at a time, so several learners optimizing at once
 * cannot take every libuv thread from the requests that need them.
 *
 * Functions take the Prisma client as a parameter so scripts and tests can
 * call them with their own.
 */
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { checkParameters, generatorParameters } from "ts-fsrs";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/config";
import { dayKeyOf } from "./day";
import { CARD_FIELDS_SELECT, fieldsOf } from "./records";
import { gradeCard, newCardFields, type CardFields, type ReviewRating, type SchedulerSettings } from "./scheduler";
import { DEFAULT_SRS_SETTINGS, parseSteps } from "./settings";

/**
 * Reviews a learner needs before their parameters are fitted, counted as
 * {@link buildTrainingHistories} counts them: reviews given on a later
 * study day than the same card's previous review. Same-day learning steps
 * do not count, because fsrs-rs can only learn forgetting from reviews
 * made at least a day apart. Reviews imported from Anki count the same
 * way, so a new account with an imported history can optimize at once.
 *
 * Why 400:
 * - fsrs-rs returns the defaults below 8 usable reviews and only refits the
 *   four initial stabilities below 64; all 21 parameters need more.
 * - fsrs-rs pulls the parameters towards the defaults (L2, scaled by the
 *   amount of data), so a fit on a few hundred reviews moves only as far
 *   as the data supports instead of overfitting 21 numbers.
 * - On simulated learners (ts-fsrs scheduling, a forgetting curve that
 *   differs from the defaults), parameters fitted on 400–599 such reviews
 *   predicted a separate set of that learner's reviews better than the
 *   defaults in 18 of 19 runs; at 300–399, 3 of 5, with one clearly worse.
 * - Anki suggests about 1,000 reviews, counting same-day steps too, which
 *   is roughly 400–600 of ours for a deck studied with two learning steps.
 * - An exam-prep collection of ~150 cards reaches 400 after about three
 *   spaced reviews per card, a few weeks of daily study.
 *
 * The optimizer can still fail on enough reviews spread over very few
 * cards (fsrs-rs discards rare first-interval groups as outliers); that
 * run fails with a message saying so.
 */
export const MIN_REVIEWS_FOR_OPTIMIZATION = 400;

/** Whether a learner with `reviewCount` training reviews may optimize, and how many more they need. */
export function optimizationEligibility(reviewCount: number): { eligible: boolean; needed: number } {
  const needed = Math.max(0, MIN_REVIEWS_FOR_OPTIMIZATION - Math.floor(reviewCount));
  return { eligible: needed === 0, needed };
}

export type OptimizationStatus = "queued" | "running" | "done" | "failed" | "applied";

/** How well parameters predict the learner's reviews; lower is better for both. */
export interface FitMetrics {
  logLoss: number;
  /** fsrs-rs's binned RMSE of predicted against actual recall (0–1). */
  rmse: number;
}

export interface OptimizationResult {
  parameters: number[];
  /** The parameters in use when the run started (fitted or ts-fsrs's defaults). */
  before: FitMetrics;
  after: FitMetrics;
}

/** What a learner may see of one optimization. */
export interface OptimizationView {
  id: string;
  status: OptimizationStatus;
  /** 0–1; 1 once done. */
  progress: number;
  /** Reviews the fit was measured on (see {@link MIN_REVIEWS_FOR_OPTIMIZATION}). */
  reviews: number;
  result: OptimizationResult | null;
  /** For a failed run: a sentence for the learner, never a stack. */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A live (not undone) review, as the log stores it. */
export interface TrainingLog {
  cardId: string;
  /** 1 Again … 4 Easy. */
  rating: number;
  reviewedAt: Date;
  /** The card's state before the review (0 New); when given, a card's history starts at its latest review as a new card. */
  state?: number;
}

/** One review in fsrs-rs's terms: study days since the card's previous review (0 for the first). */
export interface TrainingReview {
  rating: number;
  deltaT: number;
}

const ACTIVE_STATUSES = ["queued", "running"];
const STATUSES: readonly OptimizationStatus[] = ["queued", "running", "done", "failed", "applied"];
const DAY_MS = 86_400_000;
// Progress is stored at most this often while training; also the binding's polling interval.
const PROGRESS_WRITE_INTERVAL_MS = 250;
// Training is the whole run but for a few milliseconds; 1 is written only with the result.
const MAX_TRAINING_PROGRESS = 0.99;
// A queued or running row this old that no run in this process owns was left by a server that stopped.
const ABANDONED_AFTER_MS = 30 * 60_000;
// Review logs read per query (tens of milliseconds on SQLite).
const LOG_PAGE = 5_000;
// Training items built between yields to the event loop (about 10 ms each).
const ITEM_SLICE = 2_000;
// Cards rescheduled per transaction: small enough not to hold a write lock for long.
const RESCHEDULE_BATCH = 200;

// ───────────────────────── Training data (pure) ─────────────────────────

// Zone offsets and their changes fall on whole quarter hours, so an
// instant's study day is the same throughout its UTC quarter hour.
const QUARTER_HOUR_MS = 900_000;

/**
 * Study-day numbers (days since 1970-01-01 of the local date on which the
 * study day started), memoized by quarter hour: reviews come in sessions,
 * and time-zone formatting is the slowest step of building a large set.
 */
function studyDayCounter(timeZone: string, rolloverHour: number): (at: Date) => number {
  const byQuarterHour = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
    let day = byQuarterHour.get(quarter);
    if (day === undefined) {
      day = Date.parse(`${dayKeyOf(at, timeZone, rolloverHour)}T00:00:00Z`) / DAY_MS;
      byQuarterHour.set(quarter, day);
    }
    return day;
  };
}

function isRating(value: number): value is ReviewRating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * Logs grouped by card, each group in time order. A card reset to new
 * starts again from its latest review as a new card; a card with no review
 * as a new card is left out, because its history does not begin in the log
 * and fsrs-rs reads the first review as the first time the card was seen.
 */
function cardHistories<T extends TrainingLog>(logs: readonly T[]): Map<string, T[]> {
  const byCard = new Map<string, T[]>();
  for (const log of logs) {
    if (!isRating(log.rating)) continue;
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  for (const [cardId, list] of byCard) {
    // Stable, so logs with equal times keep the caller's (database) order.
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    if (list.every((log) => log.state === undefined)) continue;
    const start = list.findLastIndex((log) => log.state === 0);
    if (start < 0) byCard.delete(cardId);
    else if (start > 0) byCard.set(cardId, list.slice(start));
  }
  return byCard;
}

/**
 * The review histories fsrs-rs trains on, from live logs (the caller's
 * query leaves out undone ones). For each review given on a later study
 * day than the same card's previous review, one history: all of the card's
 * reviews up to and including it, same-day ones too. `deltaT` counts the
 * learner's study days (local days in `timeZone` starting at
 * `rolloverHour`), 0 for the card's first review.
 *
 * Histories end only at such long-term reviews, as Anki builds them:
 * fsrs-rs predicts recall after whole days, and rejects a set with a
 * history ending in a same-day review (evaluate fails with InvalidInput).
 * Every history therefore contains a long-term review, which the binding
 * requires of each item.
 */
export function buildTrainingHistories(logs: readonly TrainingLog[], timeZone: string, rolloverHour: number): TrainingReview[][] {
  const studyDay = studyDayCounter(timeZone, rolloverHour);
  const histories: TrainingReview[][] = [];
  for (const cardLogs of cardHistories(logs).values()) {
    const reviews: TrainingReview[] = [];
    let previousDay = 0;
    for (const [index, log] of cardLogs.entries()) {
      const day = studyDay(log.reviewedAt);
      const deltaT = index === 0 ? 0 : Math.max(0, day - previousDay);
      previousDay = day;
      reviews.push({ rating: log.rating, deltaT });
      if (deltaT > 0) histories.push(reviews.slice());
    }
  }
  return histories;
}

/** {@link buildTrainingHistories} as the binding's items. */
export function buildTrainingItems(logs: readonly TrainingLog[], timeZone: string, rolloverHour: number): FSRSBindingItem[] {
  return toBindingItems(buildTrainingHistories(logs, timeZone, rolloverHour));
}

/**
 * A card's histories share their review objects (each is a prefix of the
 * next); `reviews` maps each to one binding object, so a long history is
 * not converted again for every prefix.
 */
function toBindingItems(histories: readonly TrainingReview[][], reviews = new Map<TrainingReview, FSRSBindingReview>()): FSRSBindingItem[] {
  const toBinding = (review: TrainingReview) => {
    let binding = reviews.get(review);
    if (!binding) {
      binding = new FSRSBindingReview(review.rating, review.deltaT);
      reviews.set(review, binding);
    }
    return binding;
  };
  return (
    histories
      .map((history) => new FSRSBindingItem(history.map(toBinding)))
      // Checked again with the binding's own count: an item without a
      // long-term review makes fsrs-rs panic, which aborts the whole process.
      .filter((item) => item.longTermReviewCnt() > 0)
  );
}

// ───────────────────────── Learner data ─────────────────────────

interface Learner {
  timeZone: string;
  rolloverHour: number;
  scheduler: SchedulerSettings & { parameters: number[] | null };
}

const parametersSchema = z.array(z.number()).min(1);

async function loadLearner(db: Db, userId: string): Promise<Learner | null> {
  const [user, settings] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }),
    db.srsSettings.findUnique({
      where: { userId },
      select: {
        desiredRetention: true,
        maximumInterval: true,
        learningSteps: true,
        relearningSteps: true,
        enableFuzz: true,
        rolloverHour: true,
        parameters: true,
      },
    }),
  ]);
  if (!user) return null;
  const values = settings ?? { ...DEFAULT_SRS_SETTINGS, parameters: null };
  return {
    timeZone: user.timeZone,
    rolloverHour: values.rolloverHour,
    scheduler: {
      desiredRetention: values.desiredRetention,
      maximumInterval: values.maximumInterval,
      enableFuzz: values.enableFuzz,
      learningSteps: values.learningSteps,
      relearningSteps: values.relearningSteps,
      parameters: values.parameters === null ? null : parametersSchema.parse(JSON.parse(values.parameters)),
    },
  };
}

const LOG_SELECT = { cardId: true, rating: true, state: true, reviewedAt: true } as const;
const LOG_ORDER = [{ reviewedAt: "asc" as const }, { id: "asc" as const }];

/**
 * The learner's live logs in time order, read a page at a time: a year of
 * daily study is tens of thousands of rows, and SQLite reads them
 * synchronously, holding up every other request for the whole read.
 */
async function liveLogs(db: Db, userId: string): Promise<(TrainingLog & { id: string; state: number })[]> {
  const logs: (TrainingLog & { id: string; state: number })[] = [];
  for (let last: { id: string; reviewedAt: Date } | undefined; ; ) {
    const page = await db.reviewLog.findMany({
      where: {
        userId,
        undoneAt: null,
        // Keyset paging on the sort order; Prisma's own `cursor` is several times slower here.
        ...(last ? { OR: [{ reviewedAt: { gt: last.reviewedAt } }, { reviewedAt: last.reviewedAt, id: { gt: last.id } }] } : {}),
      },
      select: { id: true, ...LOG_SELECT },
      orderBy: LOG_ORDER,
      take: LOG_PAGE,
    });
    logs.push(...page);
    last = page.at(-1);
    if (!last || page.length < LOG_PAGE) return logs;
    await yieldToEventLoop();
  }
}

/**
 * Lets timers and other requests run. Awaiting a query is not enough: with
 * SQLite the driver answers synchronously, so a loop of queries only ever
 * waits on microtasks.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Reviews the learner imported from another app (lib/anki/history-import.ts),
 * read a page at a time like {@link liveLogs}. Each external card is its own
 * card here (`imported:externalCardId`; Systemic's card ids never contain a
 * colon), whichever format brought its reviews (an .apkg and a revlog CSV of
 * one collection share Anki's card ids), with the state the file gave, or none.
 */
async function importedLogs(db: Db, userId: string): Promise<TrainingLog[]> {
  const logs: TrainingLog[] = [];
  for (let afterId = ""; ; ) {
    const page = await db.importedReview.findMany({
      where: { userId, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, externalCardId: true, rating: true, state: true, reviewedAt: true },
      orderBy: { id: "asc" },
      take: LOG_PAGE,
    });
    for (const row of page) {
      logs.push({ cardId: `imported:${row.externalCardId}`, rating: row.rating, reviewedAt: row.reviewedAt, ...(row.state === null ? {} : { state: row.state }) });
    }
    const last = page.at(-1);
    if (!last || page.length < LOG_PAGE) return logs;
    afterId = last.id;
    await yieldToEventLoop();
  }
}

/** Everything the optimizer trains on: the learner's live review log and the reviews they imported. */
async function trainingLogs(db: Db, userId: string): Promise<TrainingLog[]> {
  const own = await liveLogs(db, userId);
  const imported = await importedLogs(db, userId);
  return imported.length === 0 ? own : [...own, ...imported];
}

/**
 * The learner's reviews (their own and imported ones) that count towards
 * {@link MIN_REVIEWS_FOR_OPTIMIZATION}. Counting reads and orders the whole
 * history (~18 µs a review: a quarter of a second for 15,000, seconds for
 * an imported 200,000), and the settings page asks on every load, so the
 * count is kept per process with a fingerprint of what it depends on, read
 * in a few indexed aggregates each time: the log's live rows and its
 * latest `recordedAt` (a grade is added, undone or deleted with its card,
 * never edited, so any change to the live rows moves one of the two), the
 * imported rows and the latest `importedAt`, and
 * the learner's time zone and rollover hour. A change from any process
 * changes the fingerprint, and the count is made again.
 */
export async function countTrainingReviews(db: Db, userId: string): Promise<number> {
  const learner = await loadLearner(db, userId);
  if (!learner) return 0;
  const fingerprint = await trainingFingerprint(db, userId, learner);
  const kept = trainingCounts.get(userId);
  if (kept?.fingerprint === fingerprint) return kept.count;
  const count = buildTrainingHistories(await trainingLogs(db, userId), learner.timeZone, learner.rolloverHour).length;
  trainingCounts.set(userId, { fingerprint, count });
  return count;
}

const trainingCounts = new LRUCache<string, { fingerprint: string; count: number }>({ max: 5_000 });

async function trainingFingerprint(db: Db, userId: string, learner: Learner): Promise<string> {
  // The learner's id: one numbered parameter on PostgreSQL, one `?` per use on SQLite. Each aggregate reads one index.
  const pg = resolveDatabase().provider === "postgresql";
  const me = pg ? "$1" : "?";
  const [row] = await db.$queryRawUnsafe<Array<Record<"live" | "lastLog" | "imported" | "lastImport", unknown>>>(
    `SELECT (SELECT COUNT(*) FROM "ReviewLog" WHERE "userId" = ${me} AND "undoneAt" IS NULL) AS "live",
            (SELECT MAX("recordedAt") FROM "ReviewLog" WHERE "userId" = ${me}) AS "lastLog",
            (SELECT COUNT(*) FROM "ImportedReview" WHERE "userId" = ${me}) AS "imported",
            (SELECT MAX("importedAt") FROM "ImportedReview" WHERE "userId" = ${me}) AS "lastImport"`,
    ...(pg ? [userId] : Array<string>(4).fill(userId)),
  );
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
  return JSON.stringify([value(row?.live), value(row?.lastLog), value(row?.imported), value(row?.lastImport), learner.timeZone, learner.rolloverHour]);
}

/**
 * The weights ts-fsrs schedules with for these settings: stored ones are
 * migrated and clipped for the relearning steps, none means the defaults.
 */
function effectiveParameters(parameters: readonly number[] | null, relearningSteps: string): number[] {
  return [
    ...generatorParameters({
      ...(parameters ? { w: parameters } : {}),
      relearning_steps: parseSteps(relearningSteps),
      enable_short_term: true,
    }).w,
  ];
}

// ───────────────────────── Runs ─────────────────────────

export type StartOptimizationResult =
  | { ok: true; optimizationId: string }
  | { ok: false; reason: "not-enough-reviews"; needed: number }
  | { ok: false; reason: "already-running" };

/**
 * Queues a fit of the learner's parameters and returns at once; the fit
 * runs in the background (see {@link runOptimization}). Refuses below
 * {@link MIN_REVIEWS_FOR_OPTIMIZATION} and while one of the learner's runs
 * is queued or running.
 */
export function startOptimization(db: Db, userId: string, now = new Date()): Promise<StartOptimizationResult> {
  return oneAtATimePerLearner(userId, async () => {
    await releaseAbandonedRuns(db, userId, now);
    if (await activeRun(db, userId)) return { ok: false, reason: "already-running" };

    const reviews = await countTrainingReviews(db, userId);
    const { eligible, needed } = optimizationEligibility(reviews);
    if (!eligible) return { ok: false, reason: "not-enough-reviews", needed };

    let id: string;
    try {
      ({ id } = await db.optimization.create({ data: { userId, status: "queued", reviews, createdAt: now }, select: { id: true } }));
    } catch (error) {
      // Another app process queued one since the check: the partial unique index on active runs refused this one.
      if ((error as { code?: string } | null)?.code === "P2002") return { ok: false, reason: "already-running" };
      throw error;
    }
    void runOptimization(db, id);
    return { ok: true, optimizationId: id };
  });
}

function activeRun(db: Db, userId: string) {
  return db.optimization.findFirst({ where: { userId, status: { in: ACTIVE_STATUSES } }, select: { id: true } });
}

const startsByLearner = new Map<string, Promise<unknown>>();

/**
 * Runs a learner's starts one after another, so a double click or two tabs
 * cannot both find no active run and queue two. Across app processes the
 * database decides: a partial unique index allows one queued or running
 * row per learner (migration `one_active_optimization_per_learner`), and
 * the start that loses the race is told a run is already under way. (A
 * serializable transaction would also guard, but @prisma/adapter-pg 6.19
 * never returns the connection to its pool when COMMIT fails with a
 * serialization error, so every lost race would leak one.)
 */
function oneAtATimePerLearner<T>(userId: string, task: () => Promise<T>): Promise<T> {
  const result = (startsByLearner.get(userId) ?? Promise.resolve()).then(task);
  const settled = result.catch(() => undefined);
  startsByLearner.set(userId, settled);
  void settled.then(() => {
    if (startsByLearner.get(userId) === settled) startsByLearner.delete(userId);
  });
  return result;
}

// Runs of this process, by optimization id; and the tail of the one-at-a-time queue.
const inFlight = new Map<string, Promise<void>>();
let queueTail: Promise<void> = Promise.resolve();

const INTERRUPTED = "The optimization was interrupted. Please run it again.";

/**
 * A queued or running row that no run in this process owns and that is
 * older than any run takes: a restart lost it, and it would otherwise block
 * new runs for good.
 */
function isAbandoned(row: { id: string; status: string; createdAt: Date }, now: Date): boolean {
  return ACTIVE_STATUSES.includes(row.status) && row.createdAt.getTime() < now.getTime() - ABANDONED_AFTER_MS && !inFlight.has(row.id);
}

/** Stores the learner's abandoned runs (see {@link isAbandoned}) as failed. */
async function releaseAbandonedRuns(db: Db, userId: string, now: Date): Promise<void> {
  await db.optimization.updateMany({
    where: {
      userId,
      status: { in: ACTIVE_STATUSES },
      createdAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) },
      id: { notIn: [...inFlight.keys()] },
    },
    data: { status: "failed", error: INTERRUPTED, finishedAt: now },
  });
}

/**
 * Runs a queued optimization to the end: fits the learner's parameters and
 * stores the result (status done) or a short message for the learner
 * (status failed; the error itself goes to the server log). Never rejects.
 * Calling it again for a run already under way returns that run, so a test
 * or script can await the run {@link startOptimization} began; a row that
 * is not queued is left alone.
 */
export function runOptimization(db: Db, optimizationId: string): Promise<void> {
  const existing = inFlight.get(optimizationId);
  if (existing) return existing;
  const run = queueTail.then(() => executeRun(db, optimizationId)).finally(() => inFlight.delete(optimizationId));
  inFlight.set(optimizationId, run);
  queueTail = run.catch(() => undefined);
  return run;
}

/** A failure the learner can act on; its message is shown to them. */
class OptimizationFailure extends Error {}

async function executeRun(db: Db, optimizationId: string): Promise<void> {
  try {
    const row = await db.optimization.findUnique({ where: { id: optimizationId }, select: { userId: true, status: true } });
    if (!row || row.status !== "queued") return;
    const claimed = await db.optimization.updateMany({ where: { id: optimizationId, status: "queued" }, data: { status: "running", progress: 0 } });
    if (claimed.count !== 1) return;

    const { reviews, result } = await fit(db, optimizationId, row.userId);
    await db.optimization.updateMany({
      where: { id: optimizationId, status: "running" },
      data: { status: "done", progress: 1, reviews, result: JSON.stringify(result), error: null, finishedAt: new Date() },
    });
  } catch (error) {
    console.error(`Schedule optimization ${optimizationId} failed:`, error);
    try {
      await db.optimization.updateMany({
        where: { id: optimizationId, status: { in: ACTIVE_STATUSES } },
        data: { status: "failed", error: learnerMessage(error), finishedAt: new Date() },
      });
    } catch (writeError) {
      console.error(`Could not mark schedule optimization ${optimizationId} failed:`, writeError);
    }
  }
}

function learnerMessage(error: unknown): string {
  if (error instanceof OptimizationFailure) return error.message;
  // fsrs-rs drops first-interval groups with too few cards as outliers; with few cards nothing is left.
  if (error instanceof Error && error.message.includes("NotEnoughData")) {
    return "Your reviews are spread over too few cards to fit your own parameters yet. Keep reviewing and try again later.";
  }
  return "The optimizer stopped unexpectedly. Please try again later.";
}

async function fit(db: Db, optimizationId: string, userId: string): Promise<{ reviews: number; result: OptimizationResult }> {
  const learner = await loadLearner(db, userId);
  if (!learner) throw new OptimizationFailure("Your account could not be found.");
  const items = await buildItemsInSlices(buildTrainingHistories(await trainingLogs(db, userId), learner.timeZone, learner.rolloverHour));
  // Reviews may have been undone since the run was queued.
  if (!optimizationEligibility(items.length).eligible) {
    throw new OptimizationFailure(`At least ${MIN_REVIEWS_FOR_OPTIMIZATION} reviews are needed; you now have ${items.length}.`);
  }

  const { relearningSteps } = learner.scheduler;
  const before = evaluate(effectiveParameters(learner.scheduler.parameters, relearningSteps), items);
  const progress = progressWriter(db, optimizationId);
  let fitted: number[];
  try {
    fitted = await computeParameters(items, {
      enableShortTerm: true,
      numRelearningSteps: parseSteps(relearningSteps).length,
      progress: progress.report,
      timeout: PROGRESS_WRITE_INTERVAL_MS,
    });
  } finally {
    // A progress write still in flight must not land after the result.
    await progress.close();
  }
  checkParameters(fitted);
  // Stored and measured as ts-fsrs will schedule with them.
  const parameters = effectiveParameters(fitted, relearningSteps);
  return { reviews: items.length, result: { parameters, before, after: evaluate(parameters, items) } };
}

/**
 * {@link toBindingItems} a slice at a time, letting other requests in
 * between: tens of thousands of reviews take a few hundred milliseconds.
 */
async function buildItemsInSlices(histories: TrainingReview[][]): Promise<FSRSBindingItem[]> {
  const items: FSRSBindingItem[] = [];
  const reviews = new Map<TrainingReview, FSRSBindingReview>();
  for (let start = 0; start < histories.length; start += ITEM_SLICE) {
    if (start > 0) await yieldToEventLoop();
    items.push(...toBindingItems(histories.slice(start, start + ITEM_SLICE), reviews));
  }
  return items;
}

function evaluate(parameters: number[], items: FSRSBindingItem[]): FitMetrics {
  const { logLoss, rmseBins } = new FSRSBinding(parameters).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

/**
 * Stores training progress at most every {@link PROGRESS_WRITE_INTERVAL_MS},
 * one write at a time, whatever rate the binding calls back at.
 */
function progressWriter(db: Db, optimizationId: string) {
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | null = null;
  let closed = false;
  return {
    report(current: number, total: number): void {
      if (closed || pending) return;
      const at = performance.now();
      if (at - lastWriteAt < PROGRESS_WRITE_INTERVAL_MS) return;
      lastWriteAt = at;
      const progress = total > 0 ? Math.min(Math.max(current / total, 0), MAX_TRAINING_PROGRESS) : 0;
      pending = db.optimization
        .updateMany({ where: { id: optimizationId, status: "running" }, data: { progress } })
        .then(
          () => undefined,
          // A lost progress update is not worth failing the run for.
          (error: unknown) => console.error(`Could not store progress of schedule optimization ${optimizationId}:`, error),
        )
        .finally(() => {
          pending = null;
        });
    },
    async close(): Promise<void> {
      closed = true;
      await pending;
    },
  };
}

// ───────────────────────── Reading ─────────────────────────

const OPTIMIZATION_SELECT = {
  id: true,
  status: true,
  progress: true,
  reviews: true,
  result: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

const metricsSchema = z.object({ logLoss: z.number(), rmse: z.number() });
const resultSchema = z.object({ parameters: z.array(z.number()), before: metricsSchema, after: metricsSchema });

function parseResult(json: string | null): OptimizationResult | null {
  if (json === null) return null;
  try {
    return resultSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

function toView(
  row: {
    id: string;
    status: string;
    progress: number;
    reviews: number;
    result: string | null;
    error: string | null;
    createdAt: Date;
    finishedAt: Date | null;
  },
  now: Date,
): OptimizationView {
  const view: OptimizationView = {
    id: row.id,
    status: STATUSES.includes(row.status as OptimizationStatus) ? (row.status as OptimizationStatus) : "failed",
    progress: row.progress,
    reviews: row.reviews,
    result: parseResult(row.result),
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
  // Shown as what it is, so the learner is offered a new run instead of a
  // progress bar that never moves; the next start stores it as failed.
  return isAbandoned(row, now) ? { ...view, status: "failed", error: INTERRUPTED } : view;
}

/** One of the learner's optimizations; null when there is no such run or it is someone else's. */
export async function getOptimization(db: Db, userId: string, optimizationId: string, now = new Date()): Promise<OptimizationView | null> {
  const row = await db.optimization.findFirst({ where: { id: optimizationId, userId }, select: OPTIMIZATION_SELECT });
  return row ? toView(row, now) : null;
}

/** The learner's most recent optimization, if any. */
export async function latestOptimization(db: Db, userId: string, now = new Date()): Promise<OptimizationView | null> {
  const row = await db.optimization.findFirst({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: OPTIMIZATION_SELECT,
  });
  return row ? toView(row, now) : null;
}

// ───────────────────────── Applying ─────────────────────────

export type ApplyOptimizationResult =
  | { ok: true; rescheduled: number }
  | { ok: false; reason: "not-found" | "not-done" | "already-applied" };

/**
 * Makes a finished optimization's parameters the learner's: stores them in
 * SrsSettings (creating the row with defaults if needed) and marks the run
 * applied, together. With `reschedule`, also replays every studied card's
 * live reviews under the new parameters and moves its due date, stability,
 * difficulty and interval to the replay's, in batches; `rescheduled` is how
 * many cards changed. Cards reviewed meanwhile are left as they are.
 */
export async function applyOptimization(
  db: Db,
  userId: string,
  optimizationId: string,
  { reschedule }: { reschedule: boolean },
  now = new Date(),
): Promise<ApplyOptimizationResult> {
  const row = await db.optimization.findFirst({ where: { id: optimizationId, userId }, select: { status: true, result: true } });
  if (!row) return { ok: false, reason: "not-found" };
  if (row.status === "applied") return { ok: false, reason: "already-applied" };
  const result = parseResult(row.result);
  if (row.status !== "done" || !result) return { ok: false, reason: "not-done" };

  const parameters = JSON.stringify(result.parameters);
  const applied = await db.$transaction(async (tx) => {
    const marked = await tx.optimization.updateMany({ where: { id: optimizationId, userId, status: "done" }, data: { status: "applied" } });
    if (marked.count !== 1) return false;
    await tx.srsSettings.upsert({
      where: { userId },
      create: { userId, parameters, parametersFitAt: now },
      update: { parameters, parametersFitAt: now },
    });
    return true;
  });
  if (!applied) return { ok: false, reason: "already-applied" };

  return { ok: true, rescheduled: reschedule ? await rescheduleCards(db, userId) : 0 };
}

const CARD_SELECT = { id: true, ...CARD_FIELDS_SELECT } as const;

async function rescheduleCards(db: Db, userId: string): Promise<number> {
  const learner = await loadLearner(db, userId);
  if (!learner) return 0;
  let changed = 0;
  let afterId = "";
  for (;;) {
    const cards = await db.reviewCard.findMany({
      where: { userId, state: { not: 0 }, id: { gt: afterId } },
      select: CARD_SELECT,
      orderBy: { id: "asc" },
      take: RESCHEDULE_BATCH,
    });
    const last = cards.at(-1);
    if (!last) break;
    afterId = last.id;

    const logs = await db.reviewLog.findMany({
      where: { userId, undoneAt: null, cardId: { in: cards.map((card) => card.id) } },
      select: LOG_SELECT,
      orderBy: LOG_ORDER,
    });
    const histories = cardHistories(logs);
    const updates = cards.flatMap((card) => {
      const before = fieldsOf(card);
      const after = replay(histories.get(card.id) ?? [], before, learner.scheduler);
      return after ? [{ id: card.id, before, after }] : [];
    });
    if (updates.length > 0) {
      const results = await db.$transaction(
        updates.map(({ id, before, after }) =>
          db.reviewCard.updateMany({
            // The same guard as grading: a card reviewed since it was read keeps its new state.
            where: { id, userId, reps: before.reps, lastReview: before.lastReview, due: before.due },
            data: { due: after.due, stability: after.stability, difficulty: after.difficulty, scheduledDays: after.scheduledDays },
          }),
        ),
      );
      changed += results.reduce((sum, { count }) => sum + count, 0);
    }
    if (cards.length < RESCHEDULE_BATCH) break;
  }
  return changed;
}

/**
 * The card's fields after replaying its history with the review code's own
 * grading, or null when nothing would change. Also null when the replay
 * does not end where the card is (history incomplete, or learning steps
 * changed since): moving it would schedule from a state it is not in.
 */
function replay(history: readonly TrainingLog[], card: CardFields, settings: SchedulerSettings): CardFields | null {
  const first = history[0];
  if (!first) return null;
  let fields = newCardFields(first.reviewedAt);
  for (const log of history) fields = gradeCard(fields, log.rating as ReviewRating, log.reviewedAt, settings).after;
  if (fields.state !== card.state || fields.lastReview?.getTime() !== card.lastReview?.getTime()) return null;
  const unchanged =
    fields.due.getTime() === card.due.getTime() &&
    fields.stability === card.stability &&
    fields.difficulty === card.difficulty &&
    fields.scheduledDays === card.scheduledDays;
  return unchanged ? null : fields;
}
