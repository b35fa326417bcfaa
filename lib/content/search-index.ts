/**
 * The documents of the client-side search (lessons, their sections,
 * questions and flashcards), built at build time from the loaded content.
 * Kept compact: plain text only, no rationales or keys, so the index gives
 * nothing away for practice.
 */
import { normaliseWhitespace } from "./flashcards";
import type { LoadedContent } from "./load";
import { opening } from "./opening";

export { opening };

export type SearchDocumentKind = "lesson" | "section" | "item" | "card";

export interface SearchDocument {
  /** `lesson:<slug>`, `section:<slug>#<anchor>`, `item:<id>` or `card:<id>`: unique across kinds. */
  id: string;
  kind: SearchDocumentKind;
  /** What the result shows first: the lesson or heading title, the question's opening, the card's front. */
  title: string;
  /** The searchable text the snippet is cut from. */
  text: string;
  /** The lesson the result belongs to, for context. */
  lesson: string;
  /** Where the result leads: `/learn/<slug>` or `/learn/<slug>#<anchor>`. */
  href: string;
}

export const lessonHref = (slug: string, anchor = "") => (anchor === "" ? `/learn/${slug}` : `/learn/${slug}#${anchor}`);

const text = (...parts: string[]) => normaliseWhitespace(parts.filter((p) => p !== "").join(" "));

/** Concept slugs as words ("cross-generational-coalition" → "cross generational coalition"), so a question is found by its topic. */
const conceptWords = (concepts: readonly string[]) => concepts.map((c) => c.replaceAll("-", " "));

export function buildSearchDocuments(content: Pick<LoadedContent, "lessons" | "items" | "flashcards">): SearchDocument[] {
  const lessons = [...content.lessons].sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  const titles = new Map(lessons.map((l) => [l.slug, l.frontmatter.title]));
  const lessonDocuments = lessons.map((lesson): SearchDocument => {
    const keyTerms = content.flashcards.filter((c) => c.lessonSlug === lesson.slug && c.term !== undefined).map((c) => c.term ?? "");
    return {
      id: `lesson:${lesson.slug}`,
      kind: "lesson",
      title: lesson.frontmatter.title,
      text: text(lesson.frontmatter.summary, ...keyTerms),
      lesson: lesson.frontmatter.title,
      href: lessonHref(lesson.slug),
    };
  });
  const sectionDocuments = lessons.flatMap((lesson) =>
    lesson.headings
      .filter((h) => h.depth === 2 || h.depth === 3)
      .map((h): SearchDocument => ({ id: `section:${lesson.slug}#${h.id}`, kind: "section", title: h.text, text: h.text, lesson: lesson.frontmatter.title, href: lessonHref(lesson.slug, h.id) })),
  );
  const itemDocuments = content.items.map(
    (item): SearchDocument => ({
      id: `item:${item.id}`,
      kind: "item",
      title: opening(item.stem),
      text: text(item.id, item.stem, item.leadIn, ...conceptWords(item.concepts)),
      lesson: titles.get(item.lesson) ?? item.lesson,
      href: lessonHref(item.lesson, item.section),
    }),
  );
  const cardDocuments = content.flashcards.map(
    (card): SearchDocument => ({
      id: `card:${card.id}`,
      kind: "card",
      title: card.front,
      text: card.back,
      lesson: titles.get(card.lessonSlug) ?? card.lessonSlug,
      href: lessonHref(card.lessonSlug, card.section),
    }),
  );
  return [...lessonDocuments, ...sectionDocuments, ...itemDocuments, ...cardDocuments];
}
