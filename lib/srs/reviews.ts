import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { cardUpdate, committerFor, conflictOutcome, type GradeOutcome } from "./grade-commit";
import { gradeFromAnswer } from "./grade-mapping";
import { CARD_FIELDS_SELECT, fieldsOf, parseFields, sameFields, serializeFields } from "./records";
import { resolveReviewTime } from "./review-time";
import { gradeCard, newCardFields } from "./scheduler";
import { getSrsSettings, type LearnerSrsSettings } from "./settings-store";

export const gradeSubmissionSchema = z
  .object({
    /** Client-generated id of this grade; resubmitting it applies nothing new. */
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "id must be 8–64 letters, digits, '-' or '_' (a UUID works)"),
    cardId: z.string().min(1).max(64),
    rating: z.number().int().min(1, "rating is 1 (Again) to 4 (Easy)").max(4, "rating is 1 (Again) to 4 (Easy)"),
    durationMs: z.number().int().min(0).max(3_600_000),
    /** When the grade was given, by the client's clock; only used for grades sent late (offline). */
    recordedAt: z.iso.datetime({ offset: true, message: "recordedAt must be an ISO 8601 date-time" }).optional(),
  })
  .strict();
export type GradeSubmission = z.infer<typeof gradeSubmissionSchema>;

export const MAX_BATCH = 500;
export const gradeBatchSchema = z.object({ grades: z.array(gradeSubmissionSchema).min(1).max(MAX_BATCH) }).strict();

export type { CardUpdate, GradeOutcome } from "./grade-commit";

const CARD_SELECT = { id: true, suspended: true, leech: true, ...CARD_FIELDS_SELECT } as const;

class CardChanged extends Error {}

export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";


/**
 * Applies one grade exactly once, committed together with the grades that
 * arrive at the same time (lib/srs/grade-commit.ts): the log's unique
 * (userId, clientId) claims the id, and the card update only succeeds if
 * nobody changed the card since it was read, so concurrent duplicates and
 * concurrent grades never double-apply.
 */
export async function submitGrade(userId: string, grade: GradeSubmission, serverNow = new Date(), settings?: LearnerSrsSettings): Promise<GradeOutcome> {
  const prefs = settings ?? (await getSrsSettings(userId));
  return committerFor(db, applyGradeAlone).submit(userId, grade, serverNow, prefs);
}

/**
 * The same as {@link submitGrade} for one grade in transactions of its own,
 * through Prisma's model queries: what a batch falls back to when it fails
 * as a whole, so that one bad grade fails only itself.
 */
export async function applyGradeAlone(userId: string, grade: GradeSubmission, serverNow: Date, prefs: LearnerSrsSettings): Promise<GradeOutcome> {
  for (let attempt = 0; attempt < 4; attempt++) {
    // No separate look for the grade id first: the log's unique (userId, clientId) decides, inside the write.
    const card = await db.reviewCard.findFirst({ where: { id: grade.cardId, userId }, select: CARD_SELECT });
    if (!card) return (await isKnownGrade(userId, grade.id)) ? { id: grade.id, status: "duplicate" } : { id: grade.id, status: "rejected", reason: "unknown-card", message: "No such card in your collection." };
    // A refusal is only given for a grade not already applied: a resent grade stays "duplicate".
    if (card.suspended) return (await isKnownGrade(userId, grade.id)) ? { id: grade.id, status: "duplicate" } : { id: grade.id, status: "rejected", reason: "suspended", message: "This card is suspended; unsuspend it to review it." };
    const time = resolveReviewTime({ recordedAt: grade.recordedAt ? new Date(grade.recordedAt) : undefined, serverNow, lastReview: card.lastReview });
    if (!time.ok) return (await isKnownGrade(userId, grade.id)) ? { id: grade.id, status: "duplicate" } : { id: grade.id, status: "rejected", reason: time.reason, message: time.message };

    const before = fieldsOf(card);
    const { after, leechNow } = gradeCard(before, grade.rating as 1 | 2 | 3 | 4, time.reviewedAt, prefs);
    const flags = { suspended: card.suspended || leechNow, leech: card.leech || leechNow };
    try {
      await db.$transaction(async (tx) => {
        await tx.reviewLog.create({
          data: {
            userId,
            clientId: grade.id,
            cardId: card.id,
            rating: grade.rating,
            state: before.state,
            reviewedAt: time.reviewedAt,
            recordedAt: serverNow,
            durationMs: grade.durationMs,
            source: time.source,
            before: serializeFields(before),
            after: serializeFields(after),
          },
        });
        const { count } = await tx.reviewCard.updateMany({
          where: { id: card.id, userId, reps: before.reps, lastReview: before.lastReview, due: before.due },
          data: { ...after, ...flags },
        });
        if (count !== 1) throw new CardChanged();
      });
      return { id: grade.id, status: "applied", reviewedAt: time.reviewedAt.toISOString(), source: time.source, card: cardUpdate(card.id, after, flags) };
    } catch (error) {
      if (isUniqueViolation(error)) return { id: grade.id, status: "duplicate" };
      if (error instanceof CardChanged) continue;
      throw error;
    }
  }
  return conflictOutcome(grade.id);
}

/** Whether this grade id was already applied for the learner (asked only on the rare paths that would refuse it). */
async function isKnownGrade(userId: string, clientId: string): Promise<boolean> {
  return (await db.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } }, select: { id: true } })) !== null;
}

/**
 * Applies grades recorded offline, oldest first. Each grade stands alone:
 * a rejected one is reported and the others still apply. They are handed
 * to the group commit together, in that order: grades on different cards
 * go in one batch, and a later grade on the same card waits for the one
 * before it.
 */
export async function submitGrades(userId: string, grades: GradeSubmission[], serverNow = new Date(), prefs?: LearnerSrsSettings): Promise<GradeOutcome[]> {
  const settings = prefs ?? (await getSrsSettings(userId));
  const order = grades.map((g, i) => ({ g, i, t: g.recordedAt ? Date.parse(g.recordedAt) : serverNow.getTime() })).sort((a, b) => a.t - b.t || a.i - b.i);
  const outcomes = new Array<GradeOutcome>(grades.length);
  const committer = committerFor(db, applyGradeAlone);
  await Promise.all(order.map(({ g, i }) => committer.submit(userId, g, serverNow, settings).then((o) => (outcomes[i] = o))));
  return outcomes;
}

/** The grade Undo acts on: the learner's latest live grade from the review screen (shared with the queue's `lastGrade`). */
export const latestUndoable = (userId: string) =>
  ({
    where: { userId, undoneAt: null, source: { in: ["review", "offline"] } },
    orderBy: [{ recordedAt: "desc" }, { reviewedAt: "desc" }],
  }) satisfies Prisma.ReviewLogFindFirstArgs;

export type UndoOutcome =
  | { ok: true; clientId: string; cardId: string }
  | { ok: false; reason: "nothing-to-undo" | "card-changed" | "not-latest"; message: string };

/**
 * Undoes the learner's most recent grade given on the review screen:
 * restores the card's state from the log and marks the log undone (kept,
 * so a retry of the same grade id still counts as already applied).
 * With `expectedId`, only that grade is undone, and only if it is still
 * the latest: a client that lost track never undoes a different grade.
 */
export async function undoLastGrade(userId: string, now = new Date(), expectedId?: string): Promise<UndoOutcome> {
  const log = await db.reviewLog.findFirst(latestUndoable(userId));
  if (!log) return { ok: false, reason: "nothing-to-undo", message: "There is no review to undo." };
  if (expectedId !== undefined && log.clientId !== expectedId) {
    return { ok: false, reason: "not-latest", message: "Only your most recent grade can be undone." };
  }
  const card = await db.reviewCard.findFirst({ where: { id: log.cardId, userId }, select: CARD_SELECT });
  const after = parseFields(log.after);
  if (!card || !sameFields(fieldsOf(card), after)) {
    return { ok: false, reason: "card-changed", message: "This card was reviewed again since, so that grade can no longer be undone." };
  }
  const before = parseFields(log.before);
  const changed: UndoOutcome = { ok: false, reason: "card-changed", message: "This card was reviewed again since, so that grade can no longer be undone." };
  try {
    const result = await db.$transaction(async (tx) => {
      const marked = await tx.reviewLog.updateMany({ where: { id: log.id, userId, undoneAt: null }, data: { undoneAt: now } });
      if (marked.count !== 1) return false;
      // A grade that made the card a leech also suspended it; undo both.
      const leechFromThisGrade = card.leech && before.lapses < after.lapses;
      // Restore only the card this grade left: a grade committed since the check above wins, and this undo rolls back.
      const restored = await tx.reviewCard.updateMany({
        where: { id: card.id, userId, reps: after.reps, lastReview: after.lastReview, due: after.due },
        data: { ...before, ...(leechFromThisGrade ? { leech: false, suspended: false } : {}) },
      });
      if (restored.count !== 1) throw new CardChanged();
      return true;
    });
    if (!result) return { ok: false, reason: "nothing-to-undo", message: "That review was already undone." };
  } catch (error) {
    if (error instanceof CardChanged) return changed;
    throw error;
  }
  return { ok: true, clientId: log.clientId, cardId: card.id };
}

export async function setCardSuspended(userId: string, cardId: string, suspended: boolean): Promise<boolean> {
  const { count } = await db.reviewCard.updateMany({ where: { id: cardId, userId }, data: suspended ? { suspended } : { suspended, leech: false } });
  return count === 1;
}

/**
 * Turns an answer given in practice into a review of the item's card, so
 * missed questions come back on schedule. Idempotent per answer.
 */
export async function reviewFromAnswer(
  userId: string,
  answer: { answerId: string; itemId: string; correct: boolean; timeMs: number; answeredAt: Date },
): Promise<void> {
  const settings = await getSrsSettings(userId);
  const clientId = `answer-${answer.answerId}`;
  for (let attempt = 0; attempt < 4; attempt++) {
    let card = await db.reviewCard.findUnique({ where: { userId_itemId: { userId, itemId: answer.itemId } }, select: CARD_SELECT });
    if (!card) {
      try {
        card = await db.reviewCard.create({ data: { userId, kind: "item", itemId: answer.itemId, ...newCardFields(answer.answeredAt) }, select: CARD_SELECT });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    // Practice on a suspended card is still recorded as an answer, but does not reschedule it.
    if (card.suspended) return;
    const before = fieldsOf(card);
    const reviewedAt = before.lastReview && before.lastReview > answer.answeredAt ? before.lastReview : answer.answeredAt;
    const { after, leechNow } = gradeCard(before, gradeFromAnswer(answer), reviewedAt, settings);
    try {
      await db.$transaction(async (tx) => {
        await tx.reviewLog.create({
          data: {
            userId,
            clientId,
            cardId: card.id,
            rating: gradeFromAnswer(answer),
            state: before.state,
            reviewedAt,
            durationMs: answer.timeMs,
            source: "practice",
            before: serializeFields(before),
            after: serializeFields(after),
          },
        });
        const { count } = await tx.reviewCard.updateMany({
          where: { id: card.id, userId, reps: before.reps, due: before.due },
          data: { ...after, ...(leechNow ? { leech: true, suspended: true } : {}) },
        });
        if (count !== 1) throw new CardChanged();
      });
      return;
    } catch (error) {
      if (isUniqueViolation(error)) return;
      if (error instanceof CardChanged) continue;
      throw error;
    }
  }
}
