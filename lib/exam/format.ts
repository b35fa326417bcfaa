/** Display helpers for practice pages; pure, so server and client render the same text. */

const whole = new Intl.NumberFormat("en-US");

/** Seconds on an item, e.g. "48 s", "1 min 35 s". */
export function formatItemTime(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Longer spans, e.g. "42 min", "3 h 5 min". */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return formatItemTime(ms);
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${whole.format(hours)} h` : `${whole.format(hours)} h ${rest} min`;
}

/** A percentage from a 0–100 value with at most one decimal, e.g. "72%", "72.5%". */
export function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/** A share (0–1) as a whole percentage, e.g. 0.245 → "25%"; with `precise`, one decimal where it matters ("24.5%"). */
export function formatShare(share: number, precise = false): string {
  const value = precise ? Math.round(share * 1000) / 10 : Math.round(share * 100);
  return `${value}%`;
}

/** A moment in the learner's time zone, e.g. "Nov 22, 2026, 3:05 PM". */
export function formatMoment(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date);
  }
}

/** A date alone in the learner's time zone, e.g. "Nov 22". */
export function formatShortDate(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(date);
  }
}
