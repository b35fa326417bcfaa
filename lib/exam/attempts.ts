import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Blueprint } from "@/lib/content/schema";
import { CURRENT_BLUEPRINT_ID, domainName, getBlueprint } from "@/lib/exam/blueprints";
import { scoreAttempt, type AttemptScore } from "@/lib/exam/scoring";
import { acceptsAnswerAt, deadlineFor, remainingMs } from "@/lib/exam/timing";
import type { AnswerMode } from "@/lib/learn/answers";
import { parseOptions, toQuestionView, type AnswerFeedback, type QuestionView } from "@/lib/learn/items";
import { reviewFromAnswer } from "@/lib/srs/reviews";

export const ATTEMPT_KINDS = ["practice", "mock-full", "mock-short", "assignment"] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];
export const ATTEMPT_MODES = ["tutor", "quiz", "timed"] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

/** More items than any exam form has; a guard against runaway requests, not a product limit. */
export const MAX_ATTEMPT_ITEMS = 300;
/** The longest time limit an attempt may have (a full mock is 4 hours). */
export const MAX_TIME_LIMIT_SEC = 6 * 3600;

const ITEM_ID = z.string().min(1).max(64);

/** What a client may send for one item of an attempt: the whole current state of that item. */
export const answerInputSchema = z
  .object({
    itemId: ITEM_ID,
    /** The option chosen (0–3), or null for no answer (a cleared choice, or only a mark). */
    chosen: z.number().int().min(0, "Choose one of the four options").max(3, "Choose one of the four options").nullable(),
    marked: z.boolean().default(false),
    /** Time spent on the item so far, as measured by the client; bounded by the server. */
    timeMs: z.number().int().min(0).max(MAX_TIME_LIMIT_SEC * 1000),
  })
  .strict();
export type AnswerInput = z.input<typeof answerInputSchema>;

/** How the set was built, shown in the history list. Free-form beyond the label. */
export const attemptSpecSchema = z.looseObject({ label: z.string().max(200).optional() });
export type AttemptSpec = z.infer<typeof attemptSpecSchema>;

export interface NewAttempt {
  kind: AttemptKind;
  mode: AttemptMode;
  /** Items in the order they are shown. */
  itemIds: readonly string[];
  /** Seconds allowed; null for an untimed session. Required for mode "timed". */
  timeLimitSec: number | null;
  spec: AttemptSpec;
  assignmentId?: string;
  blueprintId?: string;
}

export type CreateAttemptResult =
  | { ok: true; attempt: { id: string; deadline: Date | null } }
  | { ok: false; reason: "empty" | "too-many" | "duplicate-items" | "unknown-items" | "bad-time-limit"; itemIds?: string[] };

export interface AttemptAnswerView {
  itemId: string;
  chosen: number | null;
  marked: boolean;
  timeMs: number;
}

/** An attempt as the exam screen needs it: no keys or rationales, except the feedback tutor mode has already shown. */
export interface AttemptView {
  id: string;
  kind: AttemptKind;
  mode: AttemptMode;
  label: string;
  startedAt: string;
  deadline: string | null;
  timeLimitSec: number | null;
  /** Milliseconds left on the server's clock when this view was made; null when untimed. */
  remainingMs: number | null;
  submitted: boolean;
  items: QuestionView[];
  answers: AttemptAnswerView[];
  /** Tutor mode only: the feedback for items already answered, so a reload shows it again. */
  feedback: Record<string, AnswerFeedback>;
}

export type SaveAnswerResult =
  | { ok: true; answer: AttemptAnswerView & { savedAt: string }; feedback?: AnswerFeedback }
  | { ok: false; reason: "not-found" | "submitted" | "deadline" | "not-in-attempt" | "locked" };

export type SubmitResult = { ok: true; id: string; submittedAt: Date } | { ok: false; reason: "not-found" };

export interface ReportItem {
  position: number;
  itemId: string;
  domain: number;
  domainName: string;
  lessonSlug: string;
  section: string;
  stem: string;
  leadIn: string;
  options: { text: string; rationale: string }[];
  keyIndex: number;
  chosen: number | null;
  correct: boolean;
  marked: boolean;
  timeMs: number;
  /** Time ran long: more than 1.5 × the exam's pace. */
  long: boolean;
}

export interface AttemptReport {
  id: string;
  kind: AttemptKind;
  mode: AttemptMode;
  label: string;
  startedAt: Date;
  submittedAt: Date;
  timeLimitSec: number | null;
  /** Ended by the clock rather than by the learner. */
  timedOut: boolean;
  /** Wall-clock time from start to submission. */
  elapsedMs: number;
  answered: number;
  blueprint: { id: string; name: string; source: string };
  score: AttemptScore;
  items: ReportItem[];
}

export type AttemptReportResult = { ok: true; report: AttemptReport } | { ok: false; reason: "not-found" | "in-progress" };

export interface AttemptSummary {
  id: string;
  kind: AttemptKind;
  mode: AttemptMode;
  label: string;
  startedAt: Date;
  submittedAt: Date | null;
  deadline: Date | null;
  remainingMs: number | null;
  total: number;
  answered: number;
  correct: number | null;
  /** 0–100 with one decimal once submitted. */
  percent: number | null;
}

const ATTEMPT_SELECT = {
  id: true,
  userId: true,
  kind: true,
  mode: true,
  blueprintId: true,
  itemIds: true,
  spec: true,
  timeLimitSec: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  correct: true,
  total: true,
} as const;

const ITEM_VIEW_SELECT = {
  id: true,
  lessonSlug: true,
  section: true,
  domain: true,
  stem: true,
  leadIn: true,
  options: true,
  keyIndex: true,
  concepts: true,
} as const;

const asKind = (kind: string): AttemptKind => ((ATTEMPT_KINDS as readonly string[]).includes(kind) ? (kind as AttemptKind) : "practice");
const asMode = (mode: string): AttemptMode => ((ATTEMPT_MODES as readonly string[]).includes(mode) ? (mode as AttemptMode) : "quiz");

const DEFAULT_LABELS: Record<AttemptKind, string> = {
  practice: "Practice session",
  "mock-full": "Full mock exam",
  "mock-short": "Short mock exam",
  assignment: "Assignment",
};

function labelOf(kind: string, spec: string): string {
  try {
    const parsed = attemptSpecSchema.safeParse(JSON.parse(spec));
    if (parsed.success && parsed.data.label) return parsed.data.label;
  } catch {
    // A malformed spec only loses its label.
  }
  return DEFAULT_LABELS[asKind(kind)];
}

const percentOf = (correct: number, total: number) => (total > 0 ? Math.round((correct / total) * 1000) / 10 : 0);

/** The blueprint an attempt was drawn against, or the current one if that version is gone. */
function blueprintFor(id: string): Blueprint {
  try {
    return getBlueprint(id);
  } catch {
    return getBlueprint(CURRENT_BLUEPRINT_ID);
  }
}

/** The Answer mode an attempt's answers are recorded under. */
function answerModeOf(kind: AttemptKind, mode: AttemptMode): AnswerMode {
  if (kind === "assignment") return "assignment";
  if (kind === "mock-full" || kind === "mock-short" || mode === "timed") return "mock";
  return mode === "tutor" ? "tutor" : "quiz";
}

/**
 * One Answer row per attempt item, with an id derived from both, so that
 * recording it again (a retried submission, a lazily finished one) finds
 * the row instead of adding a second answer and a second review.
 */
export const answerIdFor = (attemptId: string, itemId: string) => `att-${attemptId}-${itemId}`;

/** Whether the attempt is past its deadline (plus the network grace) at `now`. */
const expired = (deadline: Date | null, now: Date) => deadline !== null && !acceptsAnswerAt(deadline, now);

/**
 * Starts an attempt for a learner: a practice session, a mock exam or (for
 * the cohort feature) an assignment. Items must exist and not be retired;
 * outside assignments they must come from the shared bank. A timed attempt
 * gets its deadline from the server's clock at `now`.
 */
export async function createAttempt(userId: string, input: NewAttempt, now = new Date()): Promise<CreateAttemptResult> {
  const itemIds = [...input.itemIds];
  if (itemIds.length === 0) return { ok: false, reason: "empty" };
  if (itemIds.length > MAX_ATTEMPT_ITEMS) return { ok: false, reason: "too-many" };
  const duplicates = itemIds.filter((id, i) => itemIds.indexOf(id) !== i);
  if (duplicates.length > 0) return { ok: false, reason: "duplicate-items", itemIds: [...new Set(duplicates)] };
  const timed = input.mode === "timed";
  const limit = input.timeLimitSec;
  if (timed && (limit === null || !Number.isInteger(limit) || limit < 60 || limit > MAX_TIME_LIMIT_SEC)) return { ok: false, reason: "bad-time-limit" };
  if (!timed && limit !== null) return { ok: false, reason: "bad-time-limit" };

  const found = await db.item.findMany({
    where: { id: { in: itemIds }, retiredAt: null, ...(input.kind === "assignment" ? {} : { ownerId: null }) },
    select: { id: true },
  });
  const known = new Set(found.map((i) => i.id));
  const unknown = itemIds.filter((id) => !known.has(id));
  if (unknown.length > 0) return { ok: false, reason: "unknown-items", itemIds: unknown };

  const attempt = await db.attempt.create({
    data: {
      userId,
      kind: input.kind,
      mode: input.mode,
      blueprintId: input.blueprintId ?? CURRENT_BLUEPRINT_ID,
      itemIds: JSON.stringify(itemIds),
      spec: JSON.stringify(input.spec),
      timeLimitSec: limit,
      startedAt: now,
      deadline: limit !== null ? deadlineFor(now, limit) : null,
      total: itemIds.length,
      assignmentId: input.assignmentId ?? null,
      answers: { create: itemIds.map((itemId, position) => ({ itemId, position })) },
    },
    select: { id: true, deadline: true },
  });
  return { ok: true, attempt };
}

/**
 * The learner's own attempt for the exam screen, or null if there is no
 * such attempt for this user. An attempt past its deadline is submitted
 * here first, so a closed tab still ends up with a report.
 */
export async function getAttemptForOwner(userId: string, attemptId: string, now = new Date()): Promise<AttemptView | null> {
  let attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
  if (!attempt) return null;
  if (!attempt.submittedAt && expired(attempt.deadline, now)) {
    await submitAttempt(userId, attemptId, now);
    attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
    if (!attempt) return null;
  } else if (attempt.submittedAt && attempt.correct === null) {
    await finishRecording(userId, attemptId, now);
  }

  const rows = await db.attemptAnswer.findMany({
    where: { attemptId, attempt: { userId } },
    orderBy: { position: "asc" },
    select: { itemId: true, chosen: true, marked: true, timeMs: true, item: { select: ITEM_VIEW_SELECT } },
  });
  const kind = asKind(attempt.kind);
  const mode = asMode(attempt.mode);
  const feedback: Record<string, AnswerFeedback> = {};
  if (mode === "tutor") {
    for (const row of rows) if (row.chosen !== null) feedback[row.itemId] = feedbackFor(row.item, row.chosen);
  }
  return {
    id: attempt.id,
    kind,
    mode,
    label: labelOf(attempt.kind, attempt.spec),
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    timeLimitSec: attempt.timeLimitSec,
    remainingMs: attempt.deadline ? (attempt.submittedAt ? 0 : remainingMs(attempt.deadline, now)) : null,
    submitted: attempt.submittedAt !== null,
    items: rows.map((r) => toQuestionView(r.item)),
    answers: rows.map((r) => ({ itemId: r.itemId, chosen: r.chosen, marked: r.marked, timeMs: r.timeMs })),
    feedback,
  };
}

function feedbackFor(item: { id: string; keyIndex: number; options: string; lessonSlug: string; section: string }, chosen: number): AnswerFeedback {
  return {
    itemId: item.id,
    chosen,
    correct: chosen === item.keyIndex,
    keyIndex: item.keyIndex,
    options: parseOptions(item.options),
    lessonSlug: item.lessonSlug,
    section: item.section,
  };
}

/**
 * Saves the learner's current state of one item: choice, mark for review
 * and time spent. Saving the same state again changes nothing, and a later
 * save replaces an earlier one until the attempt is submitted or its
 * deadline passes (plus a two-second grace for answers in flight). Only the
 * owner can save, and only items of the attempt. In tutor mode the first
 * choice is final and is answered with its feedback; it is recorded and
 * scheduled for review at once. Other modes record their final choices at
 * submission, so a changed answer never produces a second review.
 */
export async function saveAnswer(userId: string, attemptId: string, input: AnswerInput, now = new Date()): Promise<SaveAnswerResult> {
  const parsed = answerInputSchema.parse(input);
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId },
    select: { id: true, kind: true, mode: true, startedAt: true, deadline: true, submittedAt: true },
  });
  if (!attempt) return { ok: false, reason: "not-found" };
  if (attempt.submittedAt) return { ok: false, reason: "submitted" };
  if (expired(attempt.deadline, now)) {
    await submitAttempt(userId, attemptId, now);
    return { ok: false, reason: "deadline" };
  }
  const row = await db.attemptAnswer.findFirst({
    where: { attemptId, itemId: parsed.itemId, attempt: { userId } },
    select: { chosen: true, marked: true, timeMs: true, item: { select: { id: true, keyIndex: true, options: true, lessonSlug: true, section: true } } },
  });
  if (!row) return { ok: false, reason: "not-in-attempt" };

  // The client's clock measures time on the item; it cannot exceed the time since the attempt began.
  const timeMs = Math.min(parsed.timeMs, Math.max(0, now.getTime() - attempt.startedAt.getTime()));
  const mode = asMode(attempt.mode);
  const chosen = parsed.chosen;
  const tutor = mode === "tutor";
  const saved = (answer: AttemptAnswerView): SaveAnswerResult => ({
    ok: true,
    answer: { ...answer, savedAt: now.toISOString() },
    ...(tutor && answer.chosen !== null ? { feedback: feedbackFor(row.item, answer.chosen) } : {}),
  });

  if (tutor && row.chosen !== null) {
    // Feedback has been shown: the answer stands, and a resend of it is simply acknowledged.
    if (chosen === row.chosen || chosen === null) return saved({ itemId: parsed.itemId, chosen: row.chosen, marked: row.marked, timeMs: row.timeMs });
    return { ok: false, reason: "locked" };
  }

  const choiceChanged = chosen !== row.chosen;
  const { count } = await db.attemptAnswer.updateMany({
    where: { attemptId, itemId: parsed.itemId, attempt: { userId, submittedAt: null }, ...(tutor ? { chosen: null } : {}) },
    data: {
      chosen,
      correct: chosen === null ? null : chosen === row.item.keyIndex,
      marked: parsed.marked,
      timeMs,
      ...(choiceChanged ? { answeredAt: chosen === null ? null : now } : {}),
    },
  });
  if (count === 0) {
    // Someone got there first: a submission (or, in tutor mode, the same answer sent twice at once).
    const current = await db.attemptAnswer.findFirst({
      where: { attemptId, itemId: parsed.itemId, attempt: { userId } },
      select: { chosen: true, marked: true, timeMs: true, attempt: { select: { submittedAt: true } } },
    });
    if (!current || current.attempt.submittedAt) return { ok: false, reason: "submitted" };
    if (tutor && current.chosen === chosen) return saved({ itemId: parsed.itemId, chosen: current.chosen, marked: current.marked, timeMs: current.timeMs });
    return { ok: false, reason: "locked" };
  }

  if (tutor && chosen !== null) {
    await recordAttemptAnswer(userId, attemptId, { itemId: parsed.itemId, chosen, correct: chosen === row.item.keyIndex, timeMs, answeredAt: now }, "tutor");
  }
  return saved({ itemId: parsed.itemId, chosen, marked: parsed.marked, timeMs });
}

/**
 * Stores the Answer for one attempt item (once: its id is derived from the
 * attempt and item) and turns it into a review of the item's card, which
 * `reviewFromAnswer` applies once per answer id.
 */
async function recordAttemptAnswer(
  userId: string,
  attemptId: string,
  answer: { itemId: string; chosen: number; correct: boolean; timeMs: number; answeredAt: Date },
  mode: AnswerMode,
): Promise<void> {
  const id = answerIdFor(attemptId, answer.itemId);
  try {
    await db.answer.create({
      data: { id, userId, itemId: answer.itemId, chosen: answer.chosen, correct: answer.correct, timeMs: answer.timeMs, mode, answeredAt: answer.answeredAt },
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code !== "P2002") throw error;
  }
  await reviewFromAnswer(userId, { answerId: id, itemId: answer.itemId, correct: answer.correct, timeMs: answer.timeMs, answeredAt: answer.answeredAt });
}

/**
 * Submits an attempt: the learner's final choices are scored and each
 * answered item is recorded as an Answer and a review of its card. Safe to
 * call again (or concurrently): the submission is claimed once, and the
 * recording is idempotent and resumes where it stopped if it was cut short.
 * An attempt past its deadline counts as submitted at its deadline.
 */
export async function submitAttempt(userId: string, attemptId: string, now = new Date()): Promise<SubmitResult> {
  const attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: { id: true, deadline: true, submittedAt: true } });
  if (!attempt) return { ok: false, reason: "not-found" };
  let submittedAt = attempt.submittedAt;
  if (!submittedAt) {
    const at = attempt.deadline && now > attempt.deadline ? attempt.deadline : now;
    await db.attempt.updateMany({ where: { id: attemptId, userId, submittedAt: null }, data: { submittedAt: at } });
    const claimed = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: { submittedAt: true } });
    submittedAt = claimed?.submittedAt ?? at;
  }
  await finishRecording(userId, attemptId, now);
  return { ok: true, id: attemptId, submittedAt };
}

/**
 * Records every answered item of a submitted attempt, then stores the
 * score. `correct` stays null until the recording is complete, which is
 * how an interrupted submission is recognised and finished later.
 */
async function finishRecording(userId: string, attemptId: string, now: Date): Promise<void> {
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId, submittedAt: { not: null } },
    select: { kind: true, mode: true, correct: true },
  });
  if (!attempt || attempt.correct !== null) return;
  const rows = await db.attemptAnswer.findMany({
    where: { attemptId, attempt: { userId } },
    orderBy: [{ answeredAt: "asc" }, { position: "asc" }],
    select: { itemId: true, chosen: true, timeMs: true, answeredAt: true, item: { select: { keyIndex: true } } },
  });
  const answered = rows.filter((r) => r.chosen !== null);
  const ids = answered.map((r) => answerIdFor(attemptId, r.itemId));
  const done = new Set(
    (await db.reviewLog.findMany({ where: { userId, clientId: { in: ids.map((id) => `answer-${id}`) } }, select: { clientId: true } })).map((l) => l.clientId),
  );
  const mode = answerModeOf(asKind(attempt.kind), asMode(attempt.mode));
  for (const row of answered) {
    if (done.has(`answer-${answerIdFor(attemptId, row.itemId)}`)) continue;
    const chosen = row.chosen!;
    await recordAttemptAnswer(
      userId,
      attemptId,
      { itemId: row.itemId, chosen, correct: chosen === row.item.keyIndex, timeMs: row.timeMs, answeredAt: row.answeredAt ?? now },
      mode,
    );
  }
  const correct = answered.filter((r) => r.chosen === r.item.keyIndex).length;
  await db.attempt.updateMany({ where: { id: attemptId, userId, correct: null }, data: { correct } });
}

/** Submits every timed attempt of the learner whose deadline has passed (closed tabs, phones left asleep). */
export async function finishExpiredAttempts(userId: string, now = new Date()): Promise<number> {
  const stale = await db.attempt.findMany({
    where: { userId, OR: [{ submittedAt: null, deadline: { lt: new Date(now.getTime() - 2000) } }, { submittedAt: { not: null }, correct: null }] },
    select: { id: true },
  });
  for (const a of stale) await submitAttempt(userId, a.id, now);
  return stale.length;
}

/**
 * The score report of a submitted attempt: overall and per-domain score
 * with blueprint weights, timing against the exam's pace, and every item
 * with the learner's choice, the key and all rationales. An attempt past
 * its deadline is submitted first; one still running has no report.
 */
export async function attemptReport(userId: string, attemptId: string, now = new Date()): Promise<AttemptReportResult> {
  let attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
  if (!attempt) return { ok: false, reason: "not-found" };
  if (!attempt.submittedAt) {
    if (!expired(attempt.deadline, now)) return { ok: false, reason: "in-progress" };
    await submitAttempt(userId, attemptId, now);
    attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
    if (!attempt?.submittedAt) return { ok: false, reason: "not-found" };
  } else if (attempt.correct === null) {
    await finishRecording(userId, attemptId, now);
  }
  const submittedAt = attempt.submittedAt!;

  const rows = await db.attemptAnswer.findMany({
    where: { attemptId, attempt: { userId } },
    orderBy: { position: "asc" },
    select: { position: true, itemId: true, chosen: true, marked: true, timeMs: true, item: { select: ITEM_VIEW_SELECT } },
  });
  const blueprint = blueprintFor(attempt.blueprintId);
  const score = scoreAttempt({
    items: rows.map((r) => ({ id: r.itemId, domain: r.item.domain, keyIndex: r.item.keyIndex })),
    answers: rows.map((r) => ({ itemId: r.itemId, chosen: r.chosen, timeMs: r.timeMs })),
    blueprint,
  });
  const long = new Set(score.timing.overPace);
  return {
    ok: true,
    report: {
      id: attempt.id,
      kind: asKind(attempt.kind),
      mode: asMode(attempt.mode),
      label: labelOf(attempt.kind, attempt.spec),
      startedAt: attempt.startedAt,
      submittedAt,
      timeLimitSec: attempt.timeLimitSec,
      timedOut: attempt.deadline !== null && submittedAt.getTime() >= attempt.deadline.getTime(),
      elapsedMs: Math.max(0, submittedAt.getTime() - attempt.startedAt.getTime()),
      answered: rows.filter((r) => r.chosen !== null).length,
      blueprint: { id: blueprint.id, name: blueprint.name, source: blueprint.source },
      score,
      items: rows.map((r) => ({
        position: r.position,
        itemId: r.itemId,
        domain: r.item.domain,
        domainName: domainName(r.item.domain, blueprint),
        lessonSlug: r.item.lessonSlug,
        section: r.item.section,
        stem: r.item.stem,
        leadIn: r.item.leadIn,
        options: parseOptions(r.item.options),
        keyIndex: r.item.keyIndex,
        chosen: r.chosen,
        correct: r.chosen !== null && r.chosen === r.item.keyIndex,
        marked: r.marked,
        timeMs: r.timeMs,
        long: long.has(r.itemId),
      })),
    },
  };
}

/**
 * The learner's attempts, newest first: those still running (with the
 * time left) and those submitted (with their score). Expired attempts are
 * submitted first so they show up as finished.
 */
export async function attemptHistory(
  userId: string,
  now = new Date(),
  options: { limit?: number; kinds?: readonly AttemptKind[] } = {},
): Promise<{ running: AttemptSummary[]; finished: AttemptSummary[] }> {
  await finishExpiredAttempts(userId, now);
  const rows = await db.attempt.findMany({
    where: { userId, ...(options.kinds ? { kind: { in: [...options.kinds] } } : {}) },
    orderBy: { startedAt: "desc" },
    take: options.limit ?? 100,
    select: { ...ATTEMPT_SELECT, _count: { select: { answers: { where: { chosen: { not: null } } } } } },
  });
  const summaries = rows.map(
    (a): AttemptSummary => ({
      id: a.id,
      kind: asKind(a.kind),
      mode: asMode(a.mode),
      label: labelOf(a.kind, a.spec),
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      deadline: a.deadline,
      remainingMs: a.deadline && !a.submittedAt ? remainingMs(a.deadline, now) : null,
      total: a.total,
      answered: a._count.answers,
      correct: a.submittedAt ? a.correct : null,
      percent: a.submittedAt && a.correct !== null ? percentOf(a.correct, a.total) : null,
    }),
  );
  return { running: summaries.filter((s) => !s.submittedAt), finished: summaries.filter((s) => s.submittedAt) };
}

/** Item ids the learner has met in any attempt or answered anywhere: "seen" for drawing new sets. */
export async function seenItemIds(userId: string): Promise<Set<string>> {
  const [inAttempts, answered] = await Promise.all([
    db.attemptAnswer.findMany({ where: { attempt: { userId } }, select: { itemId: true }, distinct: ["itemId"] }),
    db.answer.findMany({ where: { userId }, select: { itemId: true }, distinct: ["itemId"] }),
  ]);
  return new Set([...inAttempts, ...answered].map((r) => r.itemId));
}

/** For assignments: the attempts a learner has made on one assignment. */
export async function attemptsForAssignment(userId: string, assignmentId: string) {
  return db.attempt.findMany({
    where: { userId, assignmentId },
    orderBy: { startedAt: "asc" },
    select: { id: true, startedAt: true, submittedAt: true, correct: true, total: true, deadline: true },
  });
}

export interface AttemptClock {
  remainingMs: number | null;
  submitted: boolean;
  serverNow: string;
}

/** Just the clock of the learner's attempt, for a screen waking up from sleep; null if not theirs. */
export async function attemptClock(userId: string, attemptId: string, now = new Date()): Promise<AttemptClock | null> {
  const attempt = await db.attempt.findFirst({ where: { id: attemptId, userId }, select: { deadline: true, submittedAt: true } });
  if (!attempt) return null;
  if (!attempt.submittedAt && expired(attempt.deadline, now)) {
    await submitAttempt(userId, attemptId, now);
    return { remainingMs: 0, submitted: true, serverNow: now.toISOString() };
  }
  return {
    remainingMs: attempt.deadline ? (attempt.submittedAt ? 0 : remainingMs(attempt.deadline, now)) : null,
    submitted: attempt.submittedAt !== null,
    serverNow: now.toISOString(),
  };
}
