import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { listLessons } from "@/lib/content/lessons";
import { db } from "@/lib/db";
import { recordAnswer } from "@/lib/learn/answers";
import { submitGrade, undoLastGrade } from "@/lib/srs/reviews";
import { saveSrsSettings } from "@/lib/srs/settings-store";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { getReviewSession } from "@/lib/srs/session";
import { addStarterCards } from "@/lib/srs/starter";

// The first day, today's counts and undo across a reload, on a real database.
// The starter deck is the first lesson's flashcards; this database has no synced content,
// so the test gives that lesson three cards of its own (ids unique to this run).
const run = Math.random().toString(36).slice(2, 8);
const users: string[] = [];
const cardIds: string[] = [];
let firstLesson = "";
let seq = 0;
const gid = () => `day-${run}-${++seq}`;

async function makeUser(name: string) {
  const r = await createUser({ name, email: `${name}-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  await saveSrsSettings(r.user.id, { ...DEFAULT_SRS_SETTINGS, enableFuzz: false });
  return r.user.id;
}

beforeAll(async () => {
  firstLesson = (await listLessons()).find((l) => l.flashcardCount > 0)!.slug;
  for (let n = 1; n <= 3; n++) {
    const id = `${firstLesson}/starter-${run}-${n}`;
    cardIds.push(id);
    await db.flashcard.create({ data: { id, lessonSlug: firstLesson, section: "s", front: `Starter ${n}?`, back: `Answer ${n}.`, source: "card", position: 900 + n, contentHash: "h" } });
  }
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.flashcard.deleteMany({ where: { id: { in: cardIds } } });
  await db.item.deleteMany({ where: { id: `day-item-${run}` } });
});

describe("a brand-new learner's first day", () => {
  it("has no cards, then gets the first lesson's cards once, at once", async () => {
    const userId = await makeUser("first-day");
    const empty = await getReviewSession(userId, "UTC");
    expect(empty).toMatchObject({ hasCards: false, cards: [], lastGrade: null, doneToday: { cards: 0 } });

    const added = await addStarterCards(userId);
    expect(added).toMatchObject({ ok: true, lessonSlug: firstLesson });
    const mine = await db.reviewCard.findMany({ where: { userId }, select: { flashcardId: true, state: true } });
    expect(mine.length).toBe(added.ok ? added.added : -1);
    expect(mine.map((c) => c.flashcardId)).toEqual(expect.arrayContaining(cardIds));
    expect(mine.every((c) => c.state === 0)).toBe(true);

    const day = await getReviewSession(userId, "UTC");
    expect(day.hasCards).toBe(true);
    expect(day.cards.map((c) => c.front.text)).toEqual(expect.arrayContaining(["Starter 1?", "Starter 2?", "Starter 3?"]));
    expect(day.cards.every((c) => c.queue === "new")).toBe(true);

    // Once only: a second request adds nothing.
    expect(await addStarterCards(userId)).toMatchObject({ ok: false, reason: "already-started" });
    expect(await db.reviewCard.count({ where: { userId } })).toBe(mine.length);
  });

  it("lets only one of two simultaneous first-day requests through", async () => {
    const userId = await makeUser("first-day-race");
    const outcomes = await Promise.all([addStarterCards(userId), addStarterCards(userId)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await db.reviewCard.count({ where: { userId, flashcardId: { in: cardIds } } })).toBe(3);
  });

  it("is not offered to a learner whose cards came from a practice answer", async () => {
    const userId = await makeUser("first-day-answered");
    const itemId = `day-item-${run}`;
    await db.item.create({
      data: {
        id: itemId, lessonSlug: `day-lesson-${run}`, section: "s", domain: 3, concepts: "[]", difficulty: 2, stem: "Stem", leadIn: "What first?",
        options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l}`, rationale: `Why ${l}` }))), keyIndex: 1,
        author: "test", writtenOn: "2026-12-03", blueprint: "amftrb-2020", contentHash: "h",
      },
    });
    expect((await recordAnswer(userId, { itemId, lessonSlug: `day-lesson-${run}`, chosen: 0, timeMs: 1000, mode: "tutor" })).ok).toBe(true);
    expect((await getReviewSession(userId, "UTC")).hasCards).toBe(true);
    expect(await addStarterCards(userId)).toMatchObject({ ok: false, reason: "already-started" });
  });
});

describe("today's work after a reload", () => {
  it("counts done from the review log, learning steps included, and offers Undo for the last grade", async () => {
    const userId = await makeUser("reload");
    await addStarterCards(userId);
    const start = await getReviewSession(userId, "UTC");
    const [a, b] = start.cards;
    const first = gid();
    const second = gid();
    // Again on a new card keeps it in learning (it comes back today); Good on another.
    expect((await submitGrade(userId, { id: first, cardId: a!.cardId, rating: 1, durationMs: 4000 })).status).toBe("applied");
    expect((await submitGrade(userId, { id: second, cardId: b!.cardId, rating: 3, durationMs: 4000 })).status).toBe("applied");

    const reloaded = await getReviewSession(userId, "UTC");
    expect(reloaded.doneToday).toMatchObject({ cards: 2, newCards: 2 });
    expect(reloaded.lastGrade).toEqual({ clientId: second, cardId: b!.cardId });
    // The missed card is back within minutes: shown as learning (learn-ahead while its step runs).
    expect(["learning", "learn-ahead"]).toContain(reloaded.cards.find((c) => c.cardId === a!.cardId)?.queue);

    // The offered grade is the one the server undoes; then the one before it is offered.
    expect(await undoLastGrade(userId, new Date(), reloaded.lastGrade!.clientId)).toMatchObject({ ok: true, clientId: second });
    const afterUndo = await getReviewSession(userId, "UTC");
    expect(afterUndo.doneToday.cards).toBe(1);
    expect(afterUndo.lastGrade).toEqual({ clientId: first, cardId: a!.cardId });
    expect(afterUndo.cards.find((c) => c.cardId === b!.cardId)?.queue).toBe("new");
  });

  it("offers no Undo once the card has changed since that grade", async () => {
    const userId = await makeUser("reload-changed");
    await addStarterCards(userId);
    const [card] = (await getReviewSession(userId, "UTC")).cards;
    const last = gid();
    await submitGrade(userId, { id: last, cardId: card!.cardId, rating: 1, durationMs: 1000 });
    expect((await getReviewSession(userId, "UTC")).lastGrade?.clientId).toBe(last);
    // Another device (or a bug) moved the card on without a review-screen log: undo would fail, so none is offered.
    await db.reviewCard.update({ where: { id: card!.cardId }, data: { reps: { increment: 1 } } });
    expect((await getReviewSession(userId, "UTC")).lastGrade).toBeNull();
    expect(await undoLastGrade(userId, new Date(), last)).toMatchObject({ ok: false, reason: "card-changed" });
  });

  it("offers no Undo for a grade from an earlier day", async () => {
    const userId = await makeUser("reload-yesterday");
    await addStarterCards(userId);
    const [card] = (await getReviewSession(userId, "UTC")).cards;
    const yesterday = new Date(Date.now() - 26 * 3_600_000);
    await submitGrade(userId, { id: gid(), cardId: card!.cardId, rating: 3, durationMs: 1000 }, yesterday);
    const today = await getReviewSession(userId, "UTC");
    expect(today.lastGrade).toBeNull();
    expect(today.doneToday.cards).toBe(0);
  });
});
