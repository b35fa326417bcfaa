import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { createAttempt, submitAttempt } from "@/lib/exam/attempts";
import { buildPracticeSet } from "@/lib/exam/practice-sets";
import { itemHistory, recordAnswer } from "@/lib/learn/answers";
import { lessonPracticeRound } from "@/lib/learn/practice";
import { lessonProgressByLesson, markLessonRead } from "@/lib/learn/progress";
import { getReviewSession } from "@/lib/srs/session";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `lesson-${run}`;
let userId = "";
let otherId = "";

function item(n: number, keyIndex: number, retired = false, ownerId: string | null = null) {
  return {
    ownerId,
    id: `t${run.slice(0, 2)}-${String(n).padStart(3, "0")}${run}`,
    lessonSlug: lesson,
    section: "how-the-exam-tests-this",
    domain: 1 + (n % 6),
    concepts: JSON.stringify(["coalition"]),
    difficulty: 2,
    stem: `Stem ${n}`,
    leadIn: "Which concept fits best?",
    options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l}`, rationale: `Why ${l}` }))),
    keyIndex,
    author: "test",
    writtenOn: "2026-11-22",
    blueprint: "amftrb-2020",
    contentHash: `h${n}`,
    retiredAt: retired ? new Date() : null,
  };
}

beforeAll(async () => {
  const a = await createUser({ name: "Learner", email: `learner-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
  const b = await createUser({ name: "Other", email: `other-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!a.ok || !b.ok) throw new Error("setup failed");
  userId = a.user.id;
  otherId = b.user.id;
  await db.item.createMany({ data: [...Array.from({ length: 12 }, (_, i) => item(i + 1, i % 4)), item(99, 0, true)] });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [userId, otherId] } } });
  await db.item.deleteMany({ where: { lessonSlug: { in: [lesson, `${lesson}-other`] } } });
  await db.$disconnect();
});

describe("tutor practice", () => {
  it("serves ten live questions without keys or rationales", async () => {
    const round = await lessonPracticeRound(userId, lesson);
    expect(round).toHaveLength(10);
    expect(new Set(round.map((q) => q.id)).size).toBe(10);
    expect(round.some((q) => q.id.startsWith(`t${run.slice(0, 2)}-099`))).toBe(false);
    for (const q of round) {
      expect(q.options).toHaveLength(4);
      expect(JSON.stringify(q)).not.toContain("rationale");
      expect(q).not.toHaveProperty("keyIndex");
    }
  });

  it("decides correctness on the server, stores every answer and returns all rationales", async () => {
    const target = item(2, 1);
    const wrong = await recordAnswer(userId, { itemId: target.id, chosen: 3, timeMs: 42_000, lessonSlug: lesson, mode: "tutor" });
    expect(wrong.ok && wrong.feedback.correct).toBe(false);
    if (!wrong.ok) return;
    expect(wrong.feedback.keyIndex).toBe(1);
    expect(wrong.feedback.options.map((o) => o.rationale)).toEqual(["Why A", "Why B", "Why C", "Why D"]);
    const right = await recordAnswer(userId, { itemId: target.id, chosen: 1, timeMs: 9_000, lessonSlug: lesson, mode: "tutor" });
    expect(right.ok && right.feedback.correct).toBe(true);

    const stored = await db.answer.findMany({ where: { userId, itemId: target.id }, orderBy: { answeredAt: "asc" } });
    expect(stored.map((a) => [a.chosen, a.correct, a.timeMs, a.mode])).toEqual([
      [3, false, 42_000, "tutor"],
      [1, true, 9_000, "tutor"],
    ]);
    expect((await itemHistory(userId, [target.id])).get(target.id)).toEqual({ attempts: 2, lastCorrect: true });
  });

  it("refuses answers to unknown or retired items", async () => {
    expect(await recordAnswer(userId, { itemId: "nope-000", chosen: 0, timeMs: 1, lessonSlug: lesson, mode: "tutor" })).toEqual({ ok: false, reason: "unknown-item" });
    expect((await recordAnswer(userId, { itemId: item(99, 0).id, chosen: 0, timeMs: 1, lessonSlug: lesson, mode: "tutor" })).ok).toBe(false);
  });

  it("reports progress per lesson for its owner only", async () => {
    await markLessonRead(userId, lesson);
    await markLessonRead(userId, lesson);
    const mine = (await lessonProgressByLesson(userId)).get(lesson);
    expect(mine).toMatchObject({ read: true, itemsTotal: 12, itemsAttempted: 1, answers: 2, correct: 1, percentCorrect: 50 });
    const theirs = (await lessonProgressByLesson(otherId)).get(lesson);
    expect(theirs).toMatchObject({ read: false, itemsAttempted: 0, percentCorrect: null });
  });

  it("puts unseen questions before answered ones", async () => {
    for (let n = 1; n <= 9; n++) await recordAnswer(otherId, { itemId: item(n, 0).id, chosen: n % 4, timeMs: 1000, lessonSlug: lesson, mode: "tutor" });
    const round = await lessonPracticeRound(otherId, lesson);
    const firstThree = round.slice(0, 3).map((q) => q.id);
    expect(new Set(firstThree)).toEqual(new Set([10, 11, 12].map((n) => item(n, 0).id)));
  });
});

describe("lesson practice reveals no key it should not", () => {
  const other = `${lesson}-other`;
  const otherItem = { ...item(50, 2), id: `t${run.slice(0, 2)}-050${run}`, lessonSlug: other };

  beforeAll(async () => {
    await db.item.create({ data: otherItem });
  });

  it("answers only bank items of the lesson asked about: not another lesson's, not an instructor's own item", async () => {
    const privateItem = { ...item(60, 3, false, otherId), id: `t${run.slice(0, 2)}-060${run}` };
    await db.item.create({ data: privateItem });
    const asked = (itemId: string, lessonSlug = lesson) => recordAnswer(userId, { itemId, lessonSlug, chosen: 0, timeMs: 1, mode: "tutor" });
    expect(await asked(privateItem.id)).toEqual({ ok: false, reason: "unknown-item" });
    expect(await asked(otherItem.id)).toEqual({ ok: false, reason: "unknown-item" });
    expect((await asked(otherItem.id, other)).ok).toBe(true);
    // Nothing of the private item reached the learner: no answer, no review card with its text.
    expect(await db.answer.count({ where: { userId, itemId: privateItem.id } })).toBe(0);
    expect(await db.reviewCard.count({ where: { userId, itemId: privateItem.id } })).toBe(0);
    expect((await lessonPracticeRound(userId, lesson, 100)).map((q) => q.id)).not.toContain(privateItem.id);
  });

  it("keeps the items of a running mock exam out of lesson practice, practice sets and the review queue until it is submitted", async () => {
    const learner = await createUser({ name: "Mock taker", email: `mock-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
    if (!learner.ok) throw new Error("setup failed");
    const me = learner.user.id;
    try {
      const inMock = item(5, 1).id;
      const past = new Date(Date.now() - 3 * 86_400_000);
      // Answered before: the item is a review card due now.
      expect((await recordAnswer(me, { itemId: inMock, lessonSlug: lesson, chosen: 0, timeMs: 1000, mode: "tutor" }, past)).ok).toBe(true);
      const reviewIds = async () => (await getReviewSession(me, "UTC")).cards.map((c) => c.cardId);
      const card = await db.reviewCard.findUniqueOrThrow({ where: { userId_itemId: { userId: me, itemId: inMock } } });
      expect(await reviewIds()).toContain(card.id);

      const mock = await createAttempt(me, { kind: "mock-short", mode: "timed", itemIds: [inMock, item(6, 2).id], timeLimitSec: 3600, spec: { label: "Mock" } });
      if (!mock.ok) throw new Error("mock failed");
      expect(await recordAnswer(me, { itemId: inMock, lessonSlug: lesson, chosen: 1, timeMs: 1, mode: "tutor" })).toEqual({ ok: false, reason: "unknown-item" });
      expect((await lessonPracticeRound(me, lesson, 100)).map((q) => q.id)).not.toContain(inMock);
      const set = await buildPracticeSet(me, { source: "lesson", lesson, length: 100, mode: "quiz" });
      expect(set.ok && set.itemIds).not.toContain(inMock);
      expect(set.ok && set.itemIds).toContain(item(7, 2).id);
      expect(await reviewIds()).not.toContain(card.id);

      await submitAttempt(me, mock.attempt.id);
      expect((await recordAnswer(me, { itemId: inMock, lessonSlug: lesson, chosen: 1, timeMs: 1, mode: "tutor" })).ok).toBe(true);
    } finally {
      await db.user.delete({ where: { id: me } });
    }
  });
});
