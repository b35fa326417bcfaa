import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bankStatsFromDb } from "@/lib/content/item-stats-data";

const run = Math.random().toString(36).slice(2, 8);
const ids = { easy: `zs-e${run}`, split: `zs-s${run}`, mine: `zs-m${run}` };
const users: string[] = [];

const item = (id: string, ownerId: string | null = null) => ({
  id,
  ownerId,
  lessonSlug: `stats-${run}`,
  section: "how-the-exam-tests-this",
  domain: 3,
  concepts: JSON.stringify(["joining"]),
  difficulty: 2,
  stem: "A family arrives for a first session.",
  leadIn: "What should the therapist do first?",
  options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: l, rationale: l }))),
  keyIndex: 0,
  author: "test",
  writtenOn: "2026-12-02",
  blueprint: "amftrb-2020",
  contentHash: id,
});

beforeAll(async () => {
  for (let i = 0; i < 32; i++) {
    const user = await db.user.create({ data: { email: `stats-${run}-${i}@example.test` } });
    users.push(user.id);
  }
  await db.item.createMany({ data: [item(ids.easy), item(ids.split), item(ids.mine, users[0]!)] });
  // Everyone gets "easy" right (first answer); half choose B on "split". A second, later answer must not count.
  const t0 = Date.now() - 3_600_000;
  await db.answer.createMany({
    data: users.flatMap((userId, i) => [
      { userId, itemId: ids.easy, chosen: 0, correct: true, timeMs: 1000, mode: "tutor", answeredAt: new Date(t0) },
      { userId, itemId: ids.easy, chosen: 2, correct: false, timeMs: 1000, mode: "tutor", answeredAt: new Date(t0 + 60_000) },
      { userId, itemId: ids.split, chosen: i % 2 === 0 ? 0 : 1, correct: i % 2 === 0, timeMs: 1000, mode: "quiz", answeredAt: new Date(t0) },
      { userId, itemId: ids.mine, chosen: 0, correct: true, timeMs: 1000, mode: "assignment", answeredAt: new Date(t0) },
    ]),
  });
});

afterAll(async () => {
  await db.answer.deleteMany({ where: { userId: { in: users } } });
  await db.item.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
});

describe("bank statistics from the database", () => {
  it("counts each learner's first answer to each live bank item, and leaves instructors' items out", async () => {
    const stats = new Map((await bankStatsFromDb(db)).map((s) => [s.itemId, s]));
    expect(stats.has(ids.mine)).toBe(false);
    const easy = stats.get(ids.easy)!;
    expect(easy.learners).toBe(32);
    expect(easy.facility).toBe(1);
    expect(easy.flags).toEqual(expect.arrayContaining(["too-easy", "weak-distractor"]));
    const split = stats.get(ids.split)!;
    expect(split.optionShares).toEqual([0.5, 0.5, 0, 0]);
    expect(split.weakDistractors).toEqual([2, 3]);
    expect(split.flags).not.toContain("too-easy");
  });
});
