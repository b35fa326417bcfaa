/** Whether `value` is a real calendar date written YYYY-MM-DD (2027-02-30 is not: it is never shifted to March). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The calendar date (YYYY-MM-DD) at `now` in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Whole days from the learner's today to an exam date (stored as midnight
 * UTC of the chosen calendar day); negative once the date has passed.
 */
export function daysUntil(examDate: Date, now: Date, timeZone: string): number {
  const today = Date.parse(`${localDate(now, timeZone)}T00:00:00Z`);
  const exam = Date.parse(`${examDate.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((exam - today) / 86_400_000);
}

export function formatLongDate(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
}
