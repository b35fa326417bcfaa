import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { jsonTextList, resolveDatabase } from "@/lib/db/config";
import { parseOptions } from "@/lib/learn/items";

const LETTERS = ["A", "B", "C", "D"] as const;

/** The part of a review card's view that is content: the same for every learner, until the content changes. */
export interface CardContent {
  lessonSlug: string;
  section: string;
  front: { text: string; leadIn?: string; options?: string[] };
  back: { text: string; rationale?: string };
}

/**
 * A flashcard or item as one version of its content: its id, and a version
 * that changes whenever the row's text can have changed: its content hash
 * (which the sync and the instructor's editor write) and its `updatedAt`
 * (which every Prisma write of the row moves), as {@link contentVersionSql}
 * reads them.
 */
export interface ContentRef {
  kind: "flashcard" | "item";
  id: string;
  version: string;
}

/** The version of the Flashcard or Item row aliased `alias`, as one text column of a raw statement. */
export function contentVersionSql(alias: string): string {
  return resolveDatabase().provider === "postgresql"
    ? `(${alias}."contentHash" || ':' || CAST(${alias}."updatedAt" AS TEXT))`
    : `(${alias}."contentHash" || ':' || ${alias}."updatedAt")`;
}

/**
 * Card content by `kind:id`, per process, each with the version it was read
 * at. A lookup names the version the caller's own read of the card just
 * saw, so after a content sync (in this process or any other: the version
 * comes from the database with every queue) the old entry no longer
 * matches and the row is read again. Bounded, so a large bank of
 * instructors' items cannot grow it without limit.
 */
const cache = new LRUCache<string, { version: string; content: CardContent }>({ max: 20_000 });

const cacheKey = (ref: { kind: string; id: string }) => `${ref.kind}:${ref.id}`;

/**
 * The content of each card, from the cache when its version matches, with
 * the rest read in one query per kind. An item's back holds its key and the
 * key's rationale: callers only ask for items the learner may see answered
 * (the queue's live-card rule). The objects returned are frozen and shared.
 */
export async function cardContents(refs: readonly ContentRef[]): Promise<Map<string, CardContent>> {
  const found = new Map<string, CardContent>();
  const missing = { flashcard: [] as string[], item: [] as string[] };
  for (const ref of refs) {
    const key = cacheKey(ref);
    const hit = cache.get(key);
    if (hit && hit.version === ref.version) found.set(key, hit.content);
    else missing[ref.kind].push(ref.id);
  }
  if (missing.flashcard.length === 0 && missing.item.length === 0) return found;

  const [flashcards, items] = await Promise.all([readFlashcards(missing.flashcard), readItems(missing.item)]);
  for (const row of flashcards) {
    const content = freeze({ lessonSlug: row.lessonSlug, section: row.section, front: { text: row.front }, back: { text: row.back } });
    remember("flashcard", row.id, row.version, content, found);
  }
  for (const row of items) {
    const options = parseOptions(row.options);
    const key = options[row.keyIndex]!;
    const content = freeze({
      lessonSlug: row.lessonSlug,
      section: row.section,
      front: { text: row.stem, leadIn: row.leadIn, options: options.map((o) => o.text) },
      back: { text: `${LETTERS[row.keyIndex]}. ${key.text}`, rationale: key.rationale },
    });
    remember("item", row.id, row.version, content, found);
  }
  return found;
}

/** Forgets every cached card content (tests, and a process that knows its content changed). */
export function clearCardContentCache(): void {
  cache.clear();
}

// The version stored is the one read with the text, so a sync between the caller's read and this one leaves the newer text under its own version.
function remember(kind: ContentRef["kind"], id: string, version: string, content: CardContent, found: Map<string, CardContent>) {
  const key = cacheKey({ kind, id });
  cache.set(key, { version, content });
  found.set(key, content);
}

function freeze(content: CardContent): CardContent {
  Object.freeze(content.front.options);
  Object.freeze(content.front);
  Object.freeze(content.back);
  return Object.freeze(content);
}

const idsParam = () => {
  const { provider } = resolveDatabase();
  return jsonTextList(provider, provider === "postgresql" ? "$1" : "?");
};

type FlashcardContentRow = { id: string; lessonSlug: string; section: string; front: string; back: string; version: string };
type ItemContentRow = { id: string; lessonSlug: string; section: string; stem: string; leadIn: string; options: string; keyIndex: number; version: string };

async function readFlashcards(ids: string[]): Promise<FlashcardContentRow[]> {
  if (ids.length === 0) return [];
  return db.$queryRawUnsafe<FlashcardContentRow[]>(
    `SELECT f."id", f."lessonSlug", f."section", f."front", f."back", ${contentVersionSql("f")} AS "version" FROM "Flashcard" AS f WHERE f."id" IN ${idsParam()}`,
    JSON.stringify(ids),
  );
}

async function readItems(ids: string[]): Promise<ItemContentRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRawUnsafe<ItemContentRow[]>(
    `SELECT i."id", i."lessonSlug", i."section", i."stem", i."leadIn", i."options", i."keyIndex", ${contentVersionSql("i")} AS "version" FROM "Item" AS i WHERE i."id" IN ${idsParam()}`,
    JSON.stringify(ids),
  );
  return rows.map((r) => ({ ...r, keyIndex: Number(r.keyIndex) }));
}
