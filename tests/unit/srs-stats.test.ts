import { describe, expect, it } from "vitest";
import {
  addDays,
  dailyReviewCounts,
  forecast,
  formatDayKey,
  formatDuration,
  retentionByWeek,
  stateCounts,
  streak,
  timeSpent,
  weekStartOf,
  weekdayIndex,
  type DayCount,
} from "@/lib/srs/stats";

// Wednesday 6 May 2026, 10:00 in New York (EDT, UTC−4). With the default
// rollover at 04:00 the learner's today is 2026-05-06.
const NOW = new Date("2026-05-06T14:00:00Z");
const NY = "America/New_York";
const ROLLOVER = 4;

const at = (iso: string) => new Date(iso);
const days = (...counts: number[]): DayCount[] => counts.map((count, i) => ({ key: addDays("2026-05-01", i), count }));

describe("day keys", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2026-05-06", 1)).toBe("2026-05-07");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-05-06", -364)).toBe("2025-05-07");
  });

  it("starts weeks on Monday", () => {
    expect(weekdayIndex("2026-05-04")).toBe(0); // Monday
    expect(weekdayIndex("2026-05-06")).toBe(2); // Wednesday
    expect(weekdayIndex("2026-05-10")).toBe(6); // Sunday
    expect(weekStartOf("2026-05-10")).toBe("2026-05-04");
    expect(weekStartOf("2026-05-04")).toBe("2026-05-04");
    expect(weekStartOf("2026-01-01")).toBe("2025-12-29");
  });

  it("formats a key as words without shifting it through a time zone", () => {
    expect(formatDayKey("2026-05-06")).toBe("May 6");
    expect(formatDayKey("2026-05-06", "long")).toBe("Wednesday, May 6, 2026");
  });
});

describe("dailyReviewCounts", () => {
  it("counts reviews per learner day, which starts at the rollover hour", () => {
    const logs = [
      { reviewedAt: at("2026-05-04T05:00:00Z") }, // 01:00 EDT May 4: still May 3, before the window
      { reviewedAt: at("2026-05-05T03:59:00Z") }, // 23:59 EDT May 4
      { reviewedAt: at("2026-05-06T07:30:00Z") }, // 03:30 EDT May 6: still May 5
      { reviewedAt: at("2026-05-06T08:00:00Z") }, // 04:00 EDT May 6: the new day
      { reviewedAt: at("2026-05-06T13:00:00Z") }, // 09:00 EDT May 6
    ];
    expect(dailyReviewCounts(logs, NOW, NY, ROLLOVER, 3)).toEqual([
      { key: "2026-05-04", count: 1 },
      { key: "2026-05-05", count: 1 },
      { key: "2026-05-06", count: 2 },
    ]);
  });

  it("uses the learner's time zone, not UTC", () => {
    // 00:30 on May 6 in Tokyo is still May 5 in UTC.
    const logs = [{ reviewedAt: at("2026-05-05T15:30:00Z") }];
    expect(dailyReviewCounts(logs, at("2026-05-06T03:00:00Z"), "Asia/Tokyo", 0, 2)).toEqual([
      { key: "2026-05-05", count: 0 },
      { key: "2026-05-06", count: 1 },
    ]);
    expect(dailyReviewCounts(logs, at("2026-05-06T03:00:00Z"), "UTC", 0, 2)).toEqual([
      { key: "2026-05-05", count: 1 },
      { key: "2026-05-06", count: 0 },
    ]);
  });

  it("keeps the rollover on the local clock across the spring-forward change", () => {
    // New York jumps from 02:00 EST to 03:00 EDT on 8 March 2026.
    const logs = [
      { reviewedAt: at("2026-03-08T07:30:00Z") }, // 03:30 EDT: before 04:00, so March 7
      { reviewedAt: at("2026-03-08T08:00:00Z") }, // 04:00 EDT: March 8
    ];
    expect(dailyReviewCounts(logs, at("2026-03-08T16:00:00Z"), NY, ROLLOVER, 2)).toEqual([
      { key: "2026-03-07", count: 1 },
      { key: "2026-03-08", count: 1 },
    ]);
  });

  it("returns a year of days by default, oldest first, ending today, with empty days as zero", () => {
    const result = dailyReviewCounts([], NOW, NY, ROLLOVER);
    expect(result).toHaveLength(365);
    expect(result[0]).toEqual({ key: "2025-05-07", count: 0 });
    expect(result.at(-1)).toEqual({ key: "2026-05-06", count: 0 });
  });

  it("ignores reviews after now and older than the window", () => {
    const logs = [{ reviewedAt: at("2026-05-07T12:00:00Z") }, { reviewedAt: at("2025-05-06T12:00:00Z") }];
    expect(dailyReviewCounts(logs, NOW, NY, ROLLOVER).every((day) => day.count === 0)).toBe(true);
  });
});

describe("forecast", () => {
  const card = (due: string, state: number, suspended = false) => ({ due: at(due), state, suspended });

  it("counts review, learning and relearning cards per learner day, overdue ones on today", () => {
    const cards = [
      card("2026-04-01T12:00:00Z", 2), // overdue a month: today
      card("2026-05-07T07:00:00Z", 2), // 03:00 EDT May 7, before the rollover: today
      card("2026-05-07T12:00:00Z", 1), // learning, May 7
      card("2026-05-08T20:00:00Z", 3), // relearning, May 8
      card("2026-05-09T12:00:00Z", 2), // after the window
      card("2026-05-06T12:00:00Z", 0), // new cards come by the daily limit, not by due date
      card("2026-05-06T12:00:00Z", 2, true), // suspended
    ];
    expect(forecast(cards, NOW, NY, ROLLOVER, 3)).toEqual([
      { key: "2026-05-06", count: 2 },
      { key: "2026-05-07", count: 1 },
      { key: "2026-05-08", count: 1 },
    ]);
  });

  it("covers 30 days from today by default", () => {
    const result = forecast([card("2026-06-04T12:00:00Z", 2), card("2026-06-05T12:00:00Z", 2)], NOW, NY, ROLLOVER);
    expect(result).toHaveLength(30);
    expect(result[0]?.key).toBe("2026-05-06");
    expect(result.at(-1)).toEqual({ key: "2026-06-04", count: 1 });
    expect(result.reduce((sum, day) => sum + day.count, 0)).toBe(1);
  });
});

describe("retentionByWeek", () => {
  const log = (reviewedAt: string, rating: number, state = 2) => ({ reviewedAt: at(reviewedAt), rating, state });
  const logs = [
    log("2026-04-12T16:00:00Z", 3), // Sunday April 12: before the four weeks
    log("2026-04-21T16:00:00Z", 3), // week of April 20: pass
    log("2026-04-21T17:00:00Z", 1), // week of April 20: Again
    log("2026-04-22T16:00:00Z", 1, 1), // learning step: not true retention
    log("2026-04-22T17:00:00Z", 3, 3), // relearning step
    log("2026-04-22T18:00:00Z", 3, 0), // first sight of a new card
    log("2026-05-04T03:30:00Z", 4), // 23:30 EDT Sunday May 3: week of April 27
    log("2026-05-04T04:30:00Z", 2), // 00:30 EDT Monday May 4: Hard is a pass
    log("2026-05-05T16:00:00Z", 1),
    log("2026-05-06T13:00:00Z", 3),
  ];

  it("counts reviews of cards in the Review state per Monday-to-Sunday week", () => {
    expect(retentionByWeek(logs, NOW, NY, 4)).toEqual([
      { weekStart: "2026-04-13", reviews: 0, passed: 0, retention: null },
      { weekStart: "2026-04-20", reviews: 2, passed: 1, retention: 0.5 },
      { weekStart: "2026-04-27", reviews: 1, passed: 1, retention: 1 },
      { weekStart: "2026-05-04", reviews: 3, passed: 2, retention: 2 / 3 },
    ]);
  });

  it("puts a review after midnight but before the rollover in the week before when given the rollover hour", () => {
    const [, , lastWeek, thisWeek] = retentionByWeek(logs, NOW, NY, 4, ROLLOVER);
    expect(lastWeek).toEqual({ weekStart: "2026-04-27", reviews: 2, passed: 2, retention: 1 });
    expect(thisWeek).toEqual({ weekStart: "2026-05-04", reviews: 2, passed: 1, retention: 0.5 });
  });

  it("draws the week boundary at the learner's midnight", () => {
    // 22:00 Sunday in New York is already Monday in UTC.
    const sundayNight = [log("2026-05-04T02:00:00Z", 3)];
    expect(retentionByWeek(sundayNight, NOW, NY, 2).map((w) => w.reviews)).toEqual([1, 0]);
    expect(retentionByWeek(sundayNight, NOW, "UTC", 2).map((w) => w.reviews)).toEqual([0, 1]);
  });

  it("returns 12 weeks by default, the last one the current week", () => {
    const result = retentionByWeek([], NOW, NY);
    expect(result).toHaveLength(12);
    expect(result[0]?.weekStart).toBe("2026-02-16");
    expect(result.at(-1)?.weekStart).toBe("2026-05-04");
    expect(result.every((w) => w.retention === null)).toBe(true);
  });
});

describe("stateCounts", () => {
  it("counts suspended cards only as suspended, and leeches in whatever group they are in", () => {
    const card = (state: number, suspended = false, leech = false) => ({ state, suspended, leech });
    const cards = [card(0), card(0), card(1), card(2), card(2), card(2, false, true), card(3), card(2, true, true), card(0, true)];
    expect(stateCounts(cards)).toEqual({ new: 2, learning: 1, review: 3, relearning: 1, suspended: 2, leech: 2 });
  });

  it("is all zeros without cards", () => {
    expect(stateCounts([])).toEqual({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 });
  });
});

describe("streak", () => {
  it("counts back from today", () => {
    expect(streak(days(1, 1, 0, 1, 1, 1))).toEqual({ current: 3, longest: 3 });
  });

  it("does not break the current streak for a today without reviews yet", () => {
    expect(streak(days(2, 3, 4, 0, 1, 1, 0))).toEqual({ current: 2, longest: 3 });
  });

  it("is broken by a yesterday without reviews", () => {
    expect(streak(days(1, 1, 1, 0, 0))).toEqual({ current: 0, longest: 3 });
  });

  it("handles no days and a window full of reviews", () => {
    expect(streak([])).toEqual({ current: 0, longest: 0 });
    expect(streak(days(0))).toEqual({ current: 0, longest: 0 });
    expect(streak(days(5, 1, 2))).toEqual({ current: 3, longest: 3 });
  });

  it("works on dailyReviewCounts output across the rollover", () => {
    // Reviews at 23:00 EDT May 4 and 03:00 EDT May 6 (still May 5); none yet on May 6.
    const logs = [{ reviewedAt: at("2026-05-05T03:00:00Z") }, { reviewedAt: at("2026-05-06T07:00:00Z") }];
    expect(streak(dailyReviewCounts(logs, NOW, NY, ROLLOVER))).toEqual({ current: 2, longest: 2 });
  });
});

describe("timeSpent", () => {
  it("sums review time today, over the last 7 learner days and in all", () => {
    const logs = [
      { reviewedAt: at("2026-05-06T13:00:00Z"), durationMs: 30_000 }, // today
      { reviewedAt: at("2026-05-06T07:30:00Z"), durationMs: 45_000 }, // 03:30 EDT: yesterday
      { reviewedAt: at("2026-04-30T16:00:00Z"), durationMs: 60_000 }, // 6 days ago
      { reviewedAt: at("2026-04-29T16:00:00Z"), durationMs: 120_000 }, // 7 days ago
    ];
    expect(timeSpent(logs, NOW, NY, ROLLOVER)).toEqual({ todayMs: 30_000, last7DaysMs: 135_000, totalMs: 255_000 });
  });

  it("treats a negative duration as zero and is zero without logs", () => {
    expect(timeSpent([{ reviewedAt: NOW, durationMs: -5 }], NOW, NY, ROLLOVER)).toEqual({ todayMs: 0, last7DaysMs: 0, totalMs: 0 });
    expect(timeSpent([], NOW, NY, ROLLOVER)).toEqual({ todayMs: 0, last7DaysMs: 0, totalMs: 0 });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [42_000, "42 s"],
    [59_400, "59 s"],
    [59_600, "1 min"],
    [12 * 60_000, "12 min"],
    [12 * 60_000 + 29_000, "12 min"],
    [59 * 60_000 + 40_000, "1 h"],
    [(3 * 60 + 5) * 60_000, "3 h 5 min"],
    [2 * 3_600_000, "2 h"],
    [1234 * 3_600_000, "1,234 h"],
    [-1000, "0 s"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("live logs only", () => {
  // The functions take whatever logs they are given: callers select live logs
  // (undoneAt null), as the data-access query does, and an undone review then
  // counts nowhere.
  const logs = [
    { reviewedAt: at("2026-05-06T13:00:00Z"), rating: 3, state: 2, durationMs: 10_000, undoneAt: null },
    { reviewedAt: at("2026-05-06T13:01:00Z"), rating: 1, state: 2, durationMs: 20_000, undoneAt: at("2026-05-06T13:01:05Z") },
  ];
  const live = logs.filter((log) => log.undoneAt === null);

  it("leaves an undone review out of every figure once the caller filters it", () => {
    expect(dailyReviewCounts(live, NOW, NY, ROLLOVER, 1)).toEqual([{ key: "2026-05-06", count: 1 }]);
    expect(retentionByWeek(live, NOW, NY, 1)).toEqual([{ weekStart: "2026-05-04", reviews: 1, passed: 1, retention: 1 }]);
    expect(timeSpent(live, NOW, NY, ROLLOVER).todayMs).toBe(10_000);
  });
});
