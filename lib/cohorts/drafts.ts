import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { DOMAIN_IDS } from "@/lib/content/schema";
import { draftAsItem, draftBlockers, draftWarnings, normaliseDraft, draftRefusal, DRAFT_LETTERS, type DraftItem, type DraftImportResult } from "./formats/draft";
import { readDraftsOffThread } from "./formats/parse-off-thread";
import type { ImportProblem } from "./formats/schema";
import { instructorItemRow, newInstructorItemId } from "./instructor-items";

/** Drafts kept per instructor at most; a larger bank is imported in parts. */
export const MAX_DRAFTS = 5_000;

const draftOptionSchema = z.object({ text: z.string().max(1000), rationale: z.string().max(3000) }).strict();
/** A draft as an editor or the database holds it; the hard checks (draftRefusal) run after this. */
export const draftItemSchema = z
  .object({
    ref: z.string().max(100).optional(),
    category: z.string().max(500).optional(),
    domain: z.number().int().optional(),
    concepts: z.array(z.string().max(100)).max(12),
    difficulty: z.number().int().optional(),
    lesson: z.string().max(100).optional(),
    section: z.string().max(100).optional(),
    stem: z.string().max(5000),
    leadIn: z.string().max(5000),
    options: z.array(draftOptionSchema).min(2).max(6),
    keyIndex: z.number().int().min(0).max(5),
    generalFeedback: z.string().max(3000).optional(),
  })
  .strict();

export type DraftImportOutcome =
  | { ok: true; preview: true; rows: number; drafts: { line: number; leadIn: string; options: number; warnings: string[] }[]; refused: ImportProblem[]; fileProblems: ImportProblem[] }
  | { ok: true; imported: number; rows: number; refused: ImportProblem[]; fileProblems: ImportProblem[] }
  | { ok: false; reason: "unreadable" | "nothing" | "too-many"; message: string; refused?: ImportProblem[]; fileProblems?: ImportProblem[] };

/**
 * Reads a GIFT or CSV file as drafts (off the event loop) and, unless
 * previewing, stores every draft in one transaction. Refused questions are
 * reported at their line and never stored.
 */
export async function importDrafts(userId: string, input: { format: "csv" | "gift"; text: string; preview: boolean }): Promise<DraftImportOutcome> {
  const read = await readDraftsOffThread(input.format, input.text);
  if (!read.ok) return { ok: false, reason: "unreadable", message: read.message };
  const { drafts, refused, rows, fileProblems } = read.result as DraftImportResult;
  if (input.preview) {
    return { ok: true, preview: true, rows, drafts: drafts.map((d) => ({ line: d.line, leadIn: d.draft.leadIn, options: d.draft.options.length, warnings: d.warnings })), refused, fileProblems };
  }
  if (drafts.length === 0) return { ok: false, reason: "nothing", message: "No question of this file can be imported, so nothing was imported.", refused, fileProblems };
  const existing = await db.itemDraft.count({ where: { ownerId: userId } });
  if (existing + drafts.length > MAX_DRAFTS) return { ok: false, reason: "too-many", message: `You can keep at most ${MAX_DRAFTS.toLocaleString("en")} drafts; publish or delete some first.` };
  await db.$transaction(async (tx) => {
    await tx.itemDraft.createMany({
      data: drafts.map((d) => ({
        ownerId: userId,
        category: d.draft.category ?? "",
        source: input.format,
        line: d.line,
        data: JSON.stringify(d.draft),
        warnings: JSON.stringify(d.warnings),
      })),
    });
  });
  return { ok: true, imported: drafts.length, rows, refused, fileProblems };
}

const parseDraft = (data: string): DraftItem => draftItemSchema.parse(JSON.parse(data)) as DraftItem;
const parseWarnings = (data: string): string[] => z.array(z.string()).parse(JSON.parse(data));

export async function listDrafts(userId: string) {
  const rows = await db.itemDraft.findMany({ where: { ownerId: userId }, orderBy: [{ category: "asc" }, { createdAt: "asc" }, { line: "asc" }], take: MAX_DRAFTS });
  return rows.map((r) => ({ id: r.id, category: r.category, line: r.line, source: r.source, draft: parseDraft(r.data), warnings: parseWarnings(r.warnings), blockers: draftBlockers(parseDraft(r.data)) }));
}

export async function getDraft(userId: string, draftId: string) {
  const row = await db.itemDraft.findFirst({ where: { id: draftId, ownerId: userId } });
  if (!row) return null;
  const draft = parseDraft(row.data);
  return { id: row.id, category: row.category, line: row.line, source: row.source, draft, warnings: parseWarnings(row.warnings), blockers: draftBlockers(draft) };
}

export type SaveDraftResult = { ok: true; warnings: string[] } | { ok: false; error: string };

/** Saves an edited draft; the hard checks still apply, warnings are recomputed. */
export async function updateDraft(userId: string, draftId: string, input: DraftItem): Promise<SaveDraftResult> {
  const parsed = draftItemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "The draft is not valid." };
  const draft = normaliseDraft(parsed.data as DraftItem);
  const refusal = draftRefusal(draft);
  if (refusal !== null) return { ok: false, error: refusal };
  const warnings = draftWarnings(draft);
  const { count } = await db.itemDraft.updateMany({ where: { id: draftId, ownerId: userId }, data: { data: JSON.stringify(draft), warnings: JSON.stringify(warnings), category: draft.category ?? "" } });
  return count > 0 ? { ok: true, warnings } : { ok: false, error: "not-found" };
}

export const bulkMetadataSchema = z.object({
  domain: z.number().int().min(1).max(DOMAIN_IDS.length).optional(),
  concepts: z.array(z.string().trim().min(1).max(100)).max(12).optional(),
  difficulty: z.number().int().min(1).max(3).optional(),
});
export type BulkMetadata = z.infer<typeof bulkMetadataSchema>;

/** Sets domain, concepts and/or difficulty on many drafts at once (only the fields given). Returns how many changed. */
export async function setDraftsMetadata(userId: string, draftIds: readonly string[], metadata: BulkMetadata): Promise<number> {
  const rows = await db.itemDraft.findMany({ where: { id: { in: [...draftIds] }, ownerId: userId } });
  await db.$transaction(
    rows.map((row) => {
      const draft = normaliseDraft({
        ...parseDraft(row.data),
        ...(metadata.domain !== undefined ? { domain: metadata.domain } : {}),
        ...(metadata.concepts !== undefined ? { concepts: metadata.concepts } : {}),
        ...(metadata.difficulty !== undefined ? { difficulty: metadata.difficulty } : {}),
      });
      return db.itemDraft.update({ where: { id: row.id }, data: { data: JSON.stringify(draft), warnings: JSON.stringify(draftWarnings(draft)) } });
    }),
  );
  return rows.length;
}

export async function deleteDraft(userId: string, draftId: string): Promise<boolean> {
  const { count } = await db.itemDraft.deleteMany({ where: { id: draftId, ownerId: userId } });
  return count > 0;
}

export type PublishResult = { ok: true; itemId: string; setId: string | null } | { ok: false; reason: "not-found" } | { ok: false; reason: "blocked" | "warnings"; problems: string[] };

/**
 * Makes a draft an item of the instructor's, ready to put in sets and
 * assign. Without `asIs` the draft must have no warnings (it passes the
 * instructors' checks: the schema, the bank's lint and the cue checks);
 * with `asIs` the instructor overrides the lint and cue warnings, but the
 * schema's blockers (four options, metadata, a rationale per option) still
 * apply, because the exam and review screens need them. A draft with a
 * category is added to the instructor's question set of that name (made
 * when missing). The draft is removed in the same transaction.
 */
export async function publishDraft(user: { id: string; name: string | null; email: string }, draftId: string, asIs: boolean, now = new Date()): Promise<PublishResult> {
  const found = await getDraft(user.id, draftId);
  if (!found) return { ok: false, reason: "not-found" };
  if (found.blockers.length > 0) return { ok: false, reason: "blocked", problems: found.blockers };
  const warnings = draftWarnings(found.draft);
  if (!asIs && warnings.length > 0) return { ok: false, reason: "warnings", problems: warnings };
  const item = draftAsItem(found.draft);
  if (item === null) return { ok: false, reason: "blocked", problems: draftBlockers(found.draft) };
  const itemId = newInstructorItemId();
  return db.$transaction(async (tx) => {
    await tx.item.create({ data: { id: itemId, ownerId: user.id, ...instructorItemRow(item, user.name ?? user.email, now) } });
    let setId: string | null = null;
    if (found.category !== "") {
      const title = found.category.slice(0, 120);
      const set = await tx.questionSet.findFirst({ where: { ownerId: user.id, title }, select: { id: true, itemIds: true } });
      if (set) {
        const ids = z.array(z.string()).parse(JSON.parse(set.itemIds));
        await tx.questionSet.update({ where: { id: set.id }, data: { itemIds: JSON.stringify([...ids, itemId]) } });
        setId = set.id;
      } else {
        setId = (await tx.questionSet.create({ data: { ownerId: user.id, title, description: "Imported", itemIds: JSON.stringify([itemId]) } })).id;
      }
    }
    await tx.itemDraft.deleteMany({ where: { id: draftId, ownerId: user.id } });
    return { ok: true as const, itemId, setId };
  });
}

/** Letters for a draft's options (A–F). */
export const draftLetters = DRAFT_LETTERS;
