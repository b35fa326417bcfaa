import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A seam for a race: `hooks.afterCardRead` runs once, right after the next `db.reviewCard.findFirst` has read.
// The module is wrapped for this file only; the shared Prisma client itself is left untouched.
const hooks = vi.hoisted(() => ({ afterCardRead: null as null | (() => Promise<void>) }));
vi.mock("@/lib/db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db")>();
  const passThrough = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === "function" ? value.bind(target) : value;
  };
  const reviewCard = new Proxy(real.db.reviewCard, {
    get(target, prop) {
      if (prop !== "findFirst") return passThrough(target, prop);
      return async (args: Parameters<typeof target.findFirst>[0]) => {
        const row = await target.findFirst(args);
        const hook = hooks.afterCardRead;
        hooks.afterCardRead = null;
        if (hook) await hook();
        return row;
      };
    },
  });
  return { ...real, db: new Proxy(real.db, { get: (target, prop) => (prop === "reviewCard" ? reviewCard : passThrough(target, prop)) }) };
});

import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { recordAnswer } from "@/lib/learn/answers";
import { markLessonRead } from "@/lib/learn/progress";
import { fieldsOf, parseFields, serializeFields } from "@/lib/srs/records";
import { setCardSuspended, submitGrade, submitGrades, undoLastGrade } from "@/lib/srs/reviews";
import { newCardFields } from "@/lib/srs/scheduler";
import { saveSrsSettings } from "@/lib/srs/settings-store";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { getReviewSession } from "@/lib/srs/session";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `rv-lesson-${run}`;
const queueLesson = `rv-queue-${run}`;
const users: string[] = [];
let seq = 0;
const gid = () => `grade-${run}-${++seq}`;

async function makeUser(name: string) {
  const r = await createUser({ name, email: `${name}-${run}@example.test`, password: "long enough password", timeZone: "America/Chicago" });
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  // Fuzz off so results can be compared with the ts-fsrs reference.
  await saveSrsSettings(r.user.id, { ...DEFAULT_SRS_SETTINGS, enableFuzz: false });
  return r.user.id;
}

async function makeCard(userId: string, now: Date, n = ++seq) {
  const flashcardId = `${lesson}/card-${n}`;
  await db.flashcard.upsert({
    where: { id: flashcardId },
    update: {},
    create: { id: flashcardId, lessonSlug: lesson, section: "s", front: `Front ${n}?`, back: `Back ${n}.`, source: "card", position: n, contentHash: "h" },
  });
  return db.reviewCard.create({ data: { userId, kind: "flashcard", flashcardId, ...newCardFields(now) } });
}

beforeAll(async () => {
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: { in: [lesson, queueLesson] } } });
  await db.item.deleteMany({ where: { lessonSlug: queueLesson } });
  await db.$disconnect();
});

describe("grading", () => {
  it("stores exactly what ts-fsrs computes, with the log holding the state before and after", async () => {
    const userId = await makeUser("ref");
    const start = new Date();
    const card = await makeCard(userId, start);
    const reference = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9, maximum_interval: 36500, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] }));
    let expected = createEmptyCard(start);
    // A realistic sequence: learn, forget, relearn. Online grades use the server's clock, so give it explicitly.
    const ratings = [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Easy];
    let now = start;
    for (const rating of ratings) {
      const outcome = await submitGrade(userId, { id: gid(), cardId: card.id, rating, durationMs: 3000 }, now);
      expect(outcome.status).toBe("applied");
      expected = reference.next(expected, now, rating as Exclude<Rating, Rating.Manual>).card;
      now = new Date(expected.due.getTime() + 60_000);
    }
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.due.toISOString()).toBe(expected.due.toISOString());
    expect(stored.stability).toBeCloseTo(expected.stability, 10);
    expect(stored.difficulty).toBeCloseTo(expected.difficulty, 10);
    expect([stored.state, stored.reps, stored.lapses, stored.scheduledDays, stored.learningSteps]).toEqual([
      expected.state,
      expected.reps,
      expected.lapses,
      expected.scheduled_days,
      expected.learning_steps,
    ]);
    const logs = await db.reviewLog.findMany({ where: { cardId: card.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.rating)).toEqual(ratings);
    expect(parseFields(logs[0]!.before).state).toBe(0);
    expect(parseFields(logs[4]!.after).due.toISOString()).toBe(expected.due.toISOString());
  });

  it("applies a grade id once, also when sent concurrently", async () => {
    const userId = await makeUser("dup");
    const card = await makeCard(userId, new Date());
    const grade = { id: gid(), cardId: card.id, rating: 3, durationMs: 1000 };
    const outcomes = await Promise.all([submitGrade(userId, grade), submitGrade(userId, grade), submitGrades(userId, [grade, grade])]);
    const statuses = outcomes.flat().map((o) => o.status);
    expect(statuses.filter((s) => s === "applied")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(3);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("keeps concurrent different grades on one card consistent", async () => {
    const userId = await makeUser("race");
    const card = await makeCard(userId, new Date());
    await Promise.all(Array.from({ length: 5 }, () => submitGrade(userId, { id: gid(), cardId: card.id, rating: 3, durationMs: 1000 })));
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    const logs = await db.reviewLog.count({ where: { cardId: card.id } });
    expect(stored.reps).toBe(logs);
  });

  it("validates offline times and half-applies nothing", async () => {
    const userId = await makeUser("offline");
    const now = new Date("2026-11-22T18:00:00Z");
    const card = await makeCard(userId, new Date("2026-11-10T00:00:00Z"));
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    const applied = await submitGrade(userId, { id: gid(), cardId: card.id, rating: 3, durationMs: 1000, recordedAt: hourAgo }, now);
    expect(applied).toMatchObject({ status: "applied", source: "offline", reviewedAt: hourAgo });

    const cases = [
      [new Date(now.getTime() + 10 * 60_000).toISOString(), "future"],
      [new Date(now.getTime() - 2 * 3_600_000).toISOString(), "before-last-review"],
      [new Date(now.getTime() - 8 * 86_400_000).toISOString(), "too-old"],
    ] as const;
    for (const [recordedAt, reason] of cases) {
      const r = await submitGrade(userId, { id: gid(), cardId: card.id, rating: 1, durationMs: 1000, recordedAt }, now);
      expect(r).toMatchObject({ status: "rejected", reason });
    }
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("uses the server's time when the client's clock is close to it", async () => {
    const userId = await makeUser("clock");
    const now = new Date("2026-11-22T18:00:00Z");
    const card = await makeCard(userId, now);
    const r = await submitGrade(userId, { id: gid(), cardId: card.id, rating: 3, durationMs: 1000, recordedAt: new Date(now.getTime() - 30_000).toISOString() }, now);
    expect(r).toMatchObject({ status: "applied", source: "review", reviewedAt: now.toISOString() });
  });

  it("never touches another learner's card", async () => {
    const owner = await makeUser("owner");
    const intruder = await makeUser("intruder");
    const card = await makeCard(owner, new Date());
    expect(await submitGrade(intruder, { id: gid(), cardId: card.id, rating: 1, durationMs: 1 })).toMatchObject({ status: "rejected", reason: "unknown-card" });
    expect(await setCardSuspended(intruder, card.id, true)).toBe(false);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(0);
  });
});

describe("undo and leeches", () => {
  it("undoes the last grade, restoring the card, and refuses when nothing is left", async () => {
    const userId = await makeUser("undo");
    const card = await makeCard(userId, new Date());
    const first = gid();
    await submitGrade(userId, { id: first, cardId: card.id, rating: 3, durationMs: 1000 });
    const afterFirst = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    const second = gid();
    await submitGrade(userId, { id: second, cardId: card.id, rating: 1, durationMs: 1000 }, new Date(Date.now() + 1000));
    // Naming a grade that is not the latest undoes nothing.
    expect(await undoLastGrade(userId, new Date(), first)).toMatchObject({ ok: false, reason: "not-latest" });
    expect(await undoLastGrade(userId, new Date(), second)).toMatchObject({ ok: true, clientId: second });
    const restored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect({ ...restored, updatedAt: null }).toEqual({ ...afterFirst, updatedAt: null });
    // Resending the undone grade does not apply it again.
    expect(await submitGrade(userId, { id: second, cardId: card.id, rating: 1, durationMs: 1000 })).toMatchObject({ status: "duplicate" });
    expect(await undoLastGrade(userId)).toMatchObject({ ok: true, clientId: first });
    expect(await undoLastGrade(userId)).toMatchObject({ ok: false, reason: "nothing-to-undo" });
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).state).toBe(0);
  });

  it("keeps a grade committed between undo's check and its restore, and undoes nothing then", async () => {
    const userId = await makeUser("undorace");
    const card = await makeCard(userId, new Date());
    const first = gid();
    await submitGrade(userId, { id: first, cardId: card.id, rating: 3, durationMs: 1000 });
    const racing = gid();
    // Another tab's grade lands right after undo has read the card and found it unchanged.
    let raced = false;
    hooks.afterCardRead = async () => {
      raced = true;
      expect(await submitGrade(userId, { id: racing, cardId: card.id, rating: 1, durationMs: 1000 }, new Date(Date.now() + 60_000))).toMatchObject({ status: "applied" });
    };
    expect(await undoLastGrade(userId, new Date(), first)).toMatchObject({ ok: false, reason: "card-changed" });
    expect(raced).toBe(true);
    const logs = await db.reviewLog.findMany({ where: { cardId: card.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => [l.clientId, l.undoneAt])).toEqual([
      [first, null],
      [racing, null],
    ]);
    // The card is exactly what the racing grade made it.
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.reps).toBe(2);
    expect(serializeFields(fieldsOf(stored))).toBe(logs[1]!.after);
  });

  it("suspends a card as a leech at its 8th lapse; unsuspending clears the tag", async () => {
    const userId = await makeUser("leech");
    let now = new Date("2026-01-01T12:00:00Z");
    const card = await makeCard(userId, now);
    let outcome = await submitGrade(userId, { id: gid(), cardId: card.id, rating: 4, durationMs: 1 }, now);
    for (let lapse = 1; lapse <= 8; lapse++) {
      const due = new Date((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).due);
      now = new Date(due.getTime() + 1000);
      outcome = await submitGrade(userId, { id: gid(), cardId: card.id, rating: 1, durationMs: 1 }, now);
      expect(outcome.status).toBe("applied");
      if (outcome.status === "applied") expect(outcome.card.leech).toBe(lapse === 8);
      if (lapse < 8) {
        // Relearn back into Review so the next Again is a lapse.
        const relearnDue = (await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).due;
        now = new Date(relearnDue.getTime() + 1000);
        await submitGrade(userId, { id: gid(), cardId: card.id, rating: 4, durationMs: 1 }, now);
      }
    }
    const leech = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect([leech.lapses, leech.leech, leech.suspended]).toEqual([8, true, true]);
    expect(await submitGrade(userId, { id: gid(), cardId: card.id, rating: 3, durationMs: 1 })).toMatchObject({ status: "rejected", reason: "suspended" });
    expect(await setCardSuspended(userId, card.id, false)).toBe(true);
    const back = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect([back.leech, back.suspended]).toEqual([false, false]);
  });
});

describe("the day's queue", () => {
  it("brings read lessons' flashcards in as new cards and answered items in as reviews", async () => {
    const userId = await makeUser("queue");
    const lesson = queueLesson;
    for (let n = 1; n <= 4; n++) {
      await db.flashcard.create({
        data: { id: `${lesson}/q-${n}`, lessonSlug: lesson, section: "s", front: `Q${n}?`, back: `A${n}.`, source: "card", position: 10 + n, contentHash: "h" },
      });
    }
    const itemId = `rv${run.slice(0, 2)}-001`;
    await db.item.create({
      data: {
        id: itemId, lessonSlug: lesson, section: "s", domain: 1, concepts: "[]", difficulty: 2, stem: "A family vignette.", leadIn: "What next?",
        options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l}`, rationale: `Because ${l}` }))), keyIndex: 2,
        author: "t", writtenOn: "2026-11-22", blueprint: "amftrb-2020", contentHash: "h",
      },
    });
    const before = await getReviewSession(userId, "America/Chicago");
    expect(before.cards.filter((c) => c.lessonSlug === lesson)).toHaveLength(0);

    await markLessonRead(userId, lesson);
    const past = new Date(Date.now() - 10 * 60_000);
    await recordAnswer(userId, { itemId, lessonSlug: lesson, chosen: 0, timeMs: 20_000, mode: "tutor" }, past);
    const answerCard = await db.reviewCard.findUniqueOrThrow({ where: { userId_itemId: { userId, itemId } } });
    expect(answerCard.state).toBe(1); // a wrong answer is an Again: into learning
    const practiceLog = await db.reviewLog.findFirstOrThrow({ where: { cardId: answerCard.id } });
    expect([practiceLog.rating, practiceLog.source]).toEqual([1, "practice"]);

    const session = await getReviewSession(userId, "America/Chicago");
    const mine = session.cards.filter((c) => c.lessonSlug === lesson);
    expect(mine[0]).toMatchObject({ kind: "item", queue: "learning", back: { text: "C. Option C", rationale: "Because C" } });
    expect(mine.filter((c) => c.queue === "new").map((c) => c.front.text)).toEqual(["Q1?", "Q2?", "Q3?", "Q4?"]);
    for (const c of mine) expect(c.intervals).toHaveLength(4);

    // The new-card limit counts today's first reviews of new cards.
    await saveSrsSettings(userId, { ...DEFAULT_SRS_SETTINGS, enableFuzz: false, newPerDay: 2 });
    const limited = await getReviewSession(userId, "America/Chicago");
    const news = limited.cards.filter((c) => c.queue === "new");
    expect(news).toHaveLength(2);
    await submitGrade(userId, { id: gid(), cardId: news[0]!.cardId, rating: 3, durationMs: 1000 });
    const after = await getReviewSession(userId, "America/Chicago");
    expect(after.cards.filter((c) => c.queue === "new")).toHaveLength(1);
    expect(after.doneToday.newCards).toBe(1);
  });

  it("gives new cards entering the queue one row each, as a new card, also when two requests build the queue at once", async () => {
    const userId = await makeUser("materialise");
    const lesson = `${queueLesson}-m`;
    for (let n = 1; n <= 5; n++) {
      await db.flashcard.create({
        data: { id: `${lesson}/m-${n}`, lessonSlug: lesson, section: "s", front: `M${n}?`, back: `N${n}.`, source: "card", position: n, contentHash: "h" },
      });
    }
    await markLessonRead(userId, lesson);
    const now = new Date();
    const [first, second] = await Promise.all([getReviewSession(userId, "America/Chicago", now), getReviewSession(userId, "America/Chicago", now)]);
    const news = (session: typeof first) => session.cards.filter((c) => c.lessonSlug === lesson).map((c) => [c.front.text, c.cardId]);
    expect(news(first).map(([front]) => front)).toEqual(["M1?", "M2?", "M3?", "M4?", "M5?"]);
    // Both requests send the same card ids: the rows the first one made.
    expect(news(second)).toEqual(news(first));
    const rows = await db.reviewCard.findMany({ where: { userId, flashcard: { lessonSlug: lesson } }, orderBy: { flashcardId: "asc" } });
    expect(rows.map((r) => r.id)).toEqual(news(first).map(([, id]) => id));
    for (const row of rows) {
      expect(row).toMatchObject({ userId, kind: "flashcard", itemId: null, suspended: false, leech: false, lastReview: null });
      expect(fieldsOf(row)).toEqual(newCardFields(now));
      expect(row.createdAt).toEqual(now);
    }
    // A card's row is graded by the id the queue sent.
    expect(await submitGrade(userId, { id: gid(), cardId: rows[0]!.id, rating: 3, durationMs: 1000 })).toMatchObject({ status: "applied" });
    await db.user.delete({ where: { id: userId } });
    users.splice(users.indexOf(userId), 1);
    await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  });
});
