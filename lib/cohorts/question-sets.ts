import "server-only";
import { db } from "@/lib/db";
import { listLessons } from "@/lib/content/lessons";
import { getBlueprint } from "@/lib/exam/blueprints";
import { sampleItems } from "@/lib/exam/sampling";
import { parseConcepts } from "@/lib/learn/items";
import { itemsUsableBy, setForOwner } from "./access";
import { CUSTOM_LESSON } from "./instructor-items";
import type { BuilderItem } from "./item-filters";
import { itemFromRow, itemsToCsv, itemsToGift, itemsToMoodleXml, moodleCategorySegment } from "./formats";
import { qtiPackage } from "./formats/qti";
import type { ExportFormat, QuestionSetInput } from "./validation";

const STEM_PREVIEW = 280;

const parseIds = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

const safeConcepts = (json: string) => {
  try {
    return parseConcepts(json);
  } catch {
    return [];
  }
};

const preview = (text: string) => (text.length > STEM_PREVIEW ? `${text.slice(0, STEM_PREVIEW - 1).trimEnd()}…` : text);

/** Every live item the instructor may use (the bank and their own), as the builder lists them. */
export async function builderItems(userId: string): Promise<BuilderItem[]> {
  const rows = await db.item.findMany({
    where: itemsUsableBy(userId),
    orderBy: [{ ownerId: "asc" }, { id: "asc" }],
    select: { id: true, lessonSlug: true, domain: true, concepts: true, difficulty: true, stem: true, leadIn: true, ownerId: true },
  });
  return rows.map((r) => ({
    id: r.id,
    lessonSlug: r.lessonSlug,
    domain: r.domain,
    concepts: safeConcepts(r.concepts),
    difficulty: r.difficulty,
    stem: preview(r.stem),
    leadIn: r.leadIn,
    own: r.ownerId !== null,
  }));
}

/**
 * `count` usable items spread over the blueprint's domains by their shares
 * (unused by the set so far), in random order. Fewer when the pool runs out.
 */
export async function pickByBlueprint(userId: string, count: number, exclude: readonly string[], random: () => number = Math.random): Promise<string[]> {
  const skip = new Set(exclude);
  const pool = (await db.item.findMany({ where: itemsUsableBy(userId), select: { id: true, domain: true } })).filter((i) => !skip.has(i.id));
  return sampleItems({ blueprint: getBlueprint(), n: count, pool, seen: new Set(), random });
}

export type SetItemsCheck = { ok: true } | { ok: false; unknown: string[] };

/** Every id must be a live bank item or one of the instructor's own. */
async function checkUsable(userId: string, itemIds: readonly string[]): Promise<SetItemsCheck> {
  const found = await db.item.findMany({ where: { id: { in: [...itemIds] }, ...itemsUsableBy(userId) }, select: { id: true } });
  const known = new Set(found.map((i) => i.id));
  const unknown = itemIds.filter((id) => !known.has(id));
  return unknown.length ? { ok: false, unknown } : { ok: true };
}

export type SaveSetResult = { ok: true; setId: string } | { ok: false; reason: "unknown-items"; unknown: string[] } | { ok: false; reason: "not-found" };

export async function createQuestionSet(userId: string, input: QuestionSetInput, now = new Date()): Promise<SaveSetResult> {
  const check = await checkUsable(userId, input.itemIds);
  if (!check.ok) return { ok: false, reason: "unknown-items", unknown: check.unknown };
  const set = await db.questionSet.create({
    data: { ownerId: userId, title: input.title, description: input.description, itemIds: JSON.stringify(input.itemIds), createdAt: now },
    select: { id: true },
  });
  return { ok: true, setId: set.id };
}

/**
 * Changes a set. Attempts already made keep the items they were given; new
 * attempts on assignments of this set get the new items.
 */
export async function updateQuestionSet(userId: string, setId: string, input: QuestionSetInput): Promise<SaveSetResult> {
  const check = await checkUsable(userId, input.itemIds);
  if (!check.ok) return { ok: false, reason: "unknown-items", unknown: check.unknown };
  const { count } = await db.questionSet.updateMany({
    where: setForOwner(setId, userId),
    data: { title: input.title, description: input.description, itemIds: JSON.stringify(input.itemIds) },
  });
  return count > 0 ? { ok: true, setId } : { ok: false, reason: "not-found" };
}

export type DeleteSetResult = { ok: true } | { ok: false; reason: "not-found" | "assigned" };

/** Deletes a set that is not assigned anywhere (deleting an assigned set would delete members' results). */
export async function deleteQuestionSet(userId: string, setId: string): Promise<DeleteSetResult> {
  const { count } = await db.questionSet.deleteMany({ where: { ...setForOwner(setId, userId), assignments: { none: {} } } });
  if (count > 0) return { ok: true };
  const assigned = await db.questionSet.count({ where: setForOwner(setId, userId) });
  return { ok: false, reason: assigned > 0 ? "assigned" : "not-found" };
}

export type QuestionSetSummary = Awaited<ReturnType<typeof listQuestionSets>>[number];

export async function listQuestionSets(userId: string) {
  const rows = await db.questionSet.findMany({
    where: { ownerId: userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, description: true, itemIds: true, updatedAt: true, _count: { select: { assignments: true } } },
  });
  return rows.map(({ itemIds, ...r }) => ({ ...r, itemCount: parseIds(itemIds).length }));
}

export type SetItemView = {
  id: string;
  domain: number;
  lessonSlug: string;
  difficulty: number;
  stem: string;
  leadIn: string;
  own: boolean;
  retired: boolean;
};

/** One of the instructor's sets, with its items in order (retired ones flagged). */
export async function getQuestionSet(userId: string, setId: string) {
  const set = await db.questionSet.findFirst({
    where: setForOwner(setId, userId),
    select: { id: true, title: true, description: true, itemIds: true, createdAt: true, updatedAt: true, _count: { select: { assignments: true } } },
  });
  if (!set) return null;
  const ids = parseIds(set.itemIds);
  const rows = await db.item.findMany({
    where: { id: { in: ids }, OR: [{ ownerId: null }, { ownerId: userId }] },
    select: { id: true, domain: true, lessonSlug: true, difficulty: true, stem: true, leadIn: true, ownerId: true, retiredAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: SetItemView[] = ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [{ id, domain: r.domain, lessonSlug: r.lessonSlug, difficulty: r.difficulty, stem: preview(r.stem), leadIn: r.leadIn, own: r.ownerId !== null, retired: r.retiredAt !== null }]
      : [];
  });
  return { ...set, itemIds: ids, items };
}

/**
 * One of the instructor's sets as a file: CSV or GIFT (both import back
 * into Systemic without loss) or Moodle XML. Null without access.
 */
export async function setExport(userId: string, setId: string, format: Exclude<ExportFormat, "qti">): Promise<{ title: string; body: string } | null>;
export async function setExport(userId: string, setId: string, format: ExportFormat): Promise<{ title: string; body: string | Uint8Array } | null>;
export async function setExport(userId: string, setId: string, format: ExportFormat): Promise<{ title: string; body: string | Uint8Array } | null> {
  const set = await db.questionSet.findFirst({ where: setForOwner(setId, userId), select: { title: true, itemIds: true } });
  if (!set) return null;
  const ids = parseIds(set.itemIds);
  const rows = await db.item.findMany({ where: { id: { in: ids }, OR: [{ ownerId: null }, { ownerId: userId }] } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    // "custom" only files an instructor's item that belongs to no bank lesson; it is not a lesson to export.
    return row ? [itemFromRow({ ...row, lessonSlug: row.lessonSlug === CUSTOM_LESSON ? "" : row.lessonSlug })] : [];
  });
  if (format === "qti") return { title: set.title, body: qtiPackage(items, set.title, `set-${setId}`) };
  const body = format === "csv" ? itemsToCsv(items) : format === "gift" ? itemsToGift(items) : itemsToMoodleXml(items, { category: `$course$/top/${moodleCategorySegment(set.title)}` });
  return { title: set.title, body };
}

/** Lesson titles by slug for the builder's menus; the slug stands in if content cannot be read. */
export async function lessonTitles(): Promise<Record<string, string>> {
  try {
    const lessons = await listLessons();
    return { ...Object.fromEntries(lessons.map((l) => [l.slug, l.frontmatter.title])), [CUSTOM_LESSON]: "My items (no lesson)" };
  } catch (error) {
    console.error("[question-sets] lesson titles unavailable", error);
    return { [CUSTOM_LESSON]: "My items (no lesson)" };
  }
}
