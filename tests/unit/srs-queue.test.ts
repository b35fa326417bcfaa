import { describe, expect, it } from "vitest";
import { dayKeyOf, learnerDay } from "@/lib/srs/day";
import { buildQueue, type NewCandidate, type QueueCard, type QueueInput } from "@/lib/srs/queue";
import { seededRandom, shuffled } from "@/lib/srs/random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);

function day(iso: string, timeZone: string, rolloverHour: number) {
  const { key, start, end } = learnerDay(at(iso), timeZone, rolloverHour);
  return { key, start: start.toISOString(), end: end.toISOString(), hours: (end.getTime() - start.getTime()) / HOUR };
}

function input(overrides: Partial<QueueInput> = {}): QueueInput {
  return {
    cards: [],
    newCandidates: [],
    now: at("2026-05-12T16:00:00Z"),
    timeZone: "UTC",
    rolloverHour: 4,
    newPerDay: 20,
    maxReviewsPerDay: 200,
    doneToday: { newCards: 0, reviews: 0 },
    seed: "learner-1",
    ...overrides,
  };
}

const review = (id: string, due: Date): QueueCard => ({ id, due, state: 2, suspended: false });
const learning = (id: string, due: Date, state: 1 | 3 = 1): QueueCard => ({ id, due, state, suspended: false });
const candidates = (count: number, prefix = "fc"): NewCandidate[] =>
  Array.from({ length: count }, (_, i) => ({ key: `${prefix}${i}`, order: i }));
/** `count` review cards due an hour apart, ending an hour before `now`. */
const reviewsDue = (count: number, now: Date): QueueCard[] =>
  Array.from({ length: count }, (_, i) => review(`r${i}`, new Date(now.getTime() - (count - i) * HOUR)));
const kinds = (q: ReturnType<typeof buildQueue>) => q.entries.map((e) => e.kind[0]).join("");

describe("the learner's day", () => {
  it("depends on the learner's time zone, not the server's", () => {
    const instant = "2026-06-01T06:30:00Z"; // 23:30 on May 31 in Los Angeles, 15:30 on June 1 in Tokyo
    expect(day(instant, "America/Los_Angeles", 4)).toEqual({
      key: "2026-05-31",
      start: "2026-05-31T11:00:00.000Z",
      end: "2026-06-01T11:00:00.000Z",
      hours: 24,
    });
    expect(day(instant, "Asia/Tokyo", 4)).toEqual({
      key: "2026-06-01",
      start: "2026-05-31T19:00:00.000Z",
      end: "2026-06-01T19:00:00.000Z",
      hours: 24,
    });
    expect(dayKeyOf(at(instant), "America/Los_Angeles", 4)).toBe("2026-05-31");
    expect(dayKeyOf(at(instant), "Asia/Tokyo", 4)).toBe("2026-06-01");
  });

  it("handles half-hour zones", () => {
    expect(day("2026-06-01T06:30:00Z", "Asia/Kolkata", 4)).toMatchObject({
      key: "2026-06-01",
      start: "2026-05-31T22:30:00.000Z",
      end: "2026-06-01T22:30:00.000Z",
    });
  });

  it("rolls over at 4:00, not midnight: 02:30 local belongs to the day before", () => {
    const instant = "2026-06-15T06:30:00Z"; // 02:30 EDT
    expect(day(instant, "America/New_York", 0)).toEqual({
      key: "2026-06-15",
      start: "2026-06-15T04:00:00.000Z",
      end: "2026-06-16T04:00:00.000Z",
      hours: 24,
    });
    expect(day(instant, "America/New_York", 4)).toEqual({
      key: "2026-06-14",
      start: "2026-06-14T08:00:00.000Z",
      end: "2026-06-15T08:00:00.000Z",
      hours: 24,
    });
    // The hour of the rollover itself starts the new day.
    expect(dayKeyOf(at("2026-06-15T08:00:00Z"), "America/New_York", 4)).toBe("2026-06-15");
    expect(dayKeyOf(at("2026-06-15T07:59:59Z"), "America/New_York", 4)).toBe("2026-06-14");
  });

  describe("America/New_York DST (2026-03-08 spring forward at 02:00, 2026-11-01 fall back at 02:00)", () => {
    it("the study day across spring-forward is 23 hours", () => {
      expect(day("2026-03-08T12:00:00Z", "America/New_York", 0)).toEqual({
        key: "2026-03-08",
        start: "2026-03-08T05:00:00.000Z",
        end: "2026-03-09T04:00:00.000Z",
        hours: 23,
      });
      // Rollover 4: the day of the 7th runs from 04:00 EST to 04:00 EDT.
      expect(day("2026-03-08T07:30:00Z", "America/New_York", 4)).toEqual({
        key: "2026-03-07",
        start: "2026-03-07T09:00:00.000Z",
        end: "2026-03-08T08:00:00.000Z",
        hours: 23,
      });
    });

    it("starts at the first instant after the gap when 02:00 does not exist", () => {
      expect(day("2026-03-08T12:00:00Z", "America/New_York", 2)).toEqual({
        key: "2026-03-08",
        start: "2026-03-08T07:00:00.000Z", // 03:00 EDT, the instant clocks jump
        end: "2026-03-09T06:00:00.000Z",
        hours: 23,
      });
      expect(dayKeyOf(at("2026-03-08T06:59:59Z"), "America/New_York", 2)).toBe("2026-03-07");
      expect(dayKeyOf(at("2026-03-08T07:00:00Z"), "America/New_York", 2)).toBe("2026-03-08");
    });

    it("the study day across fall-back is 25 hours", () => {
      expect(day("2026-11-01T03:00:00Z", "America/New_York", 4)).toEqual({
        key: "2026-10-31",
        start: "2026-10-31T08:00:00.000Z",
        end: "2026-11-01T09:00:00.000Z",
        hours: 25,
      });
      expect(day("2026-11-01T12:00:00Z", "America/New_York", 0)).toEqual({
        key: "2026-11-01",
        start: "2026-11-01T04:00:00.000Z",
        end: "2026-11-02T05:00:00.000Z",
        hours: 25,
      });
    });

    it("starts at the first 01:00 when 01:00 happens twice", () => {
      expect(day("2026-11-01T12:00:00Z", "America/New_York", 1)).toMatchObject({
        key: "2026-11-01",
        start: "2026-11-01T05:00:00.000Z", // 01:00 EDT
        end: "2026-11-02T06:00:00.000Z",
        hours: 25,
      });
      // The second 01:30 (EST) is still the 1st.
      expect(dayKeyOf(at("2026-11-01T06:30:00Z"), "America/New_York", 1)).toBe("2026-11-01");
      expect(dayKeyOf(at("2026-11-01T04:59:59Z"), "America/New_York", 1)).toBe("2026-10-31");
    });
  });

  describe("Europe/Berlin DST (2026-03-29 02:00 CET → 03:00 CEST, 2026-10-25 03:00 CEST → 02:00 CET)", () => {
    it("spring-forward", () => {
      expect(day("2026-03-29T00:30:00Z", "Europe/Berlin", 4)).toEqual({
        key: "2026-03-28",
        start: "2026-03-28T03:00:00.000Z",
        end: "2026-03-29T02:00:00.000Z",
        hours: 23,
      });
      expect(day("2026-03-29T12:00:00Z", "Europe/Berlin", 2)).toEqual({
        key: "2026-03-29",
        start: "2026-03-29T01:00:00.000Z",
        end: "2026-03-30T00:00:00.000Z",
        hours: 23,
      });
    });

    it("fall-back", () => {
      expect(day("2026-10-25T01:30:00Z", "Europe/Berlin", 4)).toEqual({
        key: "2026-10-24",
        start: "2026-10-24T02:00:00.000Z",
        end: "2026-10-25T03:00:00.000Z",
        hours: 25,
      });
      expect(day("2026-10-25T12:00:00Z", "Europe/Berlin", 2)).toEqual({
        key: "2026-10-25",
        start: "2026-10-25T00:00:00.000Z", // the first 02:00, CEST
        end: "2026-10-26T01:00:00.000Z",
        hours: 25,
      });
    });
  });

  // CPU-bound (a year of instants): give it room on a busy machine rather than the 5 s default.
  it("covers every instant exactly once across a DST year", { timeout: 60_000 }, () => {
    for (const timeZone of ["America/New_York", "Europe/Berlin", "Australia/Sydney"]) {
      for (const rolloverHour of [0, 2, 4]) {
        let previous = learnerDay(at("2026-01-01T12:00:00Z"), timeZone, rolloverHour);
        for (let t = at("2026-01-01T12:00:00Z").getTime(); t < at("2027-01-01T00:00:00Z").getTime(); t += 7 * HOUR) {
          const current = learnerDay(new Date(t), timeZone, rolloverHour);
          expect(current.start.getTime()).toBeLessThanOrEqual(t);
          expect(current.end.getTime()).toBeGreaterThan(t);
          if (current.key !== previous.key) expect(current.start).toEqual(previous.end);
          previous = current;
        }
      }
    }
  });

  it("refuses a rollover hour outside 0–23 and an unknown zone", () => {
    expect(() => learnerDay(at("2026-01-01T00:00:00Z"), "UTC", 24)).toThrow(RangeError);
    expect(() => learnerDay(at("2026-01-01T00:00:00Z"), "Mars/Olympus_Mons", 4)).toThrow(RangeError);
  });
});

describe("buildQueue", () => {
  const now = at("2026-05-12T16:00:00Z"); // UTC, rollover 4: the day runs to 2026-05-13T04:00Z

  it("returns an empty queue for an empty day", () => {
    expect(buildQueue(input())).toEqual({
      entries: [],
      counts: { learning: 0, review: 0, new: 0, learnAhead: 0 },
      day: { key: "2026-05-12", start: at("2026-05-12T04:00:00Z"), end: at("2026-05-13T04:00:00Z") },
    });
    const tomorrowOnly = buildQueue(input({ cards: [review("a", at("2026-05-13T04:00:00Z")), learning("b", new Date(now.getTime() + 3 * HOUR))] }));
    expect(tomorrowOnly.entries).toEqual([]);
  });

  it("puts learning cards due now first, then reviews and new cards, then learn-ahead", () => {
    const queue = buildQueue(
      input({
        cards: [
          review("rev-1", at("2026-05-11T10:00:00Z")),
          learning("ahead-late", new Date(now.getTime() + 15 * MINUTE)),
          learning("learn-late", new Date(now.getTime() - 1 * MINUTE), 3),
          review("rev-2", at("2026-05-13T03:59:59Z")), // still today
          learning("ahead-soon", new Date(now.getTime() + 5 * MINUTE), 3),
          learning("too-far", new Date(now.getTime() + 21 * MINUTE)),
          learning("learn-early", new Date(now.getTime() - 30 * MINUTE)),
        ],
        newCandidates: candidates(1),
      }),
    );
    expect(queue.entries.slice(0, 2)).toEqual([
      { kind: "learning", id: "learn-early" },
      { kind: "learning", id: "learn-late" },
    ]);
    expect(new Set(queue.entries.slice(2, 5).map((e) => e.id))).toEqual(new Set(["rev-1", "rev-2", "fc0"]));
    expect(queue.entries.slice(5)).toEqual([
      { kind: "learn-ahead", id: "ahead-soon" },
      { kind: "learn-ahead", id: "ahead-late" },
    ]);
    expect(queue.counts).toEqual({ learning: 2, review: 2, new: 1, learnAhead: 2 });
  });

  it("honours learnAheadMinutes", () => {
    const cards = [learning("soon", new Date(now.getTime() + 10 * MINUTE)), learning("later", new Date(now.getTime() + 40 * MINUTE))];
    expect(buildQueue(input({ cards, learnAheadMinutes: 0 })).entries).toEqual([]);
    expect(buildQueue(input({ cards, learnAheadMinutes: 60 })).entries.map((e) => e.id)).toEqual(["soon", "later"]);
  });

  it("never shows suspended cards", () => {
    const cards: QueueCard[] = [
      { ...review("r", now), suspended: true },
      { ...learning("l", now), suspended: true },
      { ...learning("a", new Date(now.getTime() + MINUTE)), suspended: true },
      { id: "n", due: now, state: 0, suspended: true, order: 0 },
      review("kept", now),
    ];
    expect(buildQueue(input({ cards })).entries).toEqual([{ kind: "review", id: "kept" }]);
  });

  it("caps reviews at the day's remaining allowance, keeping the most overdue", () => {
    const cards = reviewsDue(30, now); // r0 is the most overdue
    const queue = buildQueue(input({ cards, maxReviewsPerDay: 20, doneToday: { newCards: 0, reviews: 5 } }));
    expect(queue.counts.review).toBe(15);
    expect(new Set(queue.entries.map((e) => e.id))).toEqual(new Set(Array.from({ length: 15 }, (_, i) => `r${i}`)));
    expect(buildQueue(input({ cards, maxReviewsPerDay: 20, doneToday: { newCards: 0, reviews: 25 } })).entries).toEqual([]);
  });

  it("caps new cards at the day's remaining allowance, in course order", () => {
    const shuffledCandidates = shuffled(candidates(30), "any");
    const queue = buildQueue(input({ newCandidates: shuffledCandidates, newPerDay: 10, doneToday: { newCards: 4, reviews: 0 } }));
    expect(queue.entries).toEqual(Array.from({ length: 6 }, (_, i) => ({ kind: "new", id: `fc${i}` })));
    expect(buildQueue(input({ newCandidates: candidates(5), newPerDay: 10, doneToday: { newCards: 12, reviews: 0 } })).entries).toEqual([]);
    expect(buildQueue(input({ newCandidates: candidates(5), newPerDay: 0 })).entries).toEqual([]);
  });

  it("treats New-state cards as candidates in their order", () => {
    const cards: QueueCard[] = [
      { id: "card-b", due: now, state: 0, suspended: false, order: 1.5 },
      { id: "card-a", due: now, state: 0, suspended: false, order: 0.5 },
      { id: "card-z", due: now, state: 0, suspended: false },
    ];
    const queue = buildQueue(input({ cards, newCandidates: candidates(3) }));
    expect(queue.entries.map((e) => e.id)).toEqual(["fc0", "card-a", "fc1", "card-b", "fc2", "card-z"]);
    expect(queue.entries.every((e) => e.kind === "new")).toBe(true);
  });

  it("spreads new cards evenly among the reviews", () => {
    const tenAndThree = buildQueue(input({ cards: reviewsDue(10, now), newCandidates: candidates(3) }));
    expect(kinds(tenAndThree)).toBe("rrnrrrnrrrnrr");
    expect(tenAndThree.entries.filter((e) => e.kind === "new").map((e) => e.id)).toEqual(["fc0", "fc1", "fc2"]);

    expect(kinds(buildQueue(input({ cards: reviewsDue(100, now), newCandidates: candidates(20) })))).toBe("rrnrrr".repeat(20));

    // More new cards than reviews: no two reviews together.
    const fewReviews = kinds(buildQueue(input({ cards: reviewsDue(2, now), newCandidates: candidates(6) })));
    expect(fewReviews).toBe("nnrnnnrn");

    const spread = kinds(buildQueue(input({ cards: reviewsDue(100, now), newCandidates: candidates(30) })));
    const gaps = spread.split("n").slice(0, -1).map((run) => run.length);
    expect(Math.max(...gaps.slice(1)) - Math.min(...gaps.slice(1))).toBeLessThanOrEqual(1);
  });

  it("shows new cards in order when there are no reviews", () => {
    expect(buildQueue(input({ newCandidates: candidates(4) })).entries.map((e) => e.id)).toEqual(["fc0", "fc1", "fc2", "fc3"]);
  });

  it("shuffles reviews the same way within a day, whatever order the cards arrive in", () => {
    const cards = reviewsDue(40, now);
    const first = buildQueue(input({ cards })).entries;
    const later = buildQueue(input({ cards: [...cards].reverse(), now: new Date(now.getTime() + 2 * HOUR) })).entries;
    expect(later).toEqual(first);
    expect(first.map((e) => e.id)).not.toEqual(cards.map((c) => c.id));
    expect(new Set(first.map((e) => e.id))).toEqual(new Set(cards.map((c) => c.id)));
  });

  it("shuffles differently on another day or for another learner", () => {
    const cards = reviewsDue(40, now);
    const today = buildQueue(input({ cards })).entries.map((e) => e.id);
    const tomorrow = buildQueue(input({ cards, now: new Date(now.getTime() + DAY) }));
    expect(tomorrow.day.key).toBe("2026-05-13");
    expect(tomorrow.entries.map((e) => e.id)).not.toEqual(today);
    expect(buildQueue(input({ cards, seed: "learner-2" })).entries.map((e) => e.id)).not.toEqual(today);
  });

  it("uses the learner's day for what is due today", () => {
    const instant = at("2026-06-01T06:30:00Z");
    const cards = [review("due-noon-utc", at("2026-06-01T12:00:00Z"))];
    // Los Angeles's day ends at 11:00Z, Tokyo's at 19:00Z.
    expect(buildQueue(input({ cards, now: instant, timeZone: "America/Los_Angeles" })).entries).toEqual([]);
    expect(buildQueue(input({ cards, now: instant, timeZone: "Asia/Tokyo" })).entries).toEqual([{ kind: "review", id: "due-noon-utc" }]);
  });

  it("uses the rollover hour for what is due today", () => {
    const instant = at("2026-06-15T06:30:00Z"); // 02:30 in New York
    const cards = [review("due-6am-local", at("2026-06-15T10:00:00Z"))];
    const base = { cards, now: instant, timeZone: "America/New_York" };
    expect(buildQueue(input({ ...base, rolloverHour: 4 })).entries).toEqual([]);
    expect(buildQueue(input({ ...base, rolloverHour: 0 })).entries).toEqual([{ kind: "review", id: "due-6am-local" }]);
  });

  it("includes reviews due in the 25th hour of a fall-back day", () => {
    const instant = at("2026-11-01T03:00:00Z"); // 23:00 EDT on Oct 31; the day ends 2026-11-01T09:00Z
    const cards = [review("last-hour", at("2026-11-01T08:30:00Z")), review("next-day", at("2026-11-01T09:00:00Z"))];
    const queue = buildQueue(input({ cards, now: instant, timeZone: "America/New_York" }));
    expect(queue.entries).toEqual([{ kind: "review", id: "last-hour" }]);
  });

  it("handles a learner with 5,000 cards", () => {
    const random = seededRandom("big");
    const states = [0, 1, 2, 2, 2, 2, 3] as const;
    const cards: QueueCard[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `c${i}`,
      due: new Date(now.getTime() + Math.floor((random() - 0.6) * 30 * DAY)),
      state: states[i % states.length]!,
      suspended: random() < 0.02,
      order: i,
    }));
    const queue = buildQueue(
      input({ cards, newCandidates: candidates(2000), maxReviewsPerDay: 9999, newPerDay: 50, learnAheadMinutes: 24 * 60 }),
    );
    const { learning: l, review: r, new: n, learnAhead: a } = queue.counts;
    expect(queue.entries).toHaveLength(l + r + n + a);
    expect(new Set(queue.entries.map((e) => e.id)).size).toBe(queue.entries.length);
    expect(n).toBe(50);
    expect(r).toBeGreaterThan(1000);
    expect(queue.entries.slice(0, l).every((e) => e.kind === "learning")).toBe(true);
    expect(queue.entries.slice(-a).every((e) => e.kind === "learn-ahead")).toBe(true);
  });
});

describe("seeded randomness", () => {
  it("repeats for the same seed and stays in [0, 1)", () => {
    const a = seededRandom("seed");
    const b = seededRandom("seed");
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom("other")()).not.toBe(values[0]);
  });

  it("shuffles without bias", () => {
    const firsts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) firsts[shuffled(["a", "b", "c"] as const, `s${i}`)[0]!]++;
    for (const count of Object.values(firsts)) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
