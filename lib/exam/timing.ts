/** The real exam's pace: 4 hours for 180 items. */
export const PACE_SECONDS = 80;
export const PACE_MS = PACE_SECONDS * 1000;

/** Default allowance for an answer that was sent just before the deadline and arrived just after. */
export const DEADLINE_GRACE_MS = 2000;

/** Minutes left at which a timed attempt warns the learner, largest first. */
export const WARNING_MINUTES = [30, 5] as const;
export type WarningMinutes = (typeof WARNING_MINUTES)[number];

export function deadlineFor(startedAt: Date, limitSec: number): Date {
  return new Date(startedAt.getTime() + limitSec * 1000);
}

/** Time left before `deadline`; zero once it has passed. */
export function remainingMs(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/**
 * Whether an answer arriving at `now` still counts. The grace period absorbs
 * network latency for an answer given at 0:00; a null deadline means the
 * attempt is untimed.
 */
export function acceptsAnswerAt(deadline: Date | null, now: Date, graceMs: number = DEADLINE_GRACE_MS): boolean {
  if (deadline === null) return true;
  return now.getTime() <= deadline.getTime() + graceMs;
}

/**
 * The warnings whose threshold has been reached with `remainingMs` left, in
 * WARNING_MINUTES order. The caller remembers which it has already shown;
 * an attempt shorter than 30 minutes has the 30-minute warning due from the
 * start, so compare with the warnings due at the start if that matters.
 */
export function warningsDue(remainingMs: number): WarningMinutes[] {
  return WARNING_MINUTES.filter((minutes) => remainingMs <= minutes * 60_000);
}

/**
 * "h:mm:ss" from an hour up, "m:ss" below. Seconds are rounded up so a
 * countdown shows 0:00 only when the time is really over.
 */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.ceil(ms / 1000)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/**
 * Items on which the learner spent more than `factor` times the exam pace,
 * in the order given: the ones that would cost time on exam day.
 */
export function longItems(times: readonly { itemId: string; timeMs: number }[], paceMs: number = PACE_MS, factor = 1.5): string[] {
  const limit = paceMs * factor;
  return times.filter((t) => t.timeMs > limit).map((t) => t.itemId);
}
