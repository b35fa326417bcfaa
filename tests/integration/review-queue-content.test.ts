import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import type { ItemSource } from "@/lib/content/schema";
import { syncContent, type SyncContent } from "@/lib/content/sync";
import { db } from "@/lib/db";
import { createDb } from "@/lib/db/client";
import { coalitionItem } from "../fixtures/coalition-item";
import { recordAnswer } from "@/lib/learn/answers";
import { markLessonRead } from "@/lib/learn/progress";
import { latestUndoable, submitGrade, undoLastGrade } from "@/lib/srs/reviews";
import { fieldsOf } from "@/lib/srs/records";
import { previewGrades } from "@/lib/srs/scheduler";
import { saveSrsSettings } from "@/lib/srs/settings-store";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { getReviewSession, latestUndoableSql, todaysCounts } from "@/lib/srs/session";

// The queue keeps each card's text in a per-process cache keyed by the content's version.
// The sync here runs through a client of its own, as another process (`npm run content:sync`) would.
const syncer = createDb();
const run = Math.random().toString(36).slice(2, 8);
const lesson = `qc-lesson-${run}`;
const scope = { lessons: [lesson] };
const users: string[] = [];
const itemId = `qc${run.slice(0, 2)}-${run}`;
let seq = 0;

const item = (stem: string, rationale = "Correct. Joined against the father."): ItemSource =>
  coalitionItem({ id: itemId, lesson, stem, written: "2026-12-03", keyRationale: rationale });

const flashcard = (back: string) => ({ id: `${lesson}/coalition`, lessonSlug: lesson, section: "what-a-coalition-is", front: "What is a coalition?", back, source: "keyterm" as const });
const bank = (stem: string, back: string, rationale?: string): SyncContent => ({ items: [item(stem, rationale)], flashcards: [flashcard(back)] });

async function makeUser() {
  const r = await createUser({ name: "queue content", email: `queue-content-${run}-${++seq}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  await saveSrsSettings(r.user.id, { ...DEFAULT_SRS_SETTINGS, enableFuzz: false });
  return r.user.id;
}

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.answer.deleteMany({ where: { itemId } });
  await db.item.deleteMany({ where: { lessonSlug: lesson } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  await syncer.$disconnect();
});

const mine = async (userId: string) => (await getReviewSession(userId, "UTC")).cards.filter((c) => c.lessonSlug === lesson);

describe("today's queue after the content changes", () => {
  it("shows a flashcard's and an item's new text after a content sync, on the next request", async () => {
    await syncContent(syncer, bank("A mother and son exchange glances.", "Two members joined against a third."), new Date(), scope);
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    expect((await recordAnswer(userId, { itemId, lessonSlug: lesson, chosen: 1, timeMs: 5000, mode: "tutor" }, new Date(Date.now() - 15 * 60_000))).ok).toBe(true);

    const before = await mine(userId);
    expect(before.find((c) => c.kind === "flashcard")).toMatchObject({ queue: "new", back: { text: "Two members joined against a third." } });
    expect(before.find((c) => c.kind === "item")).toMatchObject({
      front: { text: "A mother and son exchange glances." },
      back: { text: "A. Cross-generational coalition", rationale: "Correct. Joined against the father." },
    });
    // Asked again with nothing changed: the same text (now from the cache).
    expect(await mine(userId)).toEqual(before.map((c) => ({ ...c, intervals: expect.any(Array) })));

    const result = await syncContent(syncer, bank("A mother and son trade glances when the father speaks.", "Two members allied against a third.", "Correct. Allied across generations."), new Date(), scope);
    expect(result.items.updated).toBe(1);
    expect(result.flashcards.updated).toBe(1);

    const after = await mine(userId);
    expect(after.find((c) => c.kind === "flashcard")?.back.text).toBe("Two members allied against a third.");
    expect(after.find((c) => c.kind === "item")).toMatchObject({
      front: { text: "A mother and son trade glances when the father speaks." },
      back: { text: "A. Cross-generational coalition", rationale: "Correct. Allied across generations." },
    });
    // Also for another learner whose cards were never cached.
    const other = await makeUser();
    await markLessonRead(other, lesson);
    expect((await mine(other)).find((c) => c.kind === "flashcard")?.back.text).toBe("Two members allied against a third.");
  });

  it("shows text changed by any write of the row, even one that leaves the content hash as it was", async () => {
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    const card = (await mine(userId)).find((c) => c.kind === "flashcard")!;
    await db.flashcard.update({ where: { id: `${lesson}/coalition` }, data: { back: "Edited in place." } });
    expect((await mine(userId)).find((c) => c.cardId === card.cardId)?.back.text).toBe("Edited in place.");
  });

  it("stops showing a flashcard that the sync retired, and the counts agree", async () => {
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    const card = (await mine(userId)).find((c) => c.kind === "flashcard")!;
    const counts = await todaysCounts(userId, "UTC");
    await syncContent(syncer, { items: [item("A mother and son trade glances when the father speaks.")], flashcards: [] }, new Date(), scope);
    const session = await getReviewSession(userId, "UTC");
    expect(session.cards.map((c) => c.cardId)).not.toContain(card.cardId);
    expect((await todaysCounts(userId, "UTC")).new).toBe(counts.new - 1);
    expect(session.counts.new).toBe(counts.new - 1);
    // Back in the content: back in the queue, with the text synced last.
    await syncContent(syncer, bank("A mother and son trade glances when the father speaks.", "Back again."), new Date(), scope);
    expect((await mine(userId)).find((c) => c.cardId === card.cardId)?.back.text).toBe("Back again.");
  });
});

describe("interval previews", () => {
  it("match ts-fsrs for the card as stored, also when asked again and after a grade", async () => {
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    const settings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
    const expected = async (cardId: string, now: Date) => {
      const card = await db.reviewCard.findFirstOrThrow({ where: { id: cardId, userId } });
      const p = previewGrades(fieldsOf(card), now, settings);
      return [p[1].interval, p[2].interval, p[3].interval, p[4].interval];
    };
    const now = new Date();
    const first = (await getReviewSession(userId, "UTC", now)).cards.find((c) => c.lessonSlug === lesson && c.kind === "flashcard")!;
    expect(first.intervals).toEqual(await expected(first.cardId, now));
    expect((await getReviewSession(userId, "UTC", now)).cards.find((c) => c.cardId === first.cardId)?.intervals).toEqual(first.intervals);

    expect((await submitGrade(userId, { id: `qc-${run}-grade`, cardId: first.cardId, rating: 1, durationMs: 2000 })).status).toBe("applied");
    const later = new Date(Date.now() + 2 * 60_000);
    const again = (await getReviewSession(userId, "UTC", later)).cards.find((c) => c.cardId === first.cardId)!;
    expect(again.queue).toBe("learning");
    expect(again.intervals).toEqual(await expected(first.cardId, later));
  });

  it("sends only the first screenful with ?limit, the same cards as the whole day's first ones", async () => {
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    const whole = await getReviewSession(userId, "UTC");
    const first = await getReviewSession(userId, "UTC", new Date(), { limit: 1 });
    expect(first.cards).toEqual(whole.cards.slice(0, 1).map((c) => ({ ...c, intervals: expect.any(Array) })));
    expect(first.more).toBe(whole.cards.length - 1);
    expect(first.counts).toEqual(whole.counts);
  });
});

describe("the latest undoable grade", () => {
  it("read raw is the row Undo's own definition finds, through grades, an undo and a practice answer", async () => {
    const userId = await makeUser();
    await markLessonRead(userId, lesson);
    const raw = async () => {
      const { sql, values } = latestUndoableSql(userId);
      return ((await db.$queryRawUnsafe<Array<{ clientId: string }>>(sql, ...values))[0]?.clientId ?? null);
    };
    const prisma = async () => (await db.reviewLog.findFirst(latestUndoable(userId)))?.clientId ?? null;
    expect(await raw()).toBeNull();
    expect(await prisma()).toBeNull();

    const cardId = (await mine(userId)).find((c) => c.kind === "flashcard")!.cardId;
    const grades = [`qc-${run}-u1`, `qc-${run}-u2`];
    for (const id of grades) expect((await submitGrade(userId, { id, cardId, rating: 3, durationMs: 1000 })).status).toBe("applied");
    expect(await raw()).toBe(grades[1]);
    expect(await prisma()).toBe(grades[1]);
    expect((await getReviewSession(userId, "UTC")).lastGrade).toEqual({ clientId: grades[1], cardId });

    expect(await undoLastGrade(userId, new Date(), grades[1])).toMatchObject({ ok: true });
    expect(await raw()).toBe(grades[0]);
    expect(await prisma()).toBe(grades[0]);

    // A practice answer is logged too, but is not a review-screen grade: Undo never takes it.
    expect((await recordAnswer(userId, { itemId, lessonSlug: lesson, chosen: 0, timeMs: 3000, mode: "tutor" })).ok).toBe(true);
    expect(await raw()).toBe(grades[0]);
    expect(await prisma()).toBe(grades[0]);
  });
});
