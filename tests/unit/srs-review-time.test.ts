import { describe, expect, it } from "vitest";
import { OFFLINE_WINDOW_MS, ONLINE_TOLERANCE_MS, resolveReviewTime } from "@/lib/srs/review-time";

const serverNow = new Date("2026-04-10T15:00:00Z");
const SECOND = 1000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(serverNow.getTime() - ms);

describe("resolveReviewTime", () => {
  it("documents its bounds", () => {
    expect(ONLINE_TOLERANCE_MS).toBe(120 * SECOND);
    expect(OFFLINE_WINDOW_MS).toBe(7 * DAY);
  });

  it("uses the server's time when the client sends none", () => {
    expect(resolveReviewTime({ serverNow, lastReview: ago(DAY) })).toEqual({ ok: true, reviewedAt: serverNow, source: "review" });
    expect(resolveReviewTime({ serverNow, lastReview: null })).toEqual({ ok: true, reviewedAt: serverNow, source: "review" });
  });

  it("uses the server's time when the client's is within two minutes either side", () => {
    for (const offset of [-120 * SECOND, -30 * SECOND, 0, 45 * SECOND, 120 * SECOND]) {
      const recordedAt = new Date(serverNow.getTime() + offset);
      expect(resolveReviewTime({ recordedAt, serverNow, lastReview: ago(DAY) })).toEqual({
        ok: true,
        reviewedAt: serverNow,
        source: "review",
      });
    }
  });

  it("treats an invalid recorded date as absent", () => {
    const result = resolveReviewTime({ recordedAt: new Date(Number.NaN), serverNow, lastReview: null });
    expect(result).toEqual({ ok: true, reviewedAt: serverNow, source: "review" });
  });

  it("rejects a time more than two minutes in the future", () => {
    const result = resolveReviewTime({ recordedAt: new Date(serverNow.getTime() + 121 * SECOND), serverNow, lastReview: null });
    expect(result).toMatchObject({ ok: false, reason: "future" });
    expect(result.ok === false && result.message).toMatch(/future/);
  });

  it("accepts an offline time inside the window, after the last review", () => {
    const recordedAt = ago(3 * DAY);
    expect(resolveReviewTime({ recordedAt, serverNow, lastReview: ago(5 * DAY) })).toEqual({
      ok: true,
      reviewedAt: recordedAt,
      source: "offline",
    });
    expect(resolveReviewTime({ recordedAt: ago(121 * SECOND), serverNow, lastReview: null })).toMatchObject({
      ok: true,
      source: "offline",
    });
  });

  it("accepts exactly seven days back and rejects anything older", () => {
    expect(resolveReviewTime({ recordedAt: ago(7 * DAY), serverNow, lastReview: null })).toMatchObject({ ok: true, source: "offline" });
    const result = resolveReviewTime({ recordedAt: ago(7 * DAY + SECOND), serverNow, lastReview: null });
    expect(result).toMatchObject({ ok: false, reason: "too-old" });
    expect(result.ok === false && result.message).toMatch(/7 days/);
  });

  it("rejects an offline time before the card's last review, and accepts one equal to it", () => {
    const lastReview = ago(2 * DAY);
    const result = resolveReviewTime({ recordedAt: ago(3 * DAY), serverNow, lastReview });
    expect(result).toMatchObject({ ok: false, reason: "before-last-review" });
    expect(result.ok === false && result.message.length).toBeGreaterThan(20);
    expect(resolveReviewTime({ recordedAt: lastReview, serverNow, lastReview })).toMatchObject({ ok: true, source: "offline" });
  });

  it("reports too-old before before-last-review", () => {
    expect(resolveReviewTime({ recordedAt: ago(9 * DAY), serverNow, lastReview: ago(DAY) })).toMatchObject({ reason: "too-old" });
  });

  it("clamps an online review to a last review that is somehow after the server's now", () => {
    const lastReview = new Date(serverNow.getTime() + 5 * SECOND);
    expect(resolveReviewTime({ serverNow, lastReview })).toEqual({ ok: true, reviewedAt: lastReview, source: "review" });
  });
});
