/**
 * The documents of the client-side search (lessons, items, cards), built at
 * build time from the loaded content. Kept compact: plain text only, no
 * rationales or keys, so the index gives nothing away for practice.
 */
import { normaliseWhitespace } from "./flashcards";
import type { LoadedContent } from "./load";

export type SearchDocumentKind = "lesson" | "item" | "card";

export interface SearchDocument {
  /** `lesson:<slug>`, `item:<id>` or `card:<id>`: unique across kinds. */
  id: string;
  kind: SearchDocumentKind;
  title: string;
  text: string;
  /** Where the result leads: `/learn/<slug>` or `/learn/<slug>#<anchor>`. */
  href: string;
}

export const lessonHref = (slug: string, anchor = "") => (anchor === "" ? `/learn/${slug}` : `/learn/${slug}#${anchor}`);

const text = (...parts: string[]) => normaliseWhitespace(parts.filter((p) => p !== "").join(" "));

export function buildSearchDocuments(content: Pick<LoadedContent, "lessons" | "items" | "flashcards">): SearchDocument[] {
  const lessons = [...content.lessons].sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  const lessonDocuments = lessons.map((lesson): SearchDocument => {
    const keyTerms = content.flashcards.filter((c) => c.lessonSlug === lesson.slug && c.term !== undefined).map((c) => c.term ?? "");
    const headings = lesson.headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.text);
    return {
      id: `lesson:${lesson.slug}`,
      kind: "lesson",
      title: lesson.frontmatter.title,
      text: text(lesson.frontmatter.summary, ...keyTerms, ...headings),
      href: lessonHref(lesson.slug),
    };
  });
  const itemDocuments = content.items.map(
    (item): SearchDocument => ({
      id: `item:${item.id}`,
      kind: "item",
      title: normaliseWhitespace(item.leadIn),
      text: text(item.id, item.stem, item.leadIn),
      href: lessonHref(item.lesson, item.section),
    }),
  );
  const cardDocuments = content.flashcards.map(
    (card): SearchDocument => ({ id: `card:${card.id}`, kind: "card", title: card.front, text: card.back, href: lessonHref(card.lessonSlug, card.section) }),
  );
  return [...lessonDocuments, ...itemDocuments, ...cardDocuments];
}
