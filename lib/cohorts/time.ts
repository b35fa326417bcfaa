/**
 * Wall-clock times in a cohort's time zone. Instructors enter assignment
 * dates as local date-times ("2027-03-01T17:00" in America/Chicago); the
 * database stores the instant in UTC.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Offset of `zone` from UTC at `instant`, in milliseconds (negative west of Greenwich). */
function zoneOffsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_PATTERN.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60;
}

/**
 * The UTC instant of a local date-time ("YYYY-MM-DDTHH:mm") in `zone`, or
 * null when the text is not such a date-time. A time skipped by a daylight
 * saving change (02:30 on a spring-forward night) is moved forward by the
 * gap, as clocks do; an ambiguous autumn time takes its first occurrence.
 */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  if (!isLocalDateTime(local)) return null;
  const [, y, mo, d, h, mi] = LOCAL_PATTERN.exec(local)!.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle on the offset in force at the result, not at the guess.
  const first = wall - zoneOffsetMs(wall, zone);
  const second = wall - zoneOffsetMs(first, zone);
  if (second === first) {
    // The earlier of two readings of an ambiguous time (the hour repeated in autumn).
    const earlier = second - 3_600_000;
    return new Date(utcToZonedLocal(new Date(earlier), zone) === local ? earlier : second);
  }
  // In a spring-forward gap neither pass round-trips; the later offset moves the time past the gap.
  return new Date(Math.max(first, second));
}

/** The local date-time ("YYYY-MM-DDTHH:mm") of an instant in `zone`, for date-time inputs. */
export function utcToZonedLocal(date: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** "Mon, Mar 1, 5:00 PM CST" in `zone`. */
export function formatInZone(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** "March 1, 2027" for a date stored as midnight UTC of a calendar day (exam dates). */
export function formatCalendarDate(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
}
