import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import {
  answerIdFor,
  attemptHistory,
  attemptReport,
  createAttempt,
  getAttemptForOwner,
  saveAnswer,
  submitAttempt,
} from "@/lib/exam/attempts";
import { flaggedAmong, reportItem, setFlag } from "@/lib/exam/flags";
import { buildPracticeSet, startMock } from "@/lib/exam/practice-sets";
import { seededRandom } from "@/lib/srs/random";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `practice-${run}`;
const users: string[] = [];
const itemIds: string[] = [];
let instructorItem = "";

/** Items per domain: enough for two 50-item mocks that share nothing (targets 12/8/12/6/5/7). */
const PER_DOMAIN: Record<number, number> = { 1: 26, 2: 18, 3: 26, 4: 14, 5: 12, 6: 16 };

const id = (n: number) => `pr${run}-${String(n).padStart(3, "0")}`;
/** The key of item n; (key + 1) % 4 is a wrong option. */
const keyOf = (n: number) => n % 4;
const wrong = (n: number) => (keyOf(n) + 1) % 4;

function item(n: number, domain: number, extra: { retiredAt?: Date; ownerId?: string } = {}) {
  return {
    id: id(n),
    lessonSlug: lesson,
    section: "how-the-exam-tests-this",
    domain,
    concepts: JSON.stringify(n % 2 === 0 ? ["coalition"] : ["joining"]),
    difficulty: 2,
    stem: `A family vignette number ${n} for the practice tests, long enough to read.`,
    leadIn: "What should the therapist do first?",
    options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l}`, rationale: `Why ${l} for ${n}` }))),
    keyIndex: keyOf(n),
    author: "test",
    writtenOn: "2026-11-22",
    blueprint: "amftrb-2020",
    contentHash: `h${n}`,
    retiredAt: extra.retiredAt ?? null,
    ownerId: extra.ownerId ?? null,
  };
}

async function makeUser(name: string, role: "candidate" | "instructor" = "candidate") {
  const r = await createUser({ name, email: `${name}-${run}@example.test`, password: "long enough password", timeZone: "UTC" }, role);
  if (!r.ok) throw new Error("setup failed");
  users.push(r.user.id);
  return r.user.id;
}

/** A quiz-style attempt on the first `count` test items (or the given ones). */
async function attempt(userId: string, options: { ids?: string[]; mode?: "tutor" | "quiz" | "timed"; limit?: number | null; kind?: "practice" | "mock-short" } = {}, now = new Date()) {
  const mode = options.mode ?? "timed";
  const result = await createAttempt(
    userId,
    {
      kind: options.kind ?? (mode === "timed" ? "mock-short" : "practice"),
      mode,
      itemIds: options.ids ?? itemIds.slice(0, 6),
      timeLimitSec: mode === "timed" ? (options.limit ?? 3600) : null,
      spec: { label: "Test attempt" },
    },
    now,
  );
  if (!result.ok) throw new Error(`createAttempt failed: ${result.reason}`);
  return result.attempt.id;
}

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

beforeAll(async () => {
  const rows = [];
  let n = 0;
  for (const [domain, count] of Object.entries(PER_DOMAIN)) {
    for (let i = 0; i < count; i++) {
      n++;
      rows.push(item(n, Number(domain)));
      itemIds.push(id(n));
    }
  }
  await db.item.createMany({ data: rows });
  const instructor = await makeUser("instructor", "instructor");
  instructorItem = id(900);
  await db.item.createMany({ data: [item(899, 2, { retiredAt: new Date() }), item(900, 3, { ownerId: instructor })] });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.itemReport.deleteMany({ where: { item: { lessonSlug: lesson } } });
  await db.itemFlag.deleteMany({ where: { item: { lessonSlug: lesson } } });
  await db.answer.deleteMany({ where: { item: { lessonSlug: lesson } } });
  await db.item.deleteMany({ where: { lessonSlug: lesson } });
  await db.$disconnect();
});

describe("starting an attempt", () => {
  it("refuses empty, repeated, unknown, retired and (outside assignments) instructors' items", async () => {
    const userId = await makeUser("create");
    const base = { kind: "practice" as const, mode: "quiz" as const, timeLimitSec: null, spec: {} };
    expect(await createAttempt(userId, { ...base, itemIds: [] })).toEqual({ ok: false, reason: "empty" });
    expect(await createAttempt(userId, { ...base, itemIds: [id(1), id(2), id(1)] })).toEqual({ ok: false, reason: "duplicate-items", itemIds: [id(1)] });
    expect(await createAttempt(userId, { ...base, itemIds: [id(1), "nope-000"] })).toEqual({ ok: false, reason: "unknown-items", itemIds: ["nope-000"] });
    expect(await createAttempt(userId, { ...base, itemIds: [id(899)] })).toMatchObject({ ok: false, reason: "unknown-items" });
    expect(await createAttempt(userId, { ...base, itemIds: [instructorItem] })).toMatchObject({ ok: false, reason: "unknown-items" });
    expect((await createAttempt(userId, { ...base, kind: "assignment", itemIds: [instructorItem, id(1)] })).ok).toBe(true);
    expect(await createAttempt(userId, { ...base, mode: "timed", itemIds: [id(1)] })).toEqual({ ok: false, reason: "bad-time-limit" });
  });

  it("gives a timed attempt its deadline from the server's clock and shows no keys", async () => {
    const userId = await makeUser("start");
    const start = new Date("2026-11-22T10:00:00Z");
    const attemptId = await attempt(userId, { limit: 4020 }, start);
    const view = await getAttemptForOwner(userId, attemptId, at(start, 60));
    expect(view).toMatchObject({ deadline: "2026-11-22T11:07:00.000Z", remainingMs: 3960_000, submitted: false, label: "Test attempt" });
    expect(view!.items.map((i) => i.id)).toEqual(itemIds.slice(0, 6));
    expect(JSON.stringify(view!.items)).not.toContain("rationale");
    expect(view!.feedback).toEqual({});
  });
});

describe("saving answers", () => {
  it("saves each answer, accepts the same save again and lets the answer change before the deadline", async () => {
    const userId = await makeUser("save");
    const start = new Date();
    const attemptId = await attempt(userId, {}, start);
    const first = itemIds[0]!;
    const saved = await saveAnswer(userId, attemptId, { itemId: first, chosen: wrong(1), marked: true, timeMs: 30_000 }, at(start, 40));
    expect(saved).toMatchObject({ ok: true, answer: { itemId: first, chosen: wrong(1), marked: true, timeMs: 30_000 } });
    expect(saved.ok && saved.feedback).toBeFalsy();
    // The same state again (a retry) changes nothing.
    await saveAnswer(userId, attemptId, { itemId: first, chosen: wrong(1), marked: true, timeMs: 30_000 }, at(start, 41));
    let row = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_itemId: { attemptId, itemId: first } } });
    expect([row.chosen, row.correct, row.marked, row.timeMs]).toEqual([wrong(1), false, true, 30_000]);
    const answeredAt = row.answeredAt;
    expect(answeredAt?.toISOString()).toBe(at(start, 40).toISOString());

    await saveAnswer(userId, attemptId, { itemId: first, chosen: keyOf(1), marked: false, timeMs: 45_000 }, at(start, 60));
    row = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_itemId: { attemptId, itemId: first } } });
    expect([row.chosen, row.correct, row.marked, row.timeMs]).toEqual([keyOf(1), true, false, 45_000]);
    // Nothing reaches the answer history or the review schedule before submission.
    expect(await db.answer.count({ where: { userId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);

    const view = await getAttemptForOwner(userId, attemptId, at(start, 61));
    expect(view!.answers[0]).toEqual({ itemId: first, chosen: keyOf(1), marked: false, timeMs: 45_000 });
  });

  it("never credits more time on an item than has passed since the attempt began", async () => {
    const userId = await makeUser("time");
    const start = new Date();
    const attemptId = await attempt(userId, {}, start);
    const saved = await saveAnswer(userId, attemptId, { itemId: itemIds[1]!, chosen: 0, timeMs: 3_000_000 }, at(start, 20));
    expect(saved.ok && saved.answer.timeMs).toBe(20_000);
  });

  it("rejects answers after the deadline (beyond a two-second grace) and submits the attempt", async () => {
    const userId = await makeUser("deadline");
    const start = new Date("2026-11-22T09:00:00Z");
    const attemptId = await attempt(userId, { limit: 600 }, start);
    // Sent at 0:00 and arriving a second later still counts.
    expect((await saveAnswer(userId, attemptId, { itemId: itemIds[0]!, chosen: keyOf(1), timeMs: 1000 }, at(start, 601))).ok).toBe(true);
    expect(await saveAnswer(userId, attemptId, { itemId: itemIds[1]!, chosen: 0, timeMs: 1000 }, at(start, 603))).toEqual({ ok: false, reason: "deadline" });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored.submittedAt?.toISOString()).toBe(at(start, 600).toISOString());
    expect(stored.correct).toBe(1);
    expect(await db.attemptAnswer.count({ where: { attemptId, chosen: { not: null } } })).toBe(1);
  });

  it("rejects answers to a submitted attempt and to items outside the attempt", async () => {
    const userId = await makeUser("closed");
    const attemptId = await attempt(userId);
    expect(await saveAnswer(userId, attemptId, { itemId: itemIds[10]!, chosen: 0, timeMs: 0 })).toEqual({ ok: false, reason: "not-in-attempt" });
    expect(await saveAnswer(userId, attemptId, { itemId: instructorItem, chosen: 0, timeMs: 0 })).toEqual({ ok: false, reason: "not-in-attempt" });
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(6);
    await submitAttempt(userId, attemptId);
    expect(await saveAnswer(userId, attemptId, { itemId: itemIds[0]!, chosen: 0, timeMs: 0 })).toEqual({ ok: false, reason: "submitted" });
  });

  it("lets only the owner read, answer, submit or see the report of an attempt", async () => {
    const owner = await makeUser("owner");
    const other = await makeUser("intruder");
    const attemptId = await attempt(owner);
    expect(await getAttemptForOwner(other, attemptId)).toBeNull();
    expect(await saveAnswer(other, attemptId, { itemId: itemIds[0]!, chosen: 0, timeMs: 0 })).toEqual({ ok: false, reason: "not-found" });
    expect(await submitAttempt(other, attemptId)).toEqual({ ok: false, reason: "not-found" });
    expect(await attemptReport(other, attemptId)).toEqual({ ok: false, reason: "not-found" });
    const row = await db.attemptAnswer.findUniqueOrThrow({ where: { attemptId_itemId: { attemptId, itemId: itemIds[0]! } } });
    expect(row.chosen).toBeNull();
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).submittedAt).toBeNull();
    expect((await attemptHistory(other)).running.map((a) => a.id)).not.toContain(attemptId);
  });
});

describe("submitting", () => {
  it("scores the final answers and turns each answered item into exactly one review, whatever was changed before", async () => {
    const userId = await makeUser("submit");
    const start = new Date(Date.now() - 30 * 60_000);
    const ids = itemIds.slice(0, 4);
    const attemptId = await attempt(userId, { ids }, start);
    // Item 1: wrong, then right, then wrong again → Again. Item 2: right but slow → Hard. Item 3: right → Good. Item 4: unanswered.
    for (const [t, chosen] of [[10, wrong(1)], [20, keyOf(1)], [30, wrong(1)]] as const) {
      await saveAnswer(userId, attemptId, { itemId: ids[0]!, chosen, timeMs: 20_000 + t }, at(start, t));
    }
    await saveAnswer(userId, attemptId, { itemId: ids[1]!, chosen: keyOf(2), timeMs: 100_000 }, at(start, 200));
    await saveAnswer(userId, attemptId, { itemId: ids[2]!, chosen: keyOf(3), timeMs: 30_000 }, at(start, 240));
    await saveAnswer(userId, attemptId, { itemId: ids[3]!, chosen: null, marked: true, timeMs: 5_000 }, at(start, 250));

    const submitted = at(start, 300);
    const [a, b] = await Promise.all([submitAttempt(userId, attemptId, submitted), submitAttempt(userId, attemptId, submitted)]);
    expect(a.ok && b.ok).toBe(true);
    await submitAttempt(userId, attemptId, at(start, 400));

    const answers = await db.answer.findMany({ where: { userId }, orderBy: { answeredAt: "asc" } });
    expect(answers.map((x) => [x.id, x.itemId, x.chosen, x.correct, x.mode])).toEqual([
      [answerIdFor(attemptId, ids[0]!), ids[0], wrong(1), false, "mock"],
      [answerIdFor(attemptId, ids[1]!), ids[1], keyOf(2), true, "mock"],
      [answerIdFor(attemptId, ids[2]!), ids[2], keyOf(3), true, "mock"],
    ]);
    const logs = await db.reviewLog.findMany({ where: { userId }, include: { card: { select: { itemId: true } } } });
    expect(logs).toHaveLength(3);
    expect(Object.fromEntries(logs.map((l) => [l.card.itemId, [l.rating, l.source]]))).toEqual({
      [ids[0]!]: [1, "practice"],
      [ids[1]!]: [2, "practice"],
      [ids[2]!]: [3, "practice"],
    });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect([stored.correct, stored.submittedAt?.toISOString()]).toEqual([2, submitted.toISOString()]);
  });

  it("finishes a recording that was cut short, without doubling anything", async () => {
    const userId = await makeUser("resume");
    const attemptId = await attempt(userId, { ids: itemIds.slice(0, 3) });
    for (const [i, itemId] of itemIds.slice(0, 3).entries()) await saveAnswer(userId, attemptId, { itemId, chosen: keyOf(i + 1), timeMs: 1000 });
    await submitAttempt(userId, attemptId);
    // As if the server had stopped after claiming the submission and recording one answer.
    await db.reviewLog.deleteMany({ where: { userId, clientId: { not: `answer-${answerIdFor(attemptId, itemIds[0]!)}` } } });
    await db.answer.deleteMany({ where: { userId, id: { not: answerIdFor(attemptId, itemIds[0]!) } } });
    await db.attempt.update({ where: { id: attemptId }, data: { correct: null } });

    const report = await attemptReport(userId, attemptId);
    expect(report.ok).toBe(true);
    expect(await db.answer.count({ where: { userId } })).toBe(3);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(3);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).correct).toBe(3);
  });

  it("submits an attempt left past its deadline the next time anything reads it", async () => {
    const userId = await makeUser("lazy");
    const start = new Date(Date.now() - 2 * 3600_000);
    const attemptId = await attempt(userId, { limit: 600 }, start);
    await saveAnswer(userId, attemptId, { itemId: itemIds[0]!, chosen: keyOf(1), timeMs: 5000 }, at(start, 30));
    const history = await attemptHistory(userId);
    expect(history.running).toHaveLength(0);
    expect(history.finished[0]).toMatchObject({ id: attemptId, correct: 1, total: 6, percent: 16.7 });
    expect(await db.answer.count({ where: { userId } })).toBe(1);
    const view = await getAttemptForOwner(userId, attemptId);
    expect(view).toMatchObject({ submitted: true, remainingMs: 0 });
  });

  it("reports the score by domain with blueprint weights, the pace, and every item with its key and rationales", async () => {
    const userId = await makeUser("report");
    const start = new Date(Date.now() - 3600_000);
    // Items 1–2 are domain 1, items 27–28 domain 2 (after the 26 of domain 1).
    const ids = [id(1), id(2), id(27), id(28)];
    const attemptId = await attempt(userId, { ids }, start);
    expect(await attemptReport(userId, attemptId)).toEqual({ ok: false, reason: "in-progress" });
    await saveAnswer(userId, attemptId, { itemId: id(1), chosen: keyOf(1), timeMs: 50_000 }, at(start, 60));
    await saveAnswer(userId, attemptId, { itemId: id(2), chosen: wrong(2), marked: true, timeMs: 150_000 }, at(start, 400));
    await saveAnswer(userId, attemptId, { itemId: id(27), chosen: keyOf(27), timeMs: 60_000 }, at(start, 500));
    await submitAttempt(userId, attemptId, at(start, 600));

    const result = await attemptReport(userId, attemptId);
    if (!result.ok) throw new Error(result.reason);
    const { report } = result;
    expect(report.score).toMatchObject({ correct: 2, total: 4, percent: 50 });
    const byDomain = Object.fromEntries(report.score.byDomain.map((d) => [d.domain, [d.correct, d.total, d.percent]]));
    expect(byDomain[1]).toEqual([1, 2, 50]);
    expect(byDomain[2]).toEqual([1, 2, 50]);
    expect(byDomain[3]).toEqual([0, 0, null]);
    expect(report.score.byDomain.find((d) => d.domain === 3)?.weight).toBeCloseTo(0.245, 3);
    expect(report.score.timing.overPace).toEqual([id(2)]);
    expect(report.items.map((i) => [i.itemId, i.chosen, i.correct, i.marked, i.long])).toEqual([
      [id(1), keyOf(1), true, false, false],
      [id(2), wrong(2), false, true, true],
      [id(27), keyOf(27), true, false, false],
      [id(28), null, false, false, false],
    ]);
    expect(report.items[1]!.options.map((o) => o.rationale)).toEqual(["A", "B", "C", "D"].map((l) => `Why ${l} for 2`));
    expect(report).toMatchObject({ answered: 3, timedOut: false, elapsedMs: 600_000 });
  });
});

describe("tutor and quiz modes", () => {
  it("tutor mode answers with feedback at once, records the answer then, and keeps the first answer", async () => {
    const userId = await makeUser("tutor");
    const attemptId = await attempt(userId, { mode: "tutor", ids: [id(5), id(6)] });
    const result = await saveAnswer(userId, attemptId, { itemId: id(5), chosen: wrong(5), timeMs: 12_000 });
    expect(result).toMatchObject({ ok: true, feedback: { itemId: id(5), correct: false, keyIndex: keyOf(5) } });
    expect(result.ok && result.feedback?.options).toHaveLength(4);
    expect(await db.answer.findMany({ where: { userId }, select: { mode: true, correct: true } })).toEqual([{ mode: "tutor", correct: false }]);
    expect(await db.reviewLog.count({ where: { userId, source: "practice", rating: 1 } })).toBe(1);

    expect(await saveAnswer(userId, attemptId, { itemId: id(5), chosen: keyOf(5), timeMs: 13_000 })).toEqual({ ok: false, reason: "locked" });
    expect((await saveAnswer(userId, attemptId, { itemId: id(5), chosen: wrong(5), timeMs: 13_000 })).ok).toBe(true);
    const view = await getAttemptForOwner(userId, attemptId);
    expect(Object.keys(view!.feedback)).toEqual([id(5)]);

    await submitAttempt(userId, attemptId);
    expect(await db.answer.count({ where: { userId } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("quiz mode gives no feedback and records answers as quiz answers at the end", async () => {
    const userId = await makeUser("quiz");
    const attemptId = await attempt(userId, { mode: "quiz", ids: [id(7)] });
    const result = await saveAnswer(userId, attemptId, { itemId: id(7), chosen: keyOf(7), timeMs: 10_000 });
    expect(result.ok && result.feedback).toBeFalsy();
    expect(await db.answer.count({ where: { userId } })).toBe(0);
    await submitAttempt(userId, attemptId);
    expect(await db.answer.findMany({ where: { userId }, select: { mode: true, correct: true } })).toEqual([{ mode: "quiz", correct: true }]);
  });
});

describe("drawing item sets", () => {
  it("gives a second mock exam none of the first one's items while unseen items remain", async () => {
    const userId = await makeUser("mocks");
    const first = await startMock(userId, "short", new Date(), seededRandom(`${run}-1`));
    const second = await startMock(userId, "short", new Date(), seededRandom(`${run}-2`));
    if (!first.ok || !second.ok) throw new Error("mock failed");
    const [a, b] = await Promise.all(
      [first.attempt.id, second.attempt.id].map(async (attemptId) => (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).itemIds),
    );
    const one = JSON.parse(a!) as string[];
    const two = JSON.parse(b!) as string[];
    expect(one).toHaveLength(50);
    expect(new Set(one).size).toBe(50);
    expect(two.filter((x) => one.includes(x))).toEqual([]);
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: first.attempt.id } });
    expect([stored.kind, stored.mode, stored.timeLimitSec]).toEqual(["mock-short", "timed", 67 * 60]);
  });

  it("builds practice sets from missed, unseen, domain and flagged items", async () => {
    const userId = await makeUser("sets");
    const attemptId = await attempt(userId, { mode: "tutor", ids: [id(1), id(2), id(3)] });
    await saveAnswer(userId, attemptId, { itemId: id(1), chosen: wrong(1), timeMs: 1000 });
    await saveAnswer(userId, attemptId, { itemId: id(2), chosen: keyOf(2), timeMs: 1000 });
    const random = seededRandom(run);

    const missed = await buildPracticeSet(userId, { source: "missed", length: 10, mode: "quiz" }, random);
    expect(missed).toEqual({ ok: true, itemIds: [id(1)] });
    const unseen = await buildPracticeSet(userId, { source: "unseen", length: 100, mode: "quiz" }, random);
    expect(unseen.ok && unseen.itemIds.filter((x) => x.startsWith(`pr${run}`))).not.toContain(id(1));
    expect(unseen.ok && unseen.itemIds).not.toContain(id(2));
    const domain5 = await buildPracticeSet(userId, { source: "domain", domain: 5, length: 5, mode: "tutor" }, random);
    expect(domain5.ok && domain5.itemIds).toHaveLength(5);
    const domainOf = new Map((await db.item.findMany({ where: { id: { in: domain5.ok ? domain5.itemIds : [] } } })).map((i) => [i.id, i.domain]));
    expect([...domainOf.values()].every((d) => d === 5)).toBe(true);
    expect(await buildPracticeSet(userId, { source: "flagged", length: 10, mode: "quiz" }, random)).toEqual({ ok: false, reason: "empty" });
    await setFlag(userId, id(3), true);
    expect(await buildPracticeSet(userId, { source: "flagged", length: 10, mode: "quiz" }, random)).toEqual({ ok: true, itemIds: [id(3)] });
  });
});

describe("flags and reports", () => {
  it("flags and unflags an item idempotently, for the learner only", async () => {
    const userId = await makeUser("flag");
    const other = await makeUser("noflag");
    expect(await setFlag(userId, id(8), true)).toEqual({ ok: true, flagged: true });
    expect(await setFlag(userId, id(8), true)).toEqual({ ok: true, flagged: true });
    expect(await flaggedAmong(userId, [id(8), id(9)])).toEqual(new Set([id(8)]));
    expect(await flaggedAmong(other, [id(8)])).toEqual(new Set());
    expect(await setFlag(userId, id(8), false)).toEqual({ ok: true, flagged: false });
    expect(await flaggedAmong(userId, [id(8)])).toEqual(new Set());
    expect(await setFlag(userId, "nope-000", true)).toEqual({ ok: false, reason: "unknown-item" });
  });

  it("stores a report with the learner's text, and only for items they can see", async () => {
    const userId = await makeUser("report-problem");
    const result = await reportItem(userId, id(9), "  Options B and C both seem defensible here.  ");
    expect(result.ok).toBe(true);
    const stored = await db.itemReport.findMany({ where: { userId } });
    expect(stored.map((r) => [r.itemId, r.text, r.status])).toEqual([[id(9), "Options B and C both seem defensible here.", "open"]]);
    // An instructor's own item becomes reportable once it reaches the learner through an assignment attempt.
    expect(await reportItem(userId, instructorItem, "The key looks wrong to me.")).toEqual({ ok: false, reason: "unknown-item" });
    await createAttempt(userId, { kind: "assignment", mode: "quiz", itemIds: [instructorItem], timeLimitSec: null, spec: {} });
    expect((await reportItem(userId, instructorItem, "The key looks wrong to me.")).ok).toBe(true);
  });
});
