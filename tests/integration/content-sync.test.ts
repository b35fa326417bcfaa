import { afterAll, describe, expect, it } from "vitest";
import type { FlashcardRecord } from "@/lib/content/flashcards";
import type { ItemSource } from "@/lib/content/schema";
import { syncContent, type SyncContent } from "@/lib/content/sync";
import { createDb } from "@/lib/db/client";
import { coalitionItem } from "../fixtures/coalition-item";

const db = createDb();
// Other test files share the database: every row here carries this run's id
// and the sync is scoped to this run's lessons so it never retires theirs.
const run = Math.random().toString(36).slice(2, 8);
const lesson = `sync-test-${run}`;
const otherLesson = `sync-other-${run}`;
const scope = { lessons: [lesson] };
const itemId = (n: number) => `sync-${run}-${n}`;
const email = `content-sync-${run}@example.test`;

const item = (n: number, stem = `A mother and her son exchange glances whenever the father speaks (${n}).`): ItemSource =>
  coalitionItem({ id: itemId(n), lesson, stem, written: "2026-11-22" });

const card = (term: string, back: string): Pick<FlashcardRecord, "id" | "lessonSlug" | "section" | "front" | "back" | "source"> => ({
  id: `${lesson}/${term.toLowerCase()}`,
  lessonSlug: lesson,
  section: "what-a-coalition-is",
  front: `What is meant by "${term}"?`,
  back,
  source: "keyterm",
});

const bank = (items: ItemSource[], flashcards = [card("Coalition", "Two members joined against a third.")]): SyncContent => ({ items, flashcards });
const counts = (created: number, updated: number, unchanged: number, retired: number) => ({ created, updated, unchanged, retired });

afterAll(async () => {
  await db.user.deleteMany({ where: { email } });
  await db.answer.deleteMany({ where: { item: { lessonSlug: { in: [lesson, otherLesson] } } } });
  await db.item.deleteMany({ where: { lessonSlug: { in: [lesson, otherLesson] } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  await db.$disconnect();
});

describe("content sync", () => {
  it("creates items and flashcards keyed by their stable ids", async () => {
    const result = await syncContent(db, bank([item(1), item(2)]), new Date("2026-11-22T10:00:00Z"), scope);
    expect(result).toEqual({ items: counts(2, 0, 0, 0), flashcards: counts(1, 0, 0, 0) });
    const stored = await db.item.findUniqueOrThrow({ where: { id: itemId(1) } });
    expect(stored).toMatchObject({ lessonSlug: lesson, keyIndex: 0, concepts: '["coalition"]', writtenOn: "2026-11-22", retiredAt: null });
    expect(JSON.parse(stored.options)).toHaveLength(4);
  });

  it("updates an item in place when its wording changes, keeping learners' answers", async () => {
    const user = await db.user.create({ data: { email, name: "Sync tester" } });
    const answer = await db.answer.create({ data: { userId: user.id, itemId: itemId(1), chosen: 0, correct: true, timeMs: 4200, mode: "tutor" } });
    const before = await db.item.findUniqueOrThrow({ where: { id: itemId(1) } });

    const reworded = item(1, "A mother and her teenage son trade looks each time the father starts to speak.");
    const result = await syncContent(db, bank([reworded, item(2)]), new Date("2026-11-23T10:00:00Z"), scope);

    expect(result.items).toEqual(counts(0, 1, 1, 0));
    const after = await db.item.findUniqueOrThrow({ where: { id: itemId(1) } });
    expect(after.stem).toBe(reworded.stem);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(await db.answer.findUnique({ where: { id: answer.id } })).toMatchObject({ itemId: itemId(1), chosen: 0 });
  });

  it("retires an item and a card removed from content instead of deleting them", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const result = await syncContent(db, bank([item(1, "A mother and her teenage son trade looks each time the father starts to speak.")], []), now, scope);
    expect(result).toEqual({ items: counts(0, 0, 1, 1), flashcards: counts(0, 0, 0, 1) });
    expect((await db.item.findUniqueOrThrow({ where: { id: itemId(2) } })).retiredAt).toEqual(now);
    expect((await db.flashcard.findUniqueOrThrow({ where: { id: `${lesson}/coalition` } })).retiredAt).toEqual(now);
    expect(await db.answer.count({ where: { itemId: itemId(1) } })).toBe(1);
  });

  it("un-retires an item that comes back", async () => {
    const result = await syncContent(db, bank([item(1, "A mother and her teenage son trade looks each time the father starts to speak."), item(2)]), new Date(), scope);
    expect(result).toEqual({ items: counts(0, 1, 1, 0), flashcards: counts(0, 1, 0, 0) });
    expect((await db.item.findUniqueOrThrow({ where: { id: itemId(2) } })).retiredAt).toBeNull();
    expect((await db.flashcard.findUniqueOrThrow({ where: { id: `${lesson}/coalition` } })).retiredAt).toBeNull();
  });

  it("reports everything unchanged on a second identical sync and writes nothing", async () => {
    const content = bank([item(1, "A mother and her teenage son trade looks each time the father starts to speak."), item(2)]);
    const first = await syncContent(db, content, new Date(), scope);
    expect(first).toEqual({ items: counts(0, 0, 2, 0), flashcards: counts(0, 0, 1, 0) });
    const updatedAt = (await db.item.findUniqueOrThrow({ where: { id: itemId(2) } })).updatedAt;
    const second = await syncContent(db, content, new Date(), scope);
    expect(second).toEqual(first);
    expect((await db.item.findUniqueOrThrow({ where: { id: itemId(2) } })).updatedAt).toEqual(updatedAt);
  });

  it("leaves rows of lessons outside the scope alone", async () => {
    await syncContent(db, bank([{ ...item(9), lesson: otherLesson }], []), new Date(), { lessons: [otherLesson] });
    await syncContent(db, bank([item(1, "A mother and her teenage son trade looks each time the father starts to speak."), item(2)]), new Date(), scope);
    expect((await db.item.findUniqueOrThrow({ where: { id: itemId(9) } })).retiredAt).toBeNull();
  });

  it("refuses content with duplicate ids", async () => {
    await expect(syncContent(db, bank([item(1), item(1)]), new Date(), scope)).rejects.toThrow(/duplicate item id/);
  });
});
