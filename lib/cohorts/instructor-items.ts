import "server-only";
import { createHash, randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/content/sync";
import { CURRENT_BLUEPRINT_ID } from "@/lib/exam/blueprints";
import { ownItem } from "./access";
import { lintInstructorItem } from "./formats/lint";
import { instructorItemSchema, itemFromRow, itemRowData, type ImportProblem, type InstructorItem, type InstructorItemInput } from "./formats/schema";
import { parseImportOffThread } from "./formats/parse-off-thread";
import type { ImportInput } from "./validation";

/** Items without a lesson of the bank are filed under this lesson slug. */
export const CUSTOM_LESSON = "custom";

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * "my-" and ten random letters and digits. Bank ids are two to four letters,
 * a dash and three digits (abc-001), so the two can never collide.
 */
export function newInstructorItemId(): string {
  let id = "my-";
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The Item row of an instructor's item (lesson, author, date, blueprint and content hash filled in). */
export function instructorItemRow(item: InstructorItem, author: string, now: Date) {
  const data = itemRowData(item);
  return {
    ...data,
    lessonSlug: data.lessonSlug || CUSTOM_LESSON,
    author,
    writtenOn: now.toISOString().slice(0, 10),
    blueprint: CURRENT_BLUEPRINT_ID,
    contentHash: createHash("sha256").update(canonicalJson(data)).digest("hex"),
  };
}

export type ItemCheckResult = { ok: true; item: InstructorItem } | { ok: false; problems: string[]; fieldErrors: Record<string, string> };

/** The schema, then the bank's lint rules: the same bar as a bank item. */
export function checkInstructorItem(input: InstructorItemInput): ItemCheckResult {
  const parsed = instructorItemSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length >= 3 && issue.path[0] === "options" ? `options.${String(issue.path[1])}.${String(issue.path[2])}` : String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))], fieldErrors };
  }
  const lint = lintInstructorItem(parsed.data, 1);
  if (lint.length > 0) return { ok: false, problems: lint.map((p) => p.message), fieldErrors: {} };
  return { ok: true, item: parsed.data };
}

export type SaveItemResult = { ok: true; itemId: string } | { ok: false; problems: string[]; fieldErrors: Record<string, string> } | { ok: false; notFound: true };

export async function createInstructorItem(user: { id: string; name: string | null; email: string }, input: InstructorItemInput, now = new Date()): Promise<SaveItemResult> {
  const check = checkInstructorItem(input);
  if (!check.ok) return check;
  const id = newInstructorItemId();
  await db.item.create({ data: { id, ownerId: user.id, ...instructorItemRow(check.item, user.name ?? user.email, now) } });
  return { ok: true, itemId: id };
}

/** Edits one of the instructor's items in place, as the bank does; attempts keep pointing at it. */
export async function updateInstructorItem(userId: string, itemId: string, input: InstructorItemInput, now = new Date()): Promise<SaveItemResult> {
  const check = checkInstructorItem(input);
  if (!check.ok) return check;
  const { author: _author, ...data } = instructorItemRow(check.item, "", now);
  const { count } = await db.item.updateMany({ where: ownItem(itemId, userId), data });
  return count > 0 ? { ok: true, itemId } : { ok: false, notFound: true };
}

/** Retires an item (it stays in past attempts, and is never served again) or brings it back. */
export async function setInstructorItemRetired(userId: string, itemId: string, retired: boolean, now = new Date()): Promise<boolean> {
  const { count } = await db.item.updateMany({ where: ownItem(itemId, userId), data: { retiredAt: retired ? now : null } });
  return count > 0;
}

export type InstructorItemSummary = Awaited<ReturnType<typeof listInstructorItems>>[number];

export async function listInstructorItems(userId: string) {
  return db.item.findMany({
    where: { ownerId: userId },
    orderBy: [{ retiredAt: "asc" }, { createdAt: "desc" }],
    select: { id: true, domain: true, difficulty: true, stem: true, leadIn: true, lessonSlug: true, retiredAt: true, createdAt: true, updatedAt: true },
  });
}

/** One of the instructor's items in the editor's shape; null for anyone else's. */
export async function getInstructorItem(userId: string, itemId: string): Promise<(InstructorItem & { retired: boolean }) | null> {
  const row = await db.item.findFirst({ where: ownItem(itemId, userId) });
  if (!row) return null;
  const item = itemFromRow({ ...row, lessonSlug: row.lessonSlug === CUSTOM_LESSON ? "" : row.lessonSlug });
  return { ...item, retired: row.retiredAt !== null };
}

export type ImportPreviewItem = { line: number; stem: string; leadIn: string; domain: number; key: string };

export type ImportOutcome =
  | { ok: true; imported: number; itemIds: string[]; skipped: number; problems: ImportProblem[] }
  | { ok: true; preview: true; rows: number; valid: ImportPreviewItem[]; problems: ImportProblem[] }
  | { ok: false; reason: "problems"; rows: number; valid: number; problems: ImportProblem[] }
  | { ok: false; reason: "nothing-valid"; rows: number; problems: ImportProblem[] }
  | { ok: false; reason: "unreadable"; message: string };

/**
 * Imports an instructor's items from a CSV or GIFT file. "preview" only
 * checks. "all" imports nothing unless every row is valid; "valid-only"
 * (after the instructor confirmed) imports the valid rows and skips the
 * rest. Either way the import is one transaction: all of it or none.
 */
export async function importInstructorItems(
  user: { id: string; name: string | null; email: string },
  input: ImportInput,
  now = new Date(),
): Promise<ImportOutcome> {
  const read = await parseImportOffThread(input.format, input.text);
  if (!read.ok) return { ok: false, reason: "unreadable", message: read.message };
  const { items, problems, rows } = read.result;
  if (input.mode === "preview") {
    return {
      ok: true,
      preview: true,
      rows,
      valid: items.map(({ line, item }) => ({ line, stem: item.stem.length > 160 ? `${item.stem.slice(0, 159)}…` : item.stem, leadIn: item.leadIn, domain: item.domain, key: item.key })),
      problems,
    };
  }
  if (input.mode === "all" && problems.length > 0) return { ok: false, reason: "problems", rows, valid: items.length, problems };
  if (items.length === 0) return { ok: false, reason: "nothing-valid", rows, problems };
  const author = user.name ?? user.email;
  const data = items.map(({ item }) => ({ id: newInstructorItemId(), ownerId: user.id, ...instructorItemRow(item, author, now) }));
  await db.$transaction(async (tx) => {
    await tx.item.createMany({ data });
  });
  return { ok: true, imported: data.length, itemIds: data.map((d) => d.id), skipped: rows - items.length, problems };
}
