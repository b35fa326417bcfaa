"use client";

import { formatClock } from "@/lib/exam/timing";

/**
 * The exam clock. It shows what the screen computed from the server's
 * deadline; the parent owns the ticking, so the clock and the automatic
 * submission can never disagree.
 */
export function Countdown({ remainingMs }: { remainingMs: number }) {
  const minutes = remainingMs / 60_000;
  const tone =
    minutes <= 5
      ? "border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950/60 dark:text-red-100"
      : minutes <= 30
        ? "border-amber-500 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950/60 dark:text-amber-100"
        : "border-stone-300 bg-white text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";
  return (
    <div className={`flex items-center gap-2 rounded-lg border px-2.5 py-1 ${tone}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
        <circle cx="12" cy="13" r="8" />
        <path d="M12 9v4l2.5 2.5M9 2h6" />
      </svg>
      {/* role=timer is not announced on every tick; the warnings are announced separately. */}
      <span role="timer" aria-label="Time left" data-testid="countdown" className="font-mono text-base font-semibold tabular-nums sm:text-lg">
        {formatClock(remainingMs)}
      </span>
    </div>
  );
}
