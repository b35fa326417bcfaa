/**
 * Heading anchors, computed from the lesson's mdast exactly as rehype-slug
 * computes them on the rendered hast: every heading h1–h6 in document order,
 * one github-slugger per document (so a repeated heading gets `-1`, `-2`…),
 * over the heading's text as hast-util-to-string sees it. Items and links are
 * checked against these anchors, so any drift from the renderer would let a
 * broken link pass the check.
 */
import GithubSlugger from "github-slugger";
import type { Heading, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";

export interface LessonHeading {
  depth: Heading["depth"];
  text: string;
  /** The anchor rehype-slug gives this heading. */
  id: string;
  /** 1-based line in the lesson file. */
  line: number;
}

// mdast-util-to-hast trims spaces and tabs around line endings in text.
const trimLines = (value: string) => value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, "$1");

/**
 * The text of a heading as hast-util-to-string reads the rendered element:
 * only text (inline code becomes text too); image alt text and MDX
 * expressions contribute nothing, unlike mdast-util-to-string.
 */
export function headingText(node: Nodes): string {
  switch (node.type) {
    case "text":
      return trimLines(node.value);
    case "inlineCode":
      return node.value.replace(/\r?\n|\r/g, " ");
    case "break":
      return "\n";
    case "image":
    case "imageReference":
    case "mdxTextExpression":
    case "mdxFlowExpression":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(headingText).join("") : "";
  }
}

/** Anchors for heading texts in document order, with github-slugger's duplicate suffixes. */
export function slugHeadings(texts: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return texts.map((text) => slugger.slug(text));
}

/** Every heading of a lesson (all depths, document order) with its anchor. */
export function collectHeadings(tree: Root): LessonHeading[] {
  const found: Omit<LessonHeading, "id">[] = [];
  visit(tree, "heading", (node) => {
    found.push({ depth: node.depth, text: headingText(node), line: node.position?.start.line ?? 1 });
  });
  const ids = slugHeadings(found.map((h) => h.text));
  return found.map((h, i) => ({ ...h, id: ids[i] ?? "" }));
}
