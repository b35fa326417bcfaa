/**
 * A client's recorded time this close to the server's (either side) is an
 * online review: clock skew and network delay, not an offline one.
 */
export const ONLINE_TOLERANCE_MS = 120_000;
/** How far back an offline review may be dated: a week away from a connection. */
export const OFFLINE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type ReviewTimeRejection = "future" | "before-last-review" | "too-old";

export type ReviewTime =
  | { ok: true; reviewedAt: Date; source: "review" | "offline" }
  | { ok: false; reason: ReviewTimeRejection; message: string };

export interface ReviewTimeInput {
  /** The time the client says the review was given; absent for an online review. */
  recordedAt?: Date;
  /** The server's clock when the review arrived. */
  serverNow: Date;
  /** The card's last review, or null if it has none. */
  lastReview: Date | null;
}

/**
 * Decides when a review counts as given. The server's clock decides unless
 * the client carries a recorded time that is clearly offline (more than
 * {@link ONLINE_TOLERANCE_MS} before the server's), which is accepted only
 * if it is not after the card's last review and not older than
 * {@link OFFLINE_WINDOW_MS}. Checked in this order: future, too old, before
 * the last review. An invalid recorded date counts as absent.
 */
export function resolveReviewTime({ recordedAt, serverNow, lastReview }: ReviewTimeInput): ReviewTime {
  const now = serverNow.getTime();
  const recorded = recordedAt?.getTime();

  if (recorded === undefined || Number.isNaN(recorded) || Math.abs(recorded - now) <= ONLINE_TOLERANCE_MS) {
    // A last review after the server's now would need a clock that went
    // backwards; clamping keeps the card's history in order if it ever does.
    const reviewedAt = lastReview && lastReview.getTime() > now ? lastReview : serverNow;
    return { ok: true, reviewedAt, source: "review" };
  }
  if (recorded > now) {
    return {
      ok: false,
      reason: "future",
      message: "This review is dated in the future. Check the date and time on your device, then sync again.",
    };
  }
  if (now - recorded > OFFLINE_WINDOW_MS) {
    return {
      ok: false,
      reason: "too-old",
      message: "This review was recorded offline more than 7 days ago, too long ago to count. Review the card again.",
    };
  }
  if (lastReview && recorded < lastReview.getTime()) {
    return {
      ok: false,
      reason: "before-last-review",
      message: "This card was reviewed again after this offline review was recorded, so the older review was skipped.",
    };
  }
  return { ok: true, reviewedAt: new Date(recorded), source: "offline" };
}
