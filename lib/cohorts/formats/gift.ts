/**
 * Items as Moodle GIFT. Export writes one multiple-choice question per item;
 * import reads GIFT from Systemic or from Moodle with the gift-pegjs parser.
 *
 * Conventions, so that export → import gives back the same items:
 * - The title `::…::` is the item id.
 * - GIFT has one question text; it is the stem, a blank line (`\n\n`), then
 *   the lead-in. On import the last paragraph is the lead-in; a text with no
 *   blank line is split before its last sentence, so a hand-written
 *   "Stem. Stem. What should the therapist do next?" works as expected.
 * - Answers are in A–D order, the key marked `=`, distractors `~`, each
 *   rationale as the answer's `#feedback`.
 * - What GIFT has no place for travels in a comment line before the
 *   question: `// systemic: domain=3; concepts=joining,tracking; difficulty=2`
 *   (plus `lesson=` and `section=` when the item has them). Moodle ignores it.
 * - Text is escaped with GIFT's backslash escapes (\~ \= \# \{ \} \: \\ and
 *   \n for a line break). A text that would otherwise start with something
 *   GIFT reads as syntax (`[html]`, a `%50%` weight, `//`) is preceded by the
 *   explicit default format `[moodle]`, which both Moodle and gift-pegjs strip.
 *   An answer containing "->" (which would make the question a matching
 *   one) is written as `[html]` with `-&gt;`.
 * - Known limit of gift-pegjs: it uses "&&092;"-style placeholders for
 *   escapes internally, so a text containing such a sequence literally
 *   would come back changed.
 */
import { parse, type GIFTQuestion, type MultipleChoice, type TextFormat } from "gift-pegjs";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { MAX_IMPORT_QUESTIONS, tooManyQuestions, type ImportProblem, type ImportResult, type InstructorItem, type ParsedItem } from "./schema";
import { byLine, checkItem, duplicateIdChecker } from "./validate";
import { isBlankLine, quoteInput, lastBlankLine, limitBlankLines, normaliseNewlines, stripLeadingBoms, stripTags, trimAroundNewlines } from "@/lib/text";

const METADATA = /^\/\/\s*systemic\s*:(.*)$/i;
const METADATA_KEYS = ["domain", "concepts", "difficulty", "lesson", "section"] as const;
type MetadataKey = (typeof METADATA_KEYS)[number];
const REQUIRED_METADATA: readonly MetadataKey[] = ["domain", "concepts", "difficulty"];
export const GIFT_METADATA_EXAMPLE = "// systemic: domain=3; concepts=joining,tracking; difficulty=2";

// ── Export ──────────────────────────────────────────────────

/** GIFT's escapes for its control characters and line breaks. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, "\\n");
}

/** Escaped text, guarded when its start would be read as a format, a weight or a comment. */
function giftText(text: string): string {
  const escaped = escapeGift(text);
  return /^(?:\[|%|\/\/)/.test(escaped) ? `[moodle]${escaped}` : escaped;
}

/**
 * An answer or feedback text. Both gift-pegjs and Moodle take an answer
 * block holding "=" and "->" for a matching question, and GIFT has no escape
 * for ">", so a text with "->" is written as HTML with "-&gt;". The HTML has
 * no tags (only &amp; &lt; &gt;), which htmlToText decodes back exactly.
 */
function giftAnswerText(text: string): string {
  if (!text.includes("->")) return giftText(text);
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `[html]${escapeGift(html)}`;
}

function metadataLine(item: InstructorItem): string {
  const parts = [`domain=${item.domain}`, `concepts=${item.concepts.join(",")}`, `difficulty=${item.difficulty}`];
  if (item.lesson !== undefined) parts.push(`lesson=${item.lesson}`);
  if (item.section !== undefined) parts.push(`section=${item.section}`);
  return `// systemic: ${parts.join("; ")}`;
}

function itemToGift(item: InstructorItem): string {
  const keyIndex = OPTION_LETTERS.indexOf(item.key);
  const title = item.id === undefined ? "" : `::${escapeGift(item.id)}::`;
  const answers = item.options.map((option, i) => `${i === keyIndex ? "=" : "~"}${giftAnswerText(option.text)}#${giftAnswerText(option.rationale)}`);
  return [metadataLine(item), `${title}${giftText(`${item.stem}\n\n${item.leadIn}`)} {`, ...answers, "}"].join("\n");
}

/** Items as a GIFT file that Moodle imports and parseGift reads back to the same items. */
export function itemsToGift(items: readonly InstructorItem[]): string {
  const header = [
    "// Multiple-choice items exported from Systemic (GIFT format, for Moodle).",
    "// Each \"// systemic:\" line keeps an item's domain, concepts and difficulty for re-import.",
  ].join("\n");
  return `${[header, ...items.map(itemToGift)].join("\n\n")}\n`;
}

// ── Import ──────────────────────────────────────────────────

interface Block {
  /** Line of the block's first line. */
  line: number;
  lines: string[];
}

/** GIFT separates questions with blank lines (gift-pegjs and Moodle agree). */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split("\n").forEach((content, i) => {
    if (isBlankLine(content)) {
      current = null;
      return;
    }
    if (current === null) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(content);
  });
  return blocks;
}

/** The named entities Moodle's editor and word processors write; numeric ones are decoded separately. */
const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", deg: "°", plusmn: "±", times: "×", divide: "÷",
  frac12: "½", frac14: "¼", frac34: "¾", le: "≤", ge: "≥", ne: "≠", minus: "−", rarr: "→", larr: "←", harr: "↔",
  copy: "©", reg: "®", trade: "™", sect: "§", para: "¶", euro: "€", pound: "£", yen: "¥", cent: "¢", shy: "\u00ad",
  iexcl: "¡", iquest: "¿", szlig: "ß", thinsp: "\u2009", ensp: "\u2002", emsp: "\u2003", zwj: "\u200d", zwnj: "\u200c",
  agrave: "à", aacute: "á", acirc: "â", atilde: "ã", auml: "ä", aring: "å", aelig: "æ", ccedil: "ç",
  egrave: "è", eacute: "é", ecirc: "ê", euml: "ë", igrave: "ì", iacute: "í", icirc: "î", iuml: "ï",
  ntilde: "ñ", ograve: "ò", oacute: "ó", ocirc: "ô", otilde: "õ", ouml: "ö", oslash: "ø",
  ugrave: "ù", uacute: "ú", ucirc: "û", uuml: "ü", yacute: "ý", yuml: "ÿ",
  Agrave: "À", Aacute: "Á", Acirc: "Â", Atilde: "Ã", Auml: "Ä", Aring: "Å", AElig: "Æ", Ccedil: "Ç",
  Egrave: "È", Eacute: "É", Ecirc: "Ê", Euml: "Ë", Igrave: "Ì", Iacute: "Í", Icirc: "Î", Iuml: "Ï",
  Ntilde: "Ñ", Ograve: "Ò", Oacute: "Ó", Ocirc: "Ô", Otilde: "Õ", Ouml: "Ö", Oslash: "Ø",
  Ugrave: "Ù", Uacute: "Ú", Ucirc: "Û", Uuml: "Ü", Yacute: "Ý",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Moodle exports its editor's HTML; items are plain text with paragraphs.
 * HTML without tags (as giftAnswerText writes it) only has its entities
 * decoded, so its whitespace and line breaks come back exactly.
 */
export function htmlToText(html: string): string {
  if (!/<[a-z/!]/i.test(html)) return decodeEntities(html).trim();
  const text = stripTags(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(?:p|div|li|h[1-6]|blockquote)>/gi, "\n\n"));
  return limitBlankLines(trimAroundNewlines(decodeEntities(text))).trim();
}

const plain = (text: TextFormat | null | undefined) => (text ? (text.format === "html" ? htmlToText(text.text) : text.text) : "");

/**
 * Stem and lead-in of a GIFT question text: the last paragraph is the
 * lead-in; without paragraphs, the last sentence. A single sentence is all
 * lead-in (and the schema then asks for a stem).
 */
export function splitQuestionText(text: string): { stem: string; leadIn: string } {
  const trimmed = text.trim();
  const lastBreak = lastBlankLine(trimmed);
  if (lastBreak !== null) return { stem: trimmed.slice(0, lastBreak.start).trim(), leadIn: trimmed.slice(lastBreak.end).trim() };
  const at = lastSentenceEnd(trimmed);
  if (at !== null) return { stem: trimmed.slice(0, at).trim(), leadIn: trimmed.slice(at).trim() };
  return { stem: "", leadIn: trimmed };
}

/** Words whose full stop does not end a sentence ("Mr. Ito", "e.g. a parent"). */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "cf", "no", "approx", "dept", "fig"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);

/**
 * Where the last sentence of `text` starts: after the last ".", "!", "?" or
 * "…" (and any closing quotes or brackets) that is followed by whitespace and
 * more text, and is not the full stop of an abbreviation. One backward pass.
 */
export function lastSentenceEnd(text: string): number | null {
  for (let i = text.length - 1; i > 0; i--) {
    const ch = text[i]!;
    if (!/\s/.test(ch)) continue;
    // i is whitespace: walk back over the run and the closers before it.
    let j = i;
    while (j > 0 && /\s/.test(text[j - 1]!)) j--;
    let p = j - 1;
    while (p >= 0 && CLOSERS.has(text[p]!)) p--;
    const mark = text[p];
    if (p >= 0 && (mark === "." || mark === "!" || mark === "?" || mark === "…")) {
      if (mark === ".") {
        let w = p;
        while (w > 0 && /[\p{L}.]/u.test(text[w - 1]!)) w--;
        const word = text.slice(w, p).toLowerCase();
        if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) {
          i = j;
          continue;
        }
      }
      return j;
    }
    i = j;
  }
  return null;
}

type Metadata = Partial<Record<MetadataKey, string>>;

function readMetadata(comment: string, line: number, problems: ImportProblem[]): Metadata {
  const body = METADATA.exec(comment.trim())?.[1] ?? "";
  const metadata: Metadata = {};
  for (const part of body.split(";")) {
    if (part.trim() === "") continue;
    const at = part.indexOf("=");
    const name = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? "" : part.slice(at + 1).trim();
    if (!(METADATA_KEYS as readonly string[]).includes(name)) {
      problems.push({ line, message: `unknown setting "${quoteInput(name, 40)}" in the // systemic: line (use ${METADATA_KEYS.join(", ")})` });
      continue;
    }
    if (at === -1 || value === "") {
      problems.push({ line, message: `"${quoteInput(name, 40)}" in the // systemic: line has no value (write ${quoteInput(name, 40)}=…)` });
      continue;
    }
    metadata[name as MetadataKey] = value;
  }
  return metadata;
}

const integer = (value: string | undefined) => (value === undefined ? undefined : /^[+-]?\d+$/.test(value) ? Number(value) : value);

const KIND: Record<GIFTQuestion["type"], string> = {
  Description: "text without answers (a description)",
  Category: "a category",
  MC: "a multiple-choice question",
  Numerical: "a numerical question",
  Short: "a short-answer question",
  Essay: "an essay question",
  TF: "a true/false question",
  Matching: "a matching question",
};

const SPECIAL = "~=#{}:";

function syntaxMessage(error: { found: string | null; location: { start: { column: number } } }): string {
  if (error.found === null) return "the question ends too early; is a } missing?";
  if (SPECIAL.includes(error.found))
    return `"${error.found}" at column ${error.location.start.column} is GIFT syntax here; to use it as text write \\${error.found}`;
  return `GIFT could not read "${error.found}" at column ${error.location.start.column}`;
}

function isSyntaxError(error: unknown): error is { found: string | null; location: { start: { line: number; column: number } } } {
  return typeof error === "object" && error !== null && "location" in error && "found" in error;
}

/** Problems a multiple-choice question has as an item, before the schema sees it. */
function choiceProblems(question: MultipleChoice): string[] {
  const problems: string[] = [];
  if (question.hasEmbeddedAnswers) problems.push("the answers are in the middle of the text (fill in the blank); put them after the question");
  const weighted = question.choices.filter((c) => c.weight !== null && c.weight !== (c.isCorrect ? 100 : 0));
  if (weighted.length > 0) problems.push("partial-credit weights (like %50%) are not supported; mark the key with = and the distractors with ~");
  const keys = question.choices.filter((c) => c.isCorrect).length;
  if (keys !== 1) problems.push(`an item has exactly one key: mark it with = and the distractors with ~ (found ${keys} marked =)`);
  return problems;
}

/**
 * Items from a GIFT file. Only multiple-choice questions with one key (`=`)
 * and four answers become items; every other question, and every malformed
 * one, is reported at the line where it starts (syntax errors at their own
 * line). Domain, concepts and difficulty come from a `// systemic:` comment
 * line before the question (see GIFT_METADATA_EXAMPLE); a question without
 * them is reported. Categories and other comments are skipped.
 */
export function parseGift(text: string): ImportResult {
  const source = normaliseNewlines(stripLeadingBoms(text));
  const problems: ImportProblem[] = [];
  const items: ParsedItem[] = [];
  const duplicate = duplicateIdChecker();
  let rows = 0;
  let pending: { line: number; metadata: Metadata } | null = null;

  for (const block of splitBlocks(source)) {
    let metadata: Metadata = {};
    let metadataLine: number | null = null;
    let first = 0;
    while (first < block.lines.length && (block.lines[first] ?? "").trimStart().startsWith("//")) {
      const comment = block.lines[first] ?? "";
      if (METADATA.test(comment.trim())) {
        metadataLine = block.line + first;
        metadata = { ...metadata, ...readMetadata(comment, metadataLine, problems) };
      }
      first++;
    }
    const body = block.lines.slice(first);
    const line = block.line + first;
    if (body.length === 0) {
      if (metadataLine !== null) {
        if (pending) problems.push({ line: pending.line, message: "this // systemic: line is not followed by a question" });
        pending = { line: metadataLine, metadata };
      }
      continue;
    }
    if ((body[0] ?? "").trimStart().startsWith("$CATEGORY:")) continue;
    if (metadataLine === null && pending) metadata = pending.metadata;
    else if (pending) problems.push({ line: pending.line, message: "this // systemic: line is not followed by a question" });
    pending = null;
    if (rows === MAX_IMPORT_QUESTIONS) {
      problems.push(tooManyQuestions(line));
      break;
    }
    rows++;

    let questions: GIFTQuestion[];
    try {
      questions = parse(body.join("\n"));
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      problems.push({ line: line + error.location.start.line - 1, message: syntaxMessage(error) });
      continue;
    }
    const real = questions.filter((q) => q.type !== "Category");
    if (real.length > 1) {
      problems.push({ line, message: "separate questions with a blank line" });
      continue;
    }
    const question = real[0];
    if (question === undefined) continue;
    if (question.type !== "MC") {
      const allKeys = question.type === "Short" && question.choices.length > 1;
      problems.push({
        line,
        message: allKeys
          ? "every answer is marked =; mark the key with = and the distractors with ~"
          : `only multiple-choice questions can be imported (this is ${KIND[question.type]})`,
      });
      continue;
    }

    const ownProblems = choiceProblems(question);
    const split = splitQuestionText(plain(question.stem));
    if (split.stem === "") ownProblems.push("the question has no stem: write the vignette, a blank line (\\n\\n), then the question");
    const missing = REQUIRED_METADATA.filter((k) => metadata[k] === undefined);
    if (missing.length > 0) ownProblems.push(`${missing.join(", ")} missing: add a line like "${GIFT_METADATA_EXAMPLE}" before the question`);

    const keyIndex = question.choices.filter((c) => c.isCorrect).length === 1 ? question.choices.findIndex((c) => c.isCorrect) : -1;
    const raw: Record<string, unknown> = {
      domain: integer(metadata.domain),
      concepts: metadata.concepts
        ?.split(",")
        .map((c) => c.trim())
        .filter((c) => c !== ""),
      difficulty: integer(metadata.difficulty),
      stem: split.stem,
      leadIn: split.leadIn,
      options: question.choices.map((c) => ({ text: plain(c.text), rationale: plain(c.feedback) })),
      key: OPTION_LETTERS[keyIndex],
    };
    const title = question.title?.trim();
    if (title) raw.id = title;
    if (metadata.lesson !== undefined) raw.lesson = metadata.lesson;
    if (metadata.section !== undefined) raw.section = metadata.section;

    const ignore = [...missing, ...(keyIndex === -1 ? ["key"] : []), ...(split.stem === "" ? ["stem"] : [])];
    const checked = checkItem(raw, line, ignore);
    problems.push(...ownProblems.map((message) => ({ line, message })), ...checked.problems);
    if (checked.item === null || ownProblems.length > 0) continue;
    const repeat = duplicate(checked.item, line);
    if (repeat) problems.push(repeat);
    else items.push({ line, item: checked.item });
  }
  if (pending) problems.push({ line: pending.line, message: "this // systemic: line is not followed by a question" });
  return { items, problems: problems.sort(byLine), rows };
}
