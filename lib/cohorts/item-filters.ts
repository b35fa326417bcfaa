/** Pure filtering of the items an instructor can put in a set (the builder runs it in the browser too). */

export type BuilderItem = {
  id: string;
  lessonSlug: string;
  domain: number;
  concepts: string[];
  difficulty: number;
  stem: string;
  leadIn: string;
  /** True for the instructor's own items, false for the shared bank. */
  own: boolean;
};

export type ItemFilter = {
  q?: string;
  domain?: number;
  concept?: string;
  lesson?: string;
  difficulty?: number;
  source?: "all" | "bank" | "mine";
};

const fold = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** Items matching every given filter; the search matches all words, in any order, in the id, stem, lead-in or concepts. */
export function filterItems<T extends BuilderItem>(items: readonly T[], filter: ItemFilter): T[] {
  const words = fold(filter.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  return items.filter((item) => {
    if (filter.domain && item.domain !== filter.domain) return false;
    if (filter.difficulty && item.difficulty !== filter.difficulty) return false;
    if (filter.lesson && item.lessonSlug !== filter.lesson) return false;
    if (filter.concept && !item.concepts.includes(filter.concept)) return false;
    if (filter.source === "bank" && item.own) return false;
    if (filter.source === "mine" && !item.own) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${item.id} ${item.stem} ${item.leadIn} ${item.concepts.join(" ")}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** The distinct concepts and lessons among the items, sorted, for the filter menus. */
export function filterOptions(items: readonly BuilderItem[]) {
  const concepts = new Set<string>();
  const lessons = new Set<string>();
  for (const item of items) {
    item.concepts.forEach((c) => concepts.add(c));
    lessons.add(item.lessonSlug);
  }
  return { concepts: [...concepts].sort(), lessons: [...lessons].sort() };
}
