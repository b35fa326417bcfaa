import { describe, expect, it } from "vitest";
import {
  buildTrainingHistories,
  buildTrainingItems,
  MIN_REVIEWS_FOR_OPTIMIZATION,
  optimizationEligibility,
  type TrainingLog,
} from "@/lib/srs/optimizer";

function review(cardId: string, rating: number, iso: string, state?: number): TrainingLog {
  return { cardId, rating, reviewedAt: new Date(iso), ...(state === undefined ? {} : { state }) };
}

/** Histories as "rating/deltaT" strings, for readable expectations. */
function compact(histories: { rating: number; deltaT: number }[][]): string[] {
  return histories.map((history) => history.map((r) => `${r.rating}/${r.deltaT}`).join(" "));
}

describe("buildTrainingHistories", () => {
  it("starts each card at deltaT 0 and ends one history at each review a study day or more after the previous one", () => {
    const logs = [
      review("a", 3, "2026-05-01T14:00:00Z"),
      review("a", 3, "2026-05-01T14:01:00Z"),
      review("a", 3, "2026-05-01T14:11:00Z"),
      review("a", 3, "2026-05-03T15:00:00Z"),
      review("a", 1, "2026-05-03T15:05:00Z"),
      review("a", 3, "2026-05-10T15:00:00Z"),
    ];
    // Same-day steps stay in the history but never end one.
    expect(compact(buildTrainingHistories(logs, "UTC", 4))).toEqual(["3/0 3/0 3/0 3/2", "3/0 3/0 3/0 3/2 1/0 3/7"]);
  });

  it("gives a card reviewed only on one day no histories", () => {
    const logs = [review("a", 1, "2026-05-01T14:00:00Z"), review("a", 3, "2026-05-01T14:01:00Z"), review("a", 3, "2026-05-01T14:11:00Z")];
    expect(buildTrainingHistories(logs, "UTC", 4)).toEqual([]);
  });

  it("counts study days from the rollover hour in the learner's time zone", () => {
    const logs = [
      review("a", 3, "2026-05-01T08:30:00Z"), // 03:30 in Chicago: still the study day of 30 April
      review("a", 3, "2026-05-01T09:30:00Z"), // 04:30: the study day of 1 May, an hour later
      review("a", 3, "2026-05-02T05:00:00Z"), // midnight: a new date, but still the study day of 1 May
      review("a", 3, "2026-05-02T10:00:00Z"), // 05:00 on 2 May
    ];
    expect(compact(buildTrainingHistories(logs, "America/Chicago", 4))).toEqual(["3/0 3/1", "3/0 3/1 3/0 3/1"]);
    // The same instants for a learner in UTC whose day turns at midnight.
    expect(compact(buildTrainingHistories(logs, "UTC", 0))).toEqual(["3/0 3/0 3/1"]);
    // And in Tokyo (UTC+9) with a 4:00 rollover: 17:30, 18:30, 14:00 next day, 19:00.
    expect(compact(buildTrainingHistories(logs, "Asia/Tokyo", 4))).toEqual(["3/0 3/0 3/1"]);
  });

  it("keeps the rollover at local 4:00 on the day clocks spring forward", () => {
    const logs = [
      review("a", 3, "2026-03-07T16:00:00Z"), // 10:00 CST on 7 March
      review("a", 3, "2026-03-08T09:30:00Z"), // 04:30 CDT on 8 March, after the 02:00 jump
    ];
    expect(compact(buildTrainingHistories(logs, "America/Chicago", 4))).toEqual(["3/0 3/1"]);
  });

  it("groups interleaved cards and orders each by review time", () => {
    const logs = [
      review("b", 3, "2026-05-04T12:00:00Z"),
      review("a", 2, "2026-05-05T12:00:00Z"),
      review("b", 1, "2026-05-01T12:00:00Z"),
      review("a", 3, "2026-05-01T12:00:00Z"),
    ];
    expect(compact(buildTrainingHistories(logs, "UTC", 4)).sort()).toEqual(["1/0 3/3", "3/0 2/4"]);
  });

  it("relies on the caller to leave out undone reviews, which then neither count nor split an interval", () => {
    const logs = [
      { ...review("a", 3, "2026-05-01T12:00:00Z"), undoneAt: null },
      { ...review("a", 1, "2026-05-04T12:00:00Z"), undoneAt: new Date("2026-05-04T12:00:05Z") },
      { ...review("a", 3, "2026-05-06T12:00:00Z"), undoneAt: null },
    ];
    const live = logs.filter((log) => log.undoneAt === null); // what `undoneAt: null` in the query does
    expect(compact(buildTrainingHistories(live, "UTC", 4))).toEqual(["3/0 3/5"]);
  });

  it("starts a card reset to new at its latest review as new, and skips a card whose start is not in the log", () => {
    const logs = [
      review("a", 3, "2026-05-01T12:00:00Z", 0),
      review("a", 1, "2026-05-03T12:00:00Z", 2),
      review("a", 3, "2026-05-10T12:00:00Z", 0), // reset, then learned again
      review("a", 3, "2026-05-12T12:00:00Z", 2),
      review("b", 3, "2026-05-03T12:00:00Z", 2), // its first review was undone or never logged
      review("b", 3, "2026-05-09T12:00:00Z", 2),
    ];
    expect(compact(buildTrainingHistories(logs, "UTC", 4))).toEqual(["3/0 3/2"]);
  });

  it("ignores ratings outside 1–4", () => {
    const logs = [review("a", 3, "2026-05-01T12:00:00Z"), review("a", 0, "2026-05-02T12:00:00Z"), review("a", 4, "2026-05-03T12:00:00Z")];
    expect(compact(buildTrainingHistories(logs, "UTC", 4))).toEqual(["3/0 4/2"]);
  });
});

describe("buildTrainingItems", () => {
  it("turns each history into a binding item with a long-term review", () => {
    const logs = [
      review("a", 3, "2026-05-01T14:00:00Z"),
      review("a", 3, "2026-05-01T14:10:00Z"),
      review("a", 3, "2026-05-03T15:00:00Z"),
      review("a", 1, "2026-05-03T15:05:00Z"),
      review("a", 3, "2026-05-10T15:00:00Z"),
      review("b", 4, "2026-05-02T09:00:00Z"),
    ];
    const histories = buildTrainingHistories(logs, "UTC", 4);
    const items = buildTrainingItems(logs, "UTC", 4);
    expect(items.map((item) => item.reviews.map((r) => ({ rating: r.rating, deltaT: r.deltaT })))).toEqual(histories);
    expect(items.map((item) => item.longTermReviewCnt())).toEqual([1, 2]);
  });
});

describe("optimizationEligibility", () => {
  it(`needs ${MIN_REVIEWS_FOR_OPTIMIZATION} reviews`, () => {
    expect(MIN_REVIEWS_FOR_OPTIMIZATION).toBe(400);
    expect(optimizationEligibility(0)).toEqual({ eligible: false, needed: 400 });
    expect(optimizationEligibility(399)).toEqual({ eligible: false, needed: 1 });
    expect(optimizationEligibility(400)).toEqual({ eligible: true, needed: 0 });
    expect(optimizationEligibility(5000)).toEqual({ eligible: true, needed: 0 });
  });
});
