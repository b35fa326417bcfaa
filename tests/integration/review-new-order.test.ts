import { afterAll, describe, expect, it, vi } from "vitest";

// Two lessons in a known course order (B before A); a third the content does not know, which goes last.
const run = vi.hoisted(() => Math.random().toString(36).slice(2, 8));
const lessonA = `no-a-${run}`;
const lessonB = `no-b-${run}`;
const lessonC = `no-c-${run}`;
vi.mock("@/lib/content/lessons", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/content/lessons")>()),
  lessonOrders: async () =>
    new Map([
      [`no-b-${run}`, 1],
      [`no-a-${run}`, 2],
    ]),
}));

import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { markLessonRead } from "@/lib/learn/progress";
import { submitGrade } from "@/lib/srs/reviews";
import { newCardFields } from "@/lib/srs/scheduler";
import { saveSrsSettings } from "@/lib/srs/settings-store";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { getReviewSession, todaysCounts } from "@/lib/srs/session";

const users: string[] = [];
const lessons = [lessonA, lessonB, lessonC];
const front = (lesson: string, position: number) => `${lesson === lessonA ? "A" : lesson === lessonB ? "B" : "C"}${position}`;

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.reviewCard.deleteMany({ where: { flashcard: { lessonSlug: { in: lessons } } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: { in: lessons } } });
  await db.$disconnect();
});

/**
 * A learner who has read all three lessons, with rows already for some of
 * their flashcards (new cards sent on an earlier day and not yet graded)
 * and none for the rest: the day's new cards come from both.
 */
async function learnerWithNewCards() {
  // Each learner's lessons hold their own flashcards only: the last learner's go first.
  await db.reviewCard.deleteMany({ where: { flashcard: { lessonSlug: { in: lessons } } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: { in: lessons } } });
  const r = await createUser({ name: "new order", email: `new-order-${run}-${users.length}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  const userId = r.user.id;
  const now = new Date();
  const cards: Array<[string, number, boolean]> = [
    // lesson, position, has a row already
    [lessonA, 1, false],
    [lessonA, 2, true],
    [lessonA, 3, false],
    [lessonB, 3, true],
    [lessonB, 1, false],
    [lessonB, 2, false],
    [lessonC, 0, true],
  ];
  for (const [lesson, position, hasRow] of cards) {
    const id = `${lesson}/${userId}-${position}`;
    await db.flashcard.create({ data: { id, lessonSlug: lesson, section: "s", front: front(lesson, position), back: "b", source: "card", position, contentHash: "h" } });
    if (hasRow) await db.reviewCard.create({ data: { userId, kind: "flashcard", flashcardId: id, ...newCardFields(now) } });
  }
  for (const lesson of lessons) await markLessonRead(userId, lesson);
  return userId;
}

const newFronts = async (userId: string, limit?: number) =>
  (await getReviewSession(userId, "UTC", new Date(), limit === undefined ? {} : { limit })).cards.filter((c) => c.queue === "new").map((c) => c.front.text);

describe("today's new cards", () => {
  it("are the first of the day's allowance in course order, from cards with rows and flashcards without alike", async () => {
    const userId = await learnerWithNewCards();
    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 4 });
    expect(await newFronts(userId)).toEqual(["B1", "B2", "B3", "A1"]);
    expect((await todaysCounts(userId, "UTC")).new).toBe(4);

    // A larger allowance takes the rest in order, the lesson the content does not know last.
    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 20 });
    expect(await newFronts(userId)).toEqual(["B1", "B2", "B3", "A1", "A2", "A3", "C0"]);
    expect((await todaysCounts(userId, "UTC")).new).toBe(7);
  });

  it("stay the same cards with a first screenful, and none come with an allowance of zero", async () => {
    const userId = await learnerWithNewCards();
    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 3 });
    expect(await newFronts(userId, 2)).toEqual(["B1", "B2"]);
    expect(await newFronts(userId)).toEqual(["B1", "B2", "B3"]);

    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 0 });
    expect(await newFronts(userId)).toEqual([]);
    expect((await todaysCounts(userId, "UTC")).new).toBe(0);
  });

  it("are none once today's grades have used the allowance up, and come back when it grows", async () => {
    const userId = await learnerWithNewCards();
    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 1 });
    const [first] = (await getReviewSession(userId, "UTC")).cards;
    expect(first).toMatchObject({ queue: "new", front: { text: "B1" } });
    expect((await submitGrade(userId, { id: `no-${run}-1`, cardId: first!.cardId, rating: 3, durationMs: 1000 })).status).toBe("applied");

    const after = await getReviewSession(userId, "UTC");
    expect(after.cards.filter((c) => c.queue === "new")).toEqual([]);
    expect(after.doneToday.newCards).toBe(1);
    expect((await todaysCounts(userId, "UTC")).new).toBe(0);

    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, newPerDay: 3 });
    expect(await newFronts(userId)).toEqual(["B2", "B3"]);
  });
});
