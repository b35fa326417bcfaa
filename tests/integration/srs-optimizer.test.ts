import { createEmptyCard, default_w, fsrs, type Card, type Grade } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createDb } from "@/lib/db/client";
import {
  applyOptimization,
  buildTrainingHistories,
  countTrainingReviews,
  getOptimization,
  latestOptimization,
  MIN_REVIEWS_FOR_OPTIMIZATION,
  runOptimization,
  startOptimization,
} from "@/lib/srs/optimizer";
import { serializeFields } from "@/lib/srs/records";
import { gradeCard, newCardFields, type CardFields, type ReviewRating } from "@/lib/srs/scheduler";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { prng } from "../support/prng";

// The real binding, watched: the test needs to know when a fit is under way.
const training = vi.hoisted(() => ({ inFlight: 0 }));
vi.mock("@open-spaced-repetition/binding", async (importOriginal) => {
  const binding = await importOriginal<typeof import("@open-spaced-repetition/binding")>();
  return {
    ...binding,
    computeParameters: (...args: Parameters<typeof binding.computeParameters>) => {
      training.inFlight += 1;
      return binding.computeParameters(...args).finally(() => {
        training.inFlight -= 1;
      });
    },
  };
});

const run = Math.random().toString(36).slice(2, 8);
const lesson = `opt-lesson-${run}`;
const TIME_ZONE = "America/Chicago";
const DAY_MS = 86_400_000;
const SIMULATION_START = Date.UTC(2025, 0, 6);
const SIMULATED_DAYS = 300;
// The app's clock for these tests: the morning after the simulated study period.
const now = new Date(SIMULATION_START + SIMULATED_DAYS * DAY_MS + 15 * 3_600_000);

let learnerId = "";
let otherId = "";
let expectedReviews = 0;
let optimizationId = "";


// The simulated learner's real memory: forgets new cards faster and gains
// less from each review than FSRS's defaults assume, so there is something
// for the optimizer to find.
const TRUE_MEMORY = (() => {
  const w = [...default_w];
  w[0] = 0.15;
  w[1] = 0.8;
  w[2] = 1.8;
  w[3] = 6;
  w[8] = 1.5;
  w[10] = 0.8;
  w[20] = 0.3;
  return fsrs({ w, enable_fuzz: false });
})();

interface SimulatedCard {
  id: string;
  fields: CardFields;
  memory: Card;
}

/**
 * A learner who studies most evenings (local time in Chicago), introduces
 * `newPerDay` cards a day until `cardCount` are in, reviews whatever the
 * app's scheduler says is due, and recalls each card with the probability
 * their true forgetting curve gives. Every 40th review is preceded by one
 * the learner undid.
 */
function simulate(userId: string, seed: number, { cardCount, days, neverStudied }: { cardCount: number; days: number; neverStudied: number }) {
  const random = prng(seed);
  const cards: SimulatedCard[] = [];
  const logs: {
    userId: string;
    clientId: string;
    cardId: string;
    rating: number;
    state: number;
    reviewedAt: Date;
    recordedAt: Date;
    durationMs: number;
    source: string;
    before: string;
    after: string;
    undoneAt: Date | null;
  }[] = [];
  const settings = { ...DEFAULT_SRS_SETTINGS, parameters: null };
  let reviewCount = 0;

  for (let day = 0; day < days; day++) {
    if (random() < 0.12) continue; // a missed evening
    // 20:00–23:00 local: 01:00–05:00 UTC the next day, across UTC midnight.
    let at = SIMULATION_START + day * DAY_MS + (26 + random() * 3) * 3_600_000;
    const sessionEnd = at + 3_600_000;
    if (cards.length < cardCount) {
      const n = cards.length;
      cards.push({ id: `oc-${run}-${seed}-${n}`, fields: newCardFields(new Date(at)), memory: createEmptyCard(new Date(at)) });
    }
    for (;;) {
      let card: SimulatedCard | undefined;
      for (const c of cards) if (c.fields.due.getTime() <= at && (!card || c.fields.due < card.fields.due)) card = c;
      if (!card) {
        // Wait for a learning step falling due in this session, if any.
        const next = Math.min(...cards.map((c) => c.fields.due.getTime()).filter((t) => t > at && t < sessionEnd));
        if (!Number.isFinite(next)) break;
        at = next;
        continue;
      }
      const reviewedAt = new Date(at);
      let rating: ReviewRating;
      if (card.fields.state === 0) {
        const u = random();
        rating = u < 0.25 ? 1 : u < 0.9 ? 3 : 4;
      } else if (random() >= TRUE_MEMORY.get_retrievability(card.memory, reviewedAt, false)) {
        rating = 1;
      } else {
        const u = random();
        rating = u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
      }
      const before = card.fields;
      const after = gradeCard(before, rating, reviewedAt, settings).after;
      const base = { userId, cardId: card.id, state: before.state, durationMs: 8_000, source: "review", before: serializeFields(before) };
      if (++reviewCount % 40 === 0) {
        const undone = new Date(at - 1_000);
        logs.push({ ...base, clientId: `undone-${reviewCount}`, rating: 1, reviewedAt: undone, recordedAt: undone, after: serializeFields(before), undoneAt: reviewedAt });
      }
      logs.push({ ...base, clientId: `r-${reviewCount}`, rating, reviewedAt, recordedAt: reviewedAt, after: serializeFields(after), undoneAt: null });
      card.fields = after;
      card.memory = TRUE_MEMORY.next(card.memory, reviewedAt, rating as Grade).card;
      at += 10_000 + random() * 20_000;
    }
  }
  for (let n = 0; n < neverStudied; n++) {
    cards.push({ id: `oc-${run}-${seed}-new-${n}`, fields: newCardFields(new Date(SIMULATION_START)), memory: createEmptyCard(new Date(SIMULATION_START)) });
  }
  return { cards, logs };
}

async function store(userId: string, { cards, logs }: ReturnType<typeof simulate>) {
  await db.flashcard.createMany({
    data: cards.map((card, position) => ({ id: `${lesson}/${card.id}`, lessonSlug: lesson, section: "s", front: "Front?", back: "Back.", source: "card", position, contentHash: "h" })),
  });
  await db.reviewCard.createMany({ data: cards.map((card) => ({ id: card.id, userId, kind: "flashcard", flashcardId: `${lesson}/${card.id}`, ...card.fields })) });
  await db.reviewLog.createMany({ data: logs });
}

async function makeUser(name: string) {
  const user = await db.user.create({ data: { email: `${name}-${run}@example.test`, name, timeZone: TIME_ZONE }, select: { id: true } });
  return user.id;
}

function cardsOf(userId: string) {
  return db.reviewCard.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  learnerId = await makeUser("learner");
  otherId = await makeUser("other");
  const learner = simulate(learnerId, 1, { cardCount: 150, days: SIMULATED_DAYS, neverStudied: 5 });
  await store(learnerId, learner);
  await store(otherId, simulate(otherId, 2, { cardCount: 10, days: 30, neverStudied: 0 }));
  // The learner has no SrsSettings row: the defaults (rollover 4:00) apply.
  expectedReviews = buildTrainingHistories(
    learner.logs.filter((log) => log.undoneAt === null),
    TIME_ZONE,
    DEFAULT_SRS_SETTINGS.rolloverHour,
  ).length;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [learnerId, otherId] } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  await db.$disconnect();
});

describe("schedule optimization", () => {
  it("counts only live reviews a study day or more after the card's previous one", async () => {
    const live = await db.reviewLog.count({ where: { userId: learnerId, undoneAt: null } });
    expect(live).toBeGreaterThan(1_300);
    expect(live).toBeLessThan(2_000);
    expect(await countTrainingReviews(db, learnerId)).toBe(expectedReviews);
    expect(expectedReviews).toBeGreaterThan(MIN_REVIEWS_FOR_OPTIMIZATION);
  });

  it("counts again after any change to what it counts, whichever process made it", async () => {
    // The count, made from the database directly: the learner's live log, their imported reviews, their time zone.
    const reference = async () => {
      const [user, own, imported] = await Promise.all([
        db.user.findUniqueOrThrow({ where: { id: learnerId }, select: { timeZone: true } }),
        db.reviewLog.findMany({ where: { userId: learnerId, undoneAt: null }, select: { cardId: true, rating: true, reviewedAt: true } }),
        db.importedReview.findMany({ where: { userId: learnerId } }),
      ]);
      const external = imported.map((r) => ({ cardId: `imported:${r.externalCardId}`, rating: r.rating, reviewedAt: r.reviewedAt, ...(r.state === null ? {} : { state: r.state }) }));
      return buildTrainingHistories([...own, ...external], user.timeZone, DEFAULT_SRS_SETTINGS.rolloverHour).length;
    };
    const otherProcess = createDb();
    try {
      expect(await countTrainingReviews(db, learnerId)).toBe(expectedReviews);

      // Grades undone elsewhere, then restored.
      const latest = await db.reviewLog.findMany({ where: { userId: learnerId, undoneAt: null }, orderBy: { reviewedAt: "desc" }, take: 30, select: { id: true } });
      const ids = latest.map((l) => l.id);
      await otherProcess.reviewLog.updateMany({ where: { id: { in: ids } }, data: { undoneAt: now } });
      const fewer = await countTrainingReviews(db, learnerId);
      expect(fewer).toBe(await reference());
      expect(fewer).toBeLessThan(expectedReviews);
      await otherProcess.reviewLog.updateMany({ where: { id: { in: ids } }, data: { undoneAt: null } });
      expect(await countTrainingReviews(db, learnerId)).toBe(expectedReviews);

      // A history imported elsewhere, then removed.
      const day = 86_400_000;
      await otherProcess.importedReview.createMany({
        data: Array.from({ length: 6 }, (_, i) => ({
          userId: learnerId,
          source: "csv",
          externalCardId: `count-${run}`,
          reviewedAt: new Date(SIMULATION_START + i * 3 * day),
          rating: 3,
          state: i === 0 ? 0 : 2,
          durationMs: 5_000,
          importedAt: now,
        })),
      });
      const more = await countTrainingReviews(db, learnerId);
      expect(more).toBe(await reference());
      expect(more).toBeGreaterThan(expectedReviews);
      await otherProcess.importedReview.deleteMany({ where: { userId: learnerId } });
      expect(await countTrainingReviews(db, learnerId)).toBe(expectedReviews);

      // Another time zone moves the study days the count is made of.
      await otherProcess.user.update({ where: { id: learnerId }, data: { timeZone: "Pacific/Kiritimati" } });
      expect(await countTrainingReviews(db, learnerId)).toBe(await reference());
      await otherProcess.user.update({ where: { id: learnerId }, data: { timeZone: TIME_ZONE } });
      expect(await countTrainingReviews(db, learnerId)).toBe(expectedReviews);
    } finally {
      await otherProcess.$disconnect();
    }
  });

  it("refuses a learner below the threshold and says how many reviews are missing", async () => {
    const have = await countTrainingReviews(db, otherId);
    expect(have).toBeLessThan(MIN_REVIEWS_FOR_OPTIMIZATION);
    expect(await startOptimization(db, otherId, now)).toEqual({ ok: false, reason: "not-enough-reviews", needed: MIN_REVIEWS_FOR_OPTIMIZATION - have });
    expect(await latestOptimization(db, otherId)).toBeNull();
  });

  it("fits the learner's parameters in the background, one run at a time", async () => {
    const starts = await Promise.all([startOptimization(db, learnerId, now), startOptimization(db, learnerId, now)]);
    const started = starts.filter((s) => s.ok);
    expect(started).toHaveLength(1);
    expect(starts.filter((s) => !s.ok)).toEqual([{ ok: false, reason: "already-running" }]);
    const first = started[0];
    if (!first?.ok) throw new Error("no run started");
    optimizationId = first.optimizationId;

    // The event loop stays free while the binding trains on its own threads:
    // timers run while a fit is under way. (A fit on the main thread would
    // hold every timer until it returned, however fast the machine.)
    let ticksWhileTraining = 0;
    const ticker = setInterval(() => {
      if (training.inFlight > 0) ticksWhileTraining += 1;
    }, 1);
    await runOptimization(db, optimizationId);
    clearInterval(ticker);
    expect(training.inFlight).toBe(0);
    expect(ticksWhileTraining).toBeGreaterThan(0);

    const optimization = await getOptimization(db, learnerId, optimizationId);
    expect(optimization).toMatchObject({ id: optimizationId, status: "done", progress: 1, reviews: expectedReviews, error: null });
    expect(optimization?.finishedAt).toBeInstanceOf(Date);
    const result = optimization?.result;
    if (!result) throw new Error("no result");
    // fsrs-rs 6.x fits FSRS-6: the same 21 weights as ts-fsrs's defaults.
    expect(result.parameters).toHaveLength(default_w.length);
    expect(result.parameters.every(Number.isFinite)).toBe(true);
    expect(result.parameters.some((w, i) => Math.abs(w - (default_w[i] ?? 0)) > 1e-3)).toBe(true);
    expect(result.after.logLoss).toBeLessThanOrEqual(result.before.logLoss + 0.005);
    expect(result.after.rmse).toBeGreaterThan(0);
    expect((await latestOptimization(db, learnerId))?.id).toBe(optimizationId);
  });

  it("keeps each run to its learner", async () => {
    expect(await getOptimization(db, otherId, optimizationId)).toBeNull();
    expect(await latestOptimization(db, otherId)).toBeNull();
    expect(await applyOptimization(db, otherId, optimizationId, { reschedule: true }, now)).toEqual({ ok: false, reason: "not-found" });
    expect(await db.srsSettings.findUnique({ where: { userId: otherId } })).toBeNull();
    expect((await getOptimization(db, learnerId, optimizationId))?.status).toBe("done");
  });

  it("applies the fitted parameters and reschedules the cards already studied", async () => {
    const before = await cardsOf(learnerId);
    const result = (await getOptimization(db, learnerId, optimizationId))?.result;
    const applied = await applyOptimization(db, learnerId, optimizationId, { reschedule: true }, now);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;

    const settings = await db.srsSettings.findUnique({ where: { userId: learnerId } });
    expect(JSON.parse(settings?.parameters ?? "null")).toEqual(result?.parameters);
    expect(settings?.parametersFitAt).toEqual(now);
    expect(settings?.desiredRetention).toBe(DEFAULT_SRS_SETTINGS.desiredRetention);
    expect((await getOptimization(db, learnerId, optimizationId))?.status).toBe("applied");

    const after = await cardsOf(learnerId);
    const moved = after.filter((card, i) => card.due.getTime() !== before[i]?.due.getTime());
    const changed = after.filter((card, i) => card.updatedAt.getTime() !== before[i]?.updatedAt.getTime());
    expect(moved.length).toBeGreaterThan(10);
    expect(applied.rescheduled).toBe(changed.length);
    for (const [i, card] of after.entries()) {
      const old = before[i];
      if (!old) throw new Error("card lost");
      // New cards are not touched, and rescheduling is not a review.
      if (old.state === 0) expect(card).toEqual(old);
      expect({ reps: card.reps, lapses: card.lapses, state: card.state, lastReview: card.lastReview }).toEqual({
        reps: old.reps,
        lapses: old.lapses,
        state: old.state,
        lastReview: old.lastReview,
      });
      // A review-state card is due its interval after its last review.
      if (card.state === 2 && card.lastReview) expect(card.due.getTime() - card.lastReview.getTime()).toBe(card.scheduledDays * DAY_MS);
    }

    expect(await applyOptimization(db, learnerId, optimizationId, { reschedule: true }, now)).toEqual({ ok: false, reason: "already-applied" });
  });

  it("releases a run a stopped server left behind, and can apply without rescheduling", async () => {
    const stale = await db.optimization.create({
      data: { userId: learnerId, status: "running", progress: 0.4, createdAt: new Date(now.getTime() - 2 * 3_600_000) },
    });
    // Shown as failed at once, so the learner is offered a new run…
    expect(await getOptimization(db, learnerId, stale.id, now)).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted/) });
    expect((await db.optimization.findUnique({ where: { id: stale.id } }))?.status).toBe("running");
    // …and stored as failed when they start one.
    const start = await startOptimization(db, learnerId, now);
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    expect(await db.optimization.findUnique({ where: { id: stale.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted/), finishedAt: now });
    await runOptimization(db, start.optimizationId);
    expect((await getOptimization(db, learnerId, start.optimizationId))?.status).toBe("done");

    const before = await cardsOf(learnerId);
    expect(await applyOptimization(db, learnerId, start.optimizationId, { reschedule: false }, now)).toEqual({ ok: true, rescheduled: 0 });
    expect(await cardsOf(learnerId)).toEqual(before);
  });

  it("queues one run per learner across app processes: a start that loses the race to another process is told one is running", async () => {
    // Another app process (a client of its own) queues a run just after this one found none.
    const otherProcess = createDb();
    let raced: string | null = null;
    const pass = <T extends object>(target: T, prop: string | symbol) => {
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    };
    const optimization = new Proxy(db.optimization, {
      get(target, prop) {
        if (prop !== "findFirst") return pass(target, prop);
        return async (args: Parameters<typeof target.findFirst>[0]) => {
          const row = await target.findFirst(args);
          if (raced === null) raced = (await otherProcess.optimization.create({ data: { userId: learnerId, status: "queued", createdAt: now } })).id;
          return row;
        };
      },
    });
    const racing = new Proxy(db, { get: (target, prop) => (prop === "optimization" ? optimization : pass(target, prop)) });
    try {
      expect(await startOptimization(racing, learnerId, now)).toEqual({ ok: false, reason: "already-running" });
      expect(raced).not.toBeNull();
      const active = await db.optimization.findMany({ where: { userId: learnerId, status: { in: ["queued", "running"] } }, select: { id: true } });
      expect(active).toEqual([{ id: raced }]);
      // The database itself refuses a second active run, and takes one again once the first has ended.
      await expect(otherProcess.optimization.create({ data: { userId: learnerId, status: "running", createdAt: now } })).rejects.toMatchObject({ code: "P2002" });
      await db.optimization.update({ where: { id: raced! }, data: { status: "failed", error: "test", finishedAt: now } });
      const again = await otherProcess.optimization.create({ data: { userId: learnerId, status: "queued", createdAt: now } });
      await db.optimization.update({ where: { id: again.id }, data: { status: "failed", error: "test", finishedAt: now } });
    } finally {
      await otherProcess.$disconnect();
    }
  });

  it("fails a run it cannot finish with a short message for the learner and logs the error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const doomed = await db.optimization.create({ data: { userId: otherId, status: "queued", createdAt: now } });
      await expect(runOptimization(db, doomed.id)).resolves.toBeUndefined();
      const view = await getOptimization(db, otherId, doomed.id);
      expect(view).toMatchObject({ status: "failed", result: null });
      expect(view?.error).toMatch(/^At least 400 reviews are needed; you now have \d+\.$/);
      expect(errors).toHaveBeenCalled();
      expect(await applyOptimization(db, otherId, doomed.id, { reschedule: false }, now)).toEqual({ ok: false, reason: "not-done" });
      // Unknown ids are a no-op, not a rejection.
      await expect(runOptimization(db, `missing-${run}`)).resolves.toBeUndefined();
    } finally {
      errors.mockRestore();
    }
  });
});
