import { describe, expect, it } from "vitest";
import {
  acceptsAnswerAt,
  deadlineFor,
  formatClock,
  longItems,
  PACE_MS,
  PACE_SECONDS,
  remainingMs,
  WARNING_MINUTES,
  warningsDue,
} from "@/lib/exam/timing";

const MINUTE = 60_000;
const start = new Date("2026-05-12T14:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("pace", () => {
  it("is the real exam's 80 seconds per item", () => {
    expect(PACE_SECONDS).toBe(80);
    expect(PACE_MS).toBe(80_000);
    expect(WARNING_MINUTES).toEqual([30, 5]);
  });
});

describe("deadlines", () => {
  it("puts the deadline the time limit after the start", () => {
    expect(deadlineFor(start, 240 * 60).toISOString()).toBe("2026-05-12T18:00:00.000Z");
    expect(deadlineFor(start, 67 * 60).toISOString()).toBe("2026-05-12T15:07:00.000Z");
  });

  it("counts down to zero and never below", () => {
    const deadline = deadlineFor(start, 3600);
    expect(remainingMs(deadline, start)).toBe(3_600_000);
    expect(remainingMs(deadline, at(3_599_000))).toBe(1000);
    expect(remainingMs(deadline, at(3_600_000))).toBe(0);
    expect(remainingMs(deadline, at(4_000_000))).toBe(0);
  });

  it("accepts answers until the deadline plus a grace period", () => {
    const deadline = deadlineFor(start, 3600);
    expect(acceptsAnswerAt(deadline, at(3_600_000))).toBe(true);
    expect(acceptsAnswerAt(deadline, at(3_602_000))).toBe(true);
    expect(acceptsAnswerAt(deadline, at(3_602_001))).toBe(false);
    expect(acceptsAnswerAt(deadline, at(3_600_001), 0)).toBe(false);
    expect(acceptsAnswerAt(deadline, at(3_610_000), 10_000)).toBe(true);
  });

  it("always accepts answers in an untimed attempt", () => {
    expect(acceptsAnswerAt(null, at(1e12))).toBe(true);
  });
});

describe("warningsDue", () => {
  it("reaches each threshold at exactly that many minutes left", () => {
    expect(warningsDue(240 * MINUTE)).toEqual([]);
    expect(warningsDue(30 * MINUTE + 1)).toEqual([]);
    expect(warningsDue(30 * MINUTE)).toEqual([30]);
    expect(warningsDue(5 * MINUTE + 1)).toEqual([30]);
    expect(warningsDue(5 * MINUTE)).toEqual([30, 5]);
    expect(warningsDue(0)).toEqual([30, 5]);
  });
});

describe("formatClock", () => {
  it("shows hours only when there are some", () => {
    expect(formatClock(14_398_000)).toBe("3:59:58");
    expect(formatClock(245_000)).toBe("4:05");
    expect(formatClock(9_000)).toBe("0:09");
    expect(formatClock(3_600_000)).toBe("1:00:00");
    expect(formatClock(3_599_000)).toBe("59:59");
  });

  it("rounds partial seconds up so 0:00 means time is up", () => {
    expect(formatClock(8_001)).toBe("0:09");
    expect(formatClock(1)).toBe("0:01");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-5_000)).toBe("0:00");
    expect(formatClock(Number.NaN)).toBe("0:00");
  });
});

describe("longItems", () => {
  const times = [
    { itemId: "a", timeMs: 60_000 },
    { itemId: "b", timeMs: 120_000 },
    { itemId: "c", timeMs: 120_001 },
    { itemId: "d", timeMs: 300_000 },
  ];

  it("flags items over 1.5 × the 80-second pace, in the order given", () => {
    expect(longItems(times)).toEqual(["c", "d"]);
  });

  it("takes a different pace and factor", () => {
    expect(longItems(times, 60_000, 1)).toEqual(["b", "c", "d"]);
    expect(longItems(times, PACE_MS, 3)).toEqual(["d"]);
    expect(longItems([])).toEqual([]);
  });
});
