import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

export const flagInputSchema = z.object({ itemId: z.string().min(1).max(64), flagged: z.boolean() }).strict();

export const REPORT_MIN = 10;
export const REPORT_MAX = 2000;
/** Open reports one learner may file per day; enough for honest use, a brake on floods. */
export const REPORTS_PER_DAY = 20;

export const reportInputSchema = z
  .object({
    itemId: z.string().min(1).max(64),
    text: z
      .string()
      .trim()
      .min(REPORT_MIN, `Please describe the problem in at least ${REPORT_MIN} characters.`)
      .max(REPORT_MAX, `Please keep the report under ${REPORT_MAX} characters.`),
  })
  .strict();

/**
 * Items a learner may flag or report: bank items, and items they met in
 * one of their own attempts (an instructor's items reach learners only
 * through assignment attempts).
 */
const visibleTo = (userId: string, itemId: string) => ({
  id: itemId,
  OR: [{ ownerId: null }, { attemptAnswers: { some: { attempt: { userId } } } }],
});

export type FlagResult = { ok: true; flagged: boolean } | { ok: false; reason: "unknown-item" };

/** Flags an item for later practice (the "Flagged" session source), or removes the flag. Idempotent. */
export async function setFlag(userId: string, itemId: string, flagged: boolean, now = new Date()): Promise<FlagResult> {
  const item = await db.item.findFirst({ where: visibleTo(userId, itemId), select: { id: true } });
  if (!item) return { ok: false, reason: "unknown-item" };
  if (!flagged) {
    await db.itemFlag.deleteMany({ where: { userId, itemId } });
    return { ok: true, flagged: false };
  }
  try {
    await db.itemFlag.upsert({ where: { userId_itemId: { userId, itemId } }, update: {}, create: { userId, itemId, createdAt: now } });
  } catch (error) {
    // Two flags at once: the other one created the row.
    if ((error as { code?: string } | null)?.code !== "P2002") throw error;
  }
  return { ok: true, flagged: true };
}

/** Which of `itemIds` the learner has flagged. */
export async function flaggedAmong(userId: string, itemIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.itemFlag.findMany({ where: { userId, itemId: { in: [...itemIds] } }, select: { itemId: true } });
  return new Set(rows.map((r) => r.itemId));
}

export type ReportResult = { ok: true; id: string } | { ok: false; reason: "unknown-item" | "too-many" };

/** Stores a learner's report of a problem with an item, with their own words, for the authors. */
export async function reportItem(userId: string, itemId: string, text: string, now = new Date()): Promise<ReportResult> {
  const clean = reportInputSchema.parse({ itemId, text }).text;
  const item = await db.item.findFirst({ where: visibleTo(userId, itemId), select: { id: true } });
  if (!item) return { ok: false, reason: "unknown-item" };
  const recent = await db.itemReport.count({ where: { userId, createdAt: { gte: new Date(now.getTime() - 86_400_000) } } });
  if (recent >= REPORTS_PER_DAY) return { ok: false, reason: "too-many" };
  const report = await db.itemReport.create({ data: { userId, itemId, text: clean, createdAt: now }, select: { id: true } });
  return { ok: true, id: report.id };
}

/** Open reports, oldest first, for whoever curates the bank. */
export async function openReports(limit = 100) {
  return db.itemReport.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, itemId: true, text: true, createdAt: true, item: { select: { lessonSlug: true, leadIn: true, ownerId: true } } },
  });
}
