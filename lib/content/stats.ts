/**
 * Counts over the bank, printed by `npm run content:check -- --json` so
 * authors can see coverage by domain and lesson and the spread of keys.
 */
import { keyCounts, type KeyCounts } from "./lint";
import type { LoadedContent } from "./load";
import { DOMAIN_IDS } from "./schema";

export interface ContentStats {
  lessons: number;
  items: number;
  flashcards: number;
  /** Items per AMFTRB domain; every domain 1–6 is present, zero when empty. */
  itemsPerDomain: Record<string, number>;
  /** Items per lesson slug; every lesson is present, zero when it has no items. */
  itemsPerLesson: Record<string, number>;
  /** How often each letter is the key, over the whole bank. */
  keyPositions: KeyCounts;
  keyPositionsPerLesson: Record<string, KeyCounts>;
  flashcardsPerLesson: Record<string, number>;
}

const countBy = <T>(records: readonly T[], keyOf: (r: T) => string, start: Record<string, number> = {}) => {
  const counts: Record<string, number> = { ...start };
  for (const record of records) counts[keyOf(record)] = (counts[keyOf(record)] ?? 0) + 1;
  return counts;
};

export function contentStats(content: Pick<LoadedContent, "lessons" | "items" | "flashcards">): ContentStats {
  const byOrder = [...content.lessons].sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  const zeroPerLesson = Object.fromEntries(byOrder.map((l) => [l.slug, 0]));
  const lessonSlugs = [...new Set([...byOrder.map((l) => l.slug), ...content.items.map((i) => i.lesson)])];
  return {
    lessons: content.lessons.length,
    items: content.items.length,
    flashcards: content.flashcards.length,
    itemsPerDomain: countBy(content.items, (i) => String(i.domain), Object.fromEntries(DOMAIN_IDS.map((d) => [String(d), 0]))),
    itemsPerLesson: countBy(content.items, (i) => i.lesson, zeroPerLesson),
    keyPositions: keyCounts(content.items),
    keyPositionsPerLesson: Object.fromEntries(lessonSlugs.map((slug) => [slug, keyCounts(content.items.filter((i) => i.lesson === slug))])),
    flashcardsPerLesson: countBy(content.flashcards, (c) => c.lessonSlug, zeroPerLesson),
  };
}
