import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { itemHistory, recordAnswer } from "@/lib/learn/answers";
import { lessonPracticeRound } from "@/lib/learn/practice";
import { lessonProgressByLesson, markLessonRead } from "@/lib/learn/progress";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `lesson-${run}`;
let userId = "";
let otherId = "";

function item(n: number, keyIndex: number, retired = false) {
  return {
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
  await db.item.deleteMany({ where: { lessonSlug: lesson } });
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
    const wrong = await recordAnswer(userId, { itemId: target.id, chosen: 3, timeMs: 42_000, mode: "tutor" });
    expect(wrong.ok && wrong.feedback.correct).toBe(false);
    if (!wrong.ok) return;
    expect(wrong.feedback.keyIndex).toBe(1);
    expect(wrong.feedback.options.map((o) => o.rationale)).toEqual(["Why A", "Why B", "Why C", "Why D"]);
    const right = await recordAnswer(userId, { itemId: target.id, chosen: 1, timeMs: 9_000, mode: "tutor" });
    expect(right.ok && right.feedback.correct).toBe(true);

    const stored = await db.answer.findMany({ where: { userId, itemId: target.id }, orderBy: { answeredAt: "asc" } });
    expect(stored.map((a) => [a.chosen, a.correct, a.timeMs, a.mode])).toEqual([
      [3, false, 42_000, "tutor"],
      [1, true, 9_000, "tutor"],
    ]);
    expect((await itemHistory(userId, [target.id])).get(target.id)).toEqual({ attempts: 2, lastCorrect: true });
  });

  it("refuses answers to unknown or retired items", async () => {
    expect(await recordAnswer(userId, { itemId: "nope-000", chosen: 0, timeMs: 1, mode: "tutor" })).toEqual({ ok: false, reason: "unknown-item" });
    expect((await recordAnswer(userId, { itemId: item(99, 0).id, chosen: 0, timeMs: 1, mode: "tutor" })).ok).toBe(false);
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
    for (let n = 1; n <= 9; n++) await recordAnswer(otherId, { itemId: item(n, 0).id, chosen: n % 4, timeMs: 1000, mode: "tutor" });
    const round = await lessonPracticeRound(otherId, lesson);
    const firstThree = round.slice(0, 3).map((q) => q.id);
    expect(new Set(firstThree)).toEqual(new Set([10, 11, 12].map((n) => item(n, 0).id)));
  });
});
