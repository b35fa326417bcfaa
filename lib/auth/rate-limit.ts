import "server-only";
import { db } from "@/lib/db";

export interface LimitState {
  allowed: boolean;
  /** Whole seconds until the window resets (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters stored in the database, so every app server behind a
 * load balancer sees the same counts. `check` reads without counting;
 * `record` counts one attempt; `reset` clears a key after a success.
 */
export async function checkLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<LimitState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  const resetAt = row.windowStart.getTime() + windowSeconds * 1000;
  if (resetAt <= now.getTime() || row.count < limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}

/** Attempts counted under `key` in the current window (0 when it has ended). */
export async function peekCount(key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= now.getTime()) return 0;
  return row.count;
}

export async function recordAttempt(key: string, windowSeconds: number, now = new Date()): Promise<void> {
  const windowStartedBefore = new Date(now.getTime() - windowSeconds * 1000);
  // Expired window: start a new one. Otherwise count atomically in SQL so
  // concurrent attempts on several servers are all counted.
  const restarted = await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: windowStartedBefore } },
    data: { count: 1, windowStart: now },
  });
  if (restarted.count > 0) return;
  const counted = await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  if (counted.count > 0) return;
  try {
    await db.rateLimit.create({ data: { key, count: 1, windowStart: now } });
  } catch {
    // Another server created the row first: count on it instead.
    await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  }
}

export async function resetLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Deletes counters whose window ended long ago (keeps the table small). */
export async function pruneLimits(olderThanSeconds: number, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
  return count;
}
