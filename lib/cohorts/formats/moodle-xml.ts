/**
 * Items as Moodle XML (Question bank → Import → Moodle XML format): one
 * single-answer multichoice question per item, the rationales as per-answer
 * feedback. Export only; Systemic imports CSV and GIFT.
 */
import { XMLBuilder } from "fast-xml-parser";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { splitParagraphs } from "@/lib/text";
import type { InstructorItem } from "./schema";

// Characters XML 1.0 forbids even when escaped; a pasted text can carry them.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const escapeHtml = (text: string) =>
  text
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * Plain item text as the HTML Moodle's editor would hold: paragraphs at blank
 * lines, <br> at single line breaks, every character escaped so a "<" in a
 * vignette is shown, not interpreted. The XML builder then escapes the HTML
 * once more as element text (no CDATA, so no "]]>" edge case).
 */
export function textToHtml(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** An answer is a line of a list, not a paragraph: line breaks only, so themes add no paragraph margins. */
export const textToInlineHtml = (text: string) => escapeHtml(text).replace(/\n/g, "<br>");

const html = (text: string) => ({ "@_format": "html", text: text === "" ? "" : textToHtml(text) });

const RATIONALE_PREFIX = /^(?:in)?correct\.\s*/i;

/** A set title as one Moodle category name: Moodle reads "/" as a nested category and "//" as a slash in the name. */
export const moodleCategorySegment = (title: string) => title.replace(/\//g, "//");

export interface MoodleXmlOptions {
  /** Moodle question category to import into, e.g. "$course$/top/Systemic". Omitted: Moodle asks. */
  category?: string;
}

function question(item: InstructorItem, index: number) {
  const keyIndex = OPTION_LETTERS.indexOf(item.key);
  const key = item.options[keyIndex];
  const name = item.id ?? `Item ${index + 1}`;
  // Answers may be shuffled, so the general feedback names the key by its text, not its letter.
  const general = key ? `The answer is “${key.text}”.\n\n${key.rationale.replace(RATIONALE_PREFIX, "")}` : "";
  const tags = [`domain-${item.domain}`, `difficulty-${item.difficulty}`, ...item.concepts, ...(item.lesson ? [`lesson-${item.lesson}`] : [])];
  return {
    "@_type": "multichoice",
    name: { text: name },
    questiontext: html(`${item.stem}\n\n${item.leadIn}`),
    generalfeedback: html(general),
    defaultgrade: "1",
    penalty: "0.3333333",
    hidden: "0",
    idnumber: item.id ?? "",
    single: "true",
    shuffleanswers: "true",
    answernumbering: "ABCD",
    showstandardinstruction: "0",
    correctfeedback: html(""),
    partiallycorrectfeedback: html(""),
    incorrectfeedback: html(""),
    answer: item.options.map((option, i) => ({
      "@_fraction": i === keyIndex ? "100" : "0",
      "@_format": "html",
      text: textToInlineHtml(option.text),
      feedback: html(option.rationale),
    })),
    tags: { tag: tags.map((text) => ({ text })) },
  };
}

/** A Moodle XML quiz file of the items, in order. */
export function itemsToMoodleXml(items: readonly InstructorItem[], options: MoodleXmlOptions = {}): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: false });
  const category = options.category ? [{ "@_type": "category", category: { text: options.category } }] : [];
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    quiz: { question: [...category, ...items.map(question)] },
  }) as string;
}
