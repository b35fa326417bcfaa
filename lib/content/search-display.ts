/**
 * How search results are shown: grouped by kind, with the matched words
 * marked and a snippet cut around the first match. Pure functions, so the
 * search box stays a thin component.
 */
import type { SearchDocument, SearchDocumentKind } from "./search-index";

export type Segment = { text: string; match: boolean };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for the matched terms (longest first, so "triangulation" wins over "triangle"), matching from a word start. */
function termPattern(terms: readonly string[]): RegExp | null {
  const unique = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${unique.map(escape).join("|")})[\\p{L}\\p{N}]*`, "giu");
}

/** Splits `text` into plain and matched pieces; a matched piece runs to the end of its word. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const pattern = termPattern(terms);
  if (!pattern) return [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** About `width` characters of `text` around its first match, with ellipses where it was cut. */
export function snippet(text: string, terms: readonly string[], width = 160): string {
  if (text.length <= width) return text;
  const pattern = termPattern(terms);
  const at = pattern ? (pattern.exec(text)?.index ?? 0) : 0;
  let start = Math.max(0, at - Math.floor(width / 3));
  start = start === 0 ? 0 : Math.max(0, text.lastIndexOf(" ", start) + 1);
  let end = Math.min(text.length, start + width);
  end = end === text.length ? end : Math.max(at + 1, text.lastIndexOf(" ", end));
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

export const GROUPS: { kind: SearchDocumentKind[]; label: string }[] = [
  { kind: ["lesson", "section"], label: "Lessons" },
  { kind: ["item"], label: "Questions" },
  { kind: ["card"], label: "Flashcards" },
];

/** Results in their groups (best first within each), at most `perGroup` shown, with how many more matched. */
export function groupResults<R extends Pick<SearchDocument, "kind">>(results: readonly R[], perGroup = 5): { label: string; shown: R[]; more: number }[] {
  return GROUPS.map((group) => {
    const all = results.filter((r) => group.kind.includes(r.kind));
    return { label: group.label, shown: all.slice(0, perGroup), more: Math.max(0, all.length - perGroup) };
  }).filter((g) => g.shown.length > 0);
}
