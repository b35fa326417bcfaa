import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { db, type Db } from "@/lib/db";
import { resolveDatabase } from "@/lib/db/config";
import { GradeCommitter, type GradeOutcome } from "@/lib/srs/grade-commit";
import { fieldsOf, parseFields, serializeFields } from "@/lib/srs/records";
import { applyGradeAlone, submitGrade, submitGrades } from "@/lib/srs/reviews";
import { gradeCard, newCardFields } from "@/lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { getSrsSettings, saveSrsSettings } from "@/lib/srs/settings-store";

// Grades that arrive together are committed together (lib/srs/grade-commit.ts).
// These tests send many at once and check each grade's own outcome, exactly-once,
// the optimistic check between a batch's read and its write, and the fallback
// when a batch fails as a whole.

const run = Math.random().toString(36).slice(2, 8);
const lesson = `gc-lesson-${run}`;
const users: string[] = [];
let seq = 0;
const gid = () => `gc-${run}-${++seq}`;
const provider = resolveDatabase().provider;

async function makeUser(name: string) {
  const r = await createUser({ name, email: `${name}-${run}-${++seq}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  await saveSrsSettings(r.user.id, { ...DEFAULT_SRS_SETTINGS, enableFuzz: false });
  return r.user.id;
}

async function makeCards(userId: string, count: number, now = new Date(Date.now() - 60_000)) {
  const cards = [];
  for (let i = 0; i < count; i++) {
    const flashcardId = `${lesson}/card-${++seq}`;
    await db.flashcard.create({ data: { id: flashcardId, lessonSlug: lesson, section: "s", front: `F${seq}?`, back: `B${seq}.`, source: "card", position: seq, contentHash: "h" } });
    cards.push(await db.reviewCard.create({ data: { userId, kind: "flashcard", flashcardId, ...newCardFields(now) } }));
  }
  return cards;
}

/** A committer of its own on a client whose next card read runs `hook` right after it (the seam for a race). */
function committerWithSeam(hook: () => Promise<void>) {
  let pending: (() => Promise<void>) | null = hook;
  const seamDb = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== "$queryRawUnsafe") return typeof value === "function" ? value.bind(target) : value;
      return async (sql: string, ...args: unknown[]) => {
        const rows = await target.$queryRawUnsafe(sql, ...args);
        if (pending && sql.trimStart().startsWith("SELECT") && sql.includes(`FROM "ReviewCard"`)) {
          const run = pending;
          pending = null;
          await run();
        }
        return rows;
      };
    },
  }) as Db;
  return new GradeCommitter(seamDb, provider, applyGradeAlone);
}

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  await db.$disconnect();
});

describe("group commit", () => {
  it("commits grades that arrive together in one batch, each with its own outcome and what ts-fsrs computes", async () => {
    const learners = await Promise.all([makeUser("a"), makeUser("b"), makeUser("c")]);
    const cards = (await Promise.all(learners.map((u) => makeCards(u, 8)))).flat();
    const settings = await getSrsSettings(learners[0]!);
    const committer = new GradeCommitter(db, provider, applyGradeAlone);
    const now = new Date();
    const grades = cards.map((card, i) => ({ userId: card.userId, grade: { id: gid(), cardId: card.id, rating: (i % 4) + 1, durationMs: 1000 + i } }));
    const outcomes = await Promise.all(grades.map(({ userId, grade }) => committer.submit(userId, grade, now, settings)));

    expect(outcomes.map((o) => o.status)).toEqual(grades.map(() => "applied"));
    // All 24 went in one batch.
    expect(committer.stats).toMatchObject({ batches: 1, grades: 24, largest: 24 });
    for (const [i, card] of cards.entries()) {
      const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
      const expected = gradeCard(fieldsOf(card), ((i % 4) + 1) as 1 | 2 | 3 | 4, now, settings).after;
      expect(serializeFields(fieldsOf(stored))).toBe(serializeFields(expected));
      expect(stored.updatedAt.getTime()).toBe(now.getTime());
      const log = await db.reviewLog.findUniqueOrThrow({ where: { userId_clientId: { userId: card.userId, clientId: grades[i]!.grade.id } } });
      expect(log).toMatchObject({ cardId: card.id, rating: (i % 4) + 1, state: 0, durationMs: 1000 + i, source: "review", undoneAt: null });
      expect(log.reviewedAt.getTime()).toBe(now.getTime());
      expect(log.recordedAt.getTime()).toBe(now.getTime());
      expect(log.before).toBe(serializeFields(fieldsOf(card)));
      expect(log.after).toBe(serializeFields(expected));
      const outcome = outcomes[i] as Extract<GradeOutcome, { status: "applied" }>;
      expect(outcome.card).toEqual({ id: card.id, due: expected.due.toISOString(), state: expected.state, suspended: false, leech: false });
    }
  });

  it("applies a grade id once when it is sent many times at once, also next to an id applied before", async () => {
    const userId = await makeUser("dups");
    const [cardA, cardB, cardC] = await makeCards(userId, 3);
    const settings = await getSrsSettings(userId);
    const earlier = { id: gid(), cardId: cardC!.id, rating: 3, durationMs: 1 };
    expect(await submitGrade(userId, earlier, new Date(), settings)).toMatchObject({ status: "applied" });

    const twice = { id: gid(), cardId: cardA!.id, rating: 3, durationMs: 1 };
    const other = { id: gid(), cardId: cardB!.id, rating: 1, durationMs: 1 };
    const outcomes = await Promise.all([
      ...Array.from({ length: 6 }, () => submitGrade(userId, twice, new Date(), settings)),
      submitGrade(userId, earlier, new Date(), settings),
      submitGrades(userId, [twice, other, twice], new Date(), settings),
    ]);
    const statuses = outcomes.flat().map((o) => `${o.id === twice.id ? "twice" : o.id === other.id ? "other" : "earlier"}:${o.status}`);
    expect(statuses.filter((s) => s === "twice:applied")).toHaveLength(1);
    expect(statuses.filter((s) => s === "twice:duplicate")).toHaveLength(7);
    expect(statuses).toContain("other:applied");
    expect(statuses).toContain("earlier:duplicate");
    expect(await db.reviewLog.count({ where: { userId } })).toBe(3);
    for (const card of [cardA!, cardB!, cardC!]) expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("keeps one learner's grade ids apart from another's, and refuses a card that is not the learner's next to grades that apply", async () => {
    const [owner, intruder] = await Promise.all([makeUser("own"), makeUser("intr")]);
    const [mine] = await makeCards(owner, 1);
    const [theirs] = await makeCards(intruder, 1);
    const settings = await getSrsSettings(owner);
    const sameId = gid();
    const outcomes = await Promise.all([
      submitGrade(owner, { id: sameId, cardId: mine!.id, rating: 3, durationMs: 1 }, new Date(), settings),
      submitGrade(intruder, { id: sameId, cardId: theirs!.id, rating: 3, durationMs: 1 }, new Date(), settings),
      submitGrade(intruder, { id: gid(), cardId: mine!.id, rating: 1, durationMs: 1 }, new Date(), settings),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "rejected"]);
    expect(outcomes[2]).toMatchObject({ reason: "unknown-card" });
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: mine!.id } })).reps).toBe(1);
    expect(await db.reviewLog.count({ where: { cardId: mine!.id } })).toBe(1);
  });

  it("grades several grades on one card one after another, each on the card the previous one left", async () => {
    const userId = await makeUser("seq");
    const [card] = await makeCards(userId, 1);
    const settings = await getSrsSettings(userId);
    const committer = new GradeCommitter(db, provider, applyGradeAlone);
    const now = new Date();
    const outcomes = await Promise.all([3, 1, 3, 4].map((rating) => committer.submit(userId, { id: gid(), cardId: card!.id, rating, durationMs: 1 }, now, settings)));
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "applied", "applied"]);
    expect(committer.stats.batches).toBe(4);
    let expected = fieldsOf(card!);
    for (const rating of [3, 1, 3, 4]) expected = gradeCard(expected, rating as 1 | 2 | 3 | 4, now, settings).after;
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card!.id } });
    expect(serializeFields(fieldsOf(stored))).toBe(serializeFields(expected));
    const logs = await db.reviewLog.findMany({ where: { cardId: card!.id }, orderBy: { recordedAt: "asc" } });
    expect(logs).toHaveLength(4);
    // Each log's "before" is the previous log's "after": a chain with no gap.
    for (let i = 1; i < logs.length; i++) expect(logs[i]!.before).toBe(logs[i - 1]!.after);
  });

  it("retries a grade whose card changed between the batch's read and its write, leaving no log row of the first try", async () => {
    const userId = await makeUser("race");
    const [card, bystander] = await makeCards(userId, 2);
    const settings = await getSrsSettings(userId);
    const racing = gid();
    // Another grade (applied on its own, as from another server) lands right after the batch read the cards.
    const committer = committerWithSeam(async () => {
      expect(await applyGradeAlone(userId, { id: racing, cardId: card!.id, rating: 1, durationMs: 1 }, new Date(), settings)).toMatchObject({ status: "applied" });
    });
    const mine = gid();
    const [outcome, other] = await Promise.all([
      committer.submit(userId, { id: mine, cardId: card!.id, rating: 3, durationMs: 1 }, new Date(Date.now() + 1000), settings),
      committer.submit(userId, { id: gid(), cardId: bystander!.id, rating: 3, durationMs: 1 }, new Date(Date.now() + 1000), settings),
    ]);
    expect(outcome).toMatchObject({ status: "applied" });
    expect(other).toMatchObject({ status: "applied" });
    expect(committer.stats.batches).toBe(2);
    const logs = await db.reviewLog.findMany({ where: { cardId: card!.id }, orderBy: { recordedAt: "asc" } });
    expect(logs.map((l) => l.clientId)).toEqual([racing, mine]);
    // The retried grade was computed on the card the racing grade left.
    expect(logs[1]!.before).toBe(logs[0]!.after);
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card!.id } });
    expect(stored.reps).toBe(2);
    expect(serializeFields(fieldsOf(stored))).toBe(logs[1]!.after);
    expect(parseFields(logs[1]!.after).reps).toBe(2);
  });

  it("applies the rest of a batch one by one when the batch fails as a whole, failing only the grade at fault", async () => {
    const userId = await makeUser("fail");
    const [doomed, fine1, fine2] = await makeCards(userId, 3);
    const settings = await getSrsSettings(userId);
    // The card is deleted after the batch read it: its log row can no longer be inserted (foreign key), so the batch fails.
    const committer = committerWithSeam(async () => {
      await db.reviewCard.delete({ where: { id: doomed!.id } });
    });
    const outcomes = await Promise.all(
      [doomed, fine1, fine2].map((card) => committer.submit(userId, { id: gid(), cardId: card!.id, rating: 3, durationMs: 1 }, new Date(), settings)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "applied", "applied"]);
    expect(outcomes[0]).toMatchObject({ reason: "unknown-card" });
    expect(await db.reviewLog.count({ where: { userId } })).toBe(2);
    for (const card of [fine1!, fine2!]) expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("holds exactly-once under a storm of concurrent grades with resent ids", async () => {
    const learners = await Promise.all([makeUser("s1"), makeUser("s2")]);
    const cards = (await Promise.all(learners.map((u) => makeCards(u, 20)))).flat();
    const settings = await getSrsSettings(learners[0]!);
    const grades = cards.map((card) => ({ userId: card.userId, grade: { id: gid(), cardId: card.id, rating: 3, durationMs: 1 } }));
    // Every grade three times, interleaved, as retries from flaky connections would be.
    const sends = [...grades, ...grades.slice().reverse(), ...grades];
    const outcomes = await Promise.all(sends.map(({ userId, grade }) => submitGrade(userId, grade, new Date(), settings)));
    expect(outcomes.filter((o) => o.status === "applied")).toHaveLength(grades.length);
    expect(outcomes.filter((o) => o.status === "duplicate")).toHaveLength(2 * grades.length);
    expect(new Set(outcomes.filter((o) => o.status === "applied").map((o) => o.id)).size).toBe(grades.length);
    expect(await db.reviewLog.count({ where: { userId: { in: learners } } })).toBe(grades.length);
    const stored = await db.reviewCard.findMany({ where: { id: { in: cards.map((c) => c.id) } }, select: { reps: true } });
    expect(stored.every((c) => c.reps === 1)).toBe(true);
  });
});
