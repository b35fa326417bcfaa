/**
 * Copies items and flashcards from content/ into the database, keyed by
 * their stable ids. Idempotent: a row is written only when its content hash
 * changed. Rows are never deleted, because learners' answers reference them:
 * an item that leaves the bank is retired (retiredAt set) and un-retired if
 * it comes back.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { FlashcardRecord } from "./flashcards";
import { OPTION_LETTERS, type ItemSource } from "./schema";

export interface SyncCounts {
  created: number;
  /** Changed rows, including retired rows that came back. */
  updated: number;
  unchanged: number;
  retired: number;
}

export interface SyncResult {
  items: SyncCounts;
  flashcards: SyncCounts;
}

export interface SyncOptions {
  /**
   * Sync only these lessons: rows of other lessons are neither read nor
   * retired. Without it the content is the whole bank and every row missing
   * from it is retired.
   */
  lessons?: readonly string[];
}

export interface SyncContent {
  items: readonly ItemSource[];
  flashcards: readonly Pick<FlashcardRecord, "id" | "lessonSlug" | "section" | "front" | "back" | "source">[];
}

export interface ItemRow {
  id: string;
  lessonSlug: string;
  section: string;
  domain: number;
  /** JSON array of concept slugs. */
  concepts: string;
  difficulty: number;
  stem: string;
  leadIn: string;
  /** JSON array of { text, rationale } in A–D order. */
  options: string;
  keyIndex: number;
  author: string;
  writtenOn: string;
  blueprint: string;
  contentHash: string;
}

export interface FlashcardRow {
  id: string;
  lessonSlug: string;
  section: string;
  front: string;
  back: string;
  source: string;
  position: number;
  contentHash: string;
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

const withHash = <T extends object>(data: T): T & { contentHash: string } => ({ ...data, contentHash: contentHash(data) });

export function itemRow(item: ItemSource): ItemRow {
  return withHash({
    id: item.id,
    lessonSlug: item.lesson,
    section: item.section,
    domain: item.domain,
    concepts: JSON.stringify(item.concepts),
    difficulty: item.difficulty,
    stem: item.stem,
    leadIn: item.leadIn,
    options: JSON.stringify(item.options.map((o) => ({ text: o.text, rationale: o.rationale }))),
    keyIndex: OPTION_LETTERS.indexOf(item.key),
    author: item.author,
    writtenOn: item.written,
    blueprint: item.blueprint,
  });
}

/** `position` is the card's place in its lesson, so new cards can be introduced in reading order. */
export function flashcardRow(card: SyncContent["flashcards"][number], position = 0): FlashcardRow {
  return withHash({ id: card.id, lessonSlug: card.lessonSlug, section: card.section, front: card.front, back: card.back, source: card.source, position });
}

/** Rows for all cards, each numbered by its order within its own lesson. */
function flashcardRows(cards: SyncContent["flashcards"]): FlashcardRow[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const position = seen.get(card.lessonSlug) ?? 0;
    seen.set(card.lessonSlug, position + 1);
    return flashcardRow(card, position);
  });
}

export interface ExistingRow {
  id: string;
  lessonSlug: string;
  contentHash: string;
  retiredAt: Date | null;
}

export interface SyncPlan<R> {
  create: R[];
  /** Rows whose hash changed or that come back from retirement. */
  update: R[];
  unchanged: number;
  /** Ids of active rows that are no longer in the content. */
  retire: string[];
}

/** What to write, given the rows in the database and the rows from content. Pure. */
export function planSync<R extends { id: string; contentHash: string }>(
  existing: readonly ExistingRow[],
  rows: readonly R[],
  lessons?: readonly string[],
): SyncPlan<R> {
  const byId = new Map(existing.map((e) => [e.id, e] as const));
  const wanted = new Set(rows.map((r) => r.id));
  const plan: SyncPlan<R> = { create: [], update: [], unchanged: 0, retire: [] };
  for (const row of rows) {
    const current = byId.get(row.id);
    if (current === undefined) plan.create.push(row);
    else if (current.contentHash !== row.contentHash || current.retiredAt !== null) plan.update.push(row);
    else plan.unchanged += 1;
  }
  for (const current of existing) {
    const inScope = lessons === undefined || lessons.includes(current.lessonSlug);
    if (!wanted.has(current.id) && current.retiredAt === null && inScope) plan.retire.push(current.id);
  }
  plan.retire.sort();
  return plan;
}

const countsOf = (plan: SyncPlan<unknown>): SyncCounts => ({
  created: plan.create.length,
  updated: plan.update.length,
  unchanged: plan.unchanged,
  retired: plan.retire.length,
});

function assertUniqueIds(rows: readonly { id: string }[], kind: string) {
  const seen = new Set<string>();
  for (const { id } of rows) {
    if (seen.has(id)) throw new Error(`content sync: duplicate ${kind} id "${id}"; run npm run content:check`);
    seen.add(id);
  }
}

/** Rows the sync must see: all of them, or (scoped) those of the lessons plus any with a content id, which may have moved lesson. */
const existingWhere = (rows: readonly { id: string }[], lessons?: readonly string[]) =>
  lessons === undefined ? {} : { OR: [{ id: { in: rows.map((r) => r.id) } }, { lessonSlug: { in: [...lessons] } }] };

const EXISTING_SELECT = { id: true, lessonSlug: true, contentHash: true, retiredAt: true } as const;
// Interactive transactions default to 5 s, too short for a first sync of a full bank on a slow disk.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

async function syncItems(db: Db, rows: ItemRow[], now: Date, lessons?: readonly string[]): Promise<SyncCounts> {
  return db.$transaction(async (tx) => {
    // Instructors' own items live in the same table but not in content/: never touch them.
    const existing = await tx.item.findMany({ where: { AND: [existingWhere(rows, lessons), { ownerId: null }] }, select: EXISTING_SELECT });
    const plan = planSync(existing, rows, lessons);
    if (plan.create.length > 0) await tx.item.createMany({ data: plan.create });
    for (const row of plan.update) await tx.item.update({ where: { id: row.id }, data: { ...row, retiredAt: null } });
    if (plan.retire.length > 0) await tx.item.updateMany({ where: { id: { in: plan.retire } }, data: { retiredAt: now } });
    return countsOf(plan);
  }, TRANSACTION_OPTIONS);
}

async function syncFlashcards(db: Db, rows: FlashcardRow[], now: Date, lessons?: readonly string[]): Promise<SyncCounts> {
  return db.$transaction(async (tx) => {
    const existing = await tx.flashcard.findMany({ where: existingWhere(rows, lessons), select: EXISTING_SELECT });
    const plan = planSync(existing, rows, lessons);
    if (plan.create.length > 0) await tx.flashcard.createMany({ data: plan.create });
    for (const row of plan.update) await tx.flashcard.update({ where: { id: row.id }, data: { ...row, retiredAt: null } });
    if (plan.retire.length > 0) await tx.flashcard.updateMany({ where: { id: { in: plan.retire } }, data: { retiredAt: now } });
    return countsOf(plan);
  }, TRANSACTION_OPTIONS);
}

/**
 * Brings the Item and Flashcard tables in line with `content`, one
 * transaction per kind. The caller must have checked the content first
 * (a bank with problems is never synced); duplicate ids throw.
 * `now` is the retirement time written on rows that left the content.
 */
export async function syncContent(db: Db, content: SyncContent, now: Date = new Date(), options: SyncOptions = {}): Promise<SyncResult> {
  const items = content.items.map(itemRow);
  const flashcards = flashcardRows(content.flashcards);
  assertUniqueIds(items, "item");
  assertUniqueIds(flashcards, "flashcard");
  return {
    items: await syncItems(db, items, now, options.lessons),
    flashcards: await syncFlashcards(db, flashcards, now, options.lessons),
  };
}
