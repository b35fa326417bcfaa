/**
 * A learner's own marks on an attempt's items, as on the real exam's
 * screen: options crossed out and highlighted passages of the stem. Kept on
 * the device with the attempt (localStorage, keyed by attempt id), so they
 * survive a reload or a sleeping phone; they never affect scoring.
 * Pure functions here; the component reads and writes storage.
 */

export type Range = readonly [start: number, end: number];

export interface ItemMarks {
  /** Option indexes crossed out. */
  struck: number[];
  /** Highlighted character ranges of the stem, sorted and non-overlapping. */
  highlights: Range[];
}

export type AttemptMarks = Record<string, ItemMarks>;

export const EMPTY_MARKS: ItemMarks = { struck: [], highlights: [] };

export const marksKey = (attemptId: string) => `systemic:attempt:${attemptId}:marks`;

export function toggleStrike(marks: ItemMarks, option: number): ItemMarks {
  const struck = marks.struck.includes(option) ? marks.struck.filter((o) => o !== option) : [...marks.struck, option].sort((a, b) => a - b);
  return { ...marks, struck };
}

/** Adds a range to a set of ranges, merging overlapping and touching ones; empty or inverted ranges are ignored. */
export function addRange(ranges: readonly Range[], added: Range, length: number): Range[] {
  const start = Math.max(0, Math.min(added[0], added[1]));
  const end = Math.min(length, Math.max(added[0], added[1]));
  if (end <= start) return [...ranges];
  const all = [...ranges, [start, end] as Range].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of all) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], r[1])];
    else merged.push(r);
  }
  return merged;
}

/** The text cut into plain and highlighted pieces, in order. */
export function segments(text: string, ranges: readonly Range[]): { text: string; highlighted: boolean }[] {
  const out: { text: string; highlighted: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start >= text.length) break;
    if (start > at) out.push({ text: text.slice(at, start), highlighted: false });
    out.push({ text: text.slice(Math.max(start, at), Math.min(end, text.length)), highlighted: true });
    at = Math.min(end, text.length);
  }
  if (at < text.length) out.push({ text: text.slice(at), highlighted: false });
  return out.filter((s) => s.text !== "");
}

/** Reads stored marks, dropping anything malformed (storage is the learner's, not ours). */
export function parseMarks(raw: unknown): AttemptMarks {
  if (raw === null || typeof raw !== "object") return {};
  const out: AttemptMarks = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = value as { struck?: unknown; highlights?: unknown };
    const struck = Array.isArray(v?.struck) ? v.struck.filter((n): n is number => Number.isInteger(n) && n >= 0 && n < 8) : [];
    const highlights = Array.isArray(v?.highlights)
      ? v.highlights.filter((r): r is Range => Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] < r[1])
      : [];
    out[id] = { struck, highlights };
  }
  return out;
}
