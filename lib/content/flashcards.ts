/**
 * Flashcards come from the lessons themselves: every <KeyTerm> and every
 * <Card> becomes one card, linked back to the section it appears in.
 */
import { slug } from "github-slugger";
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type {} from "remark-mdx";
import { visit } from "unist-util-visit";
import type { LessonHeading } from "./anchors";
import type { ContentProblem } from "./load";

export type FlashcardSource = "keyterm" | "card";

export interface FlashcardRecord {
  /** `<lessonSlug>/<github slug of the term or front>`: stable across rewording of the back. */
  id: string;
  lessonSlug: string;
  /** Anchor of the nearest preceding ## or ### heading; "" before the first one. */
  section: string;
  front: string;
  back: string;
  source: FlashcardSource;
  /** The KeyTerm's term (KeyTerm cards only). */
  term?: string;
  file: string;
  line: number;
}

type JsxElement = Extract<Nodes, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;

export const keyTermFront = (term: string) => `What is meant by "${term}"?`;
export const flashcardId = (lessonSlug: string, text: string) => `${lessonSlug}/${slug(text)}`;
export const normaliseWhitespace = (text: string) => text.replace(/\s+/g, " ").trim();

/** The element's children as plain text; block children are joined by a space so paragraphs do not run together. */
export function elementText(node: JsxElement): string {
  return normaliseWhitespace(node.children.map((child) => toString(child)).join(" "));
}

/** A string-literal prop, or an error message when it is missing or an expression. */
export function stringProp(node: JsxElement, name: string): { value: string } | { error: string } {
  const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  if (attribute === undefined) return { error: `<${node.name}> needs a ${name}="…" prop` };
  if (attribute.type !== "mdxJsxAttribute" || typeof attribute.value !== "string") {
    return { error: `<${node.name}> ${name} must be a plain string ("…"), not an expression` };
  }
  const value = normaliseWhitespace(attribute.value);
  return value === "" ? { error: `<${node.name}> ${name} is empty` } : { value };
}

interface LessonForCards {
  slug: string;
  file: string;
  tree: Root | null;
  headings: readonly LessonHeading[];
}

/**
 * The cards of one lesson in document order, plus problems for KeyTerm or
 * Card elements that cannot make a card. `headings` must be the lesson's
 * headings in document order (as collectHeadings returns them).
 */
export function extractFlashcards(lesson: LessonForCards): { flashcards: FlashcardRecord[]; problems: ContentProblem[] } {
  const flashcards: FlashcardRecord[] = [];
  const problems: ContentProblem[] = [];
  if (lesson.tree === null) return { flashcards, problems };
  let headingIndex = 0;
  let section = "";
  // unist-util-visit walks in document order, the same order collectHeadings used.
  visit(lesson.tree, (node) => {
    if (node.type === "heading") {
      const heading = lesson.headings[headingIndex++];
      if (heading && (heading.depth === 2 || heading.depth === 3)) section = heading.id;
      return;
    }
    if ((node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") || (node.name !== "KeyTerm" && node.name !== "Card")) return;
    const line = node.position?.start.line ?? 1;
    const base = { lessonSlug: lesson.slug, section, file: lesson.file, line };
    const problem = (message: string) => problems.push({ file: lesson.file, line, message, rule: "flashcard-invalid" });
    if (node.name === "KeyTerm") {
      const term = stringProp(node, "term");
      const back = elementText(node);
      if ("error" in term) return void problem(term.error);
      if (back === "") return void problem(`<KeyTerm term="${term.value}"> needs its definition between the tags`);
      flashcards.push({ ...base, id: flashcardId(lesson.slug, term.value), front: keyTermFront(term.value), back, source: "keyterm", term: term.value });
    } else {
      const front = stringProp(node, "front");
      const back = stringProp(node, "back");
      if ("error" in front) return void problem(front.error);
      if ("error" in back) return void problem(back.error);
      flashcards.push({ ...base, id: flashcardId(lesson.slug, front.value), front: front.value, back: back.value, source: "card" });
    }
  });
  return { flashcards, problems };
}
