/**
 * A linear reader of Moodle GIFT, written to behave as Moodle's own importer
 * does where the gift-pegjs grammar did not: a plain ":" is text (only a
 * leading `::title::` is syntax), `%100%` on a `~` answer marks the key,
 * `//` comment lines are dropped wherever they are, a question may follow
 * its `$CATEGORY:` line directly, `####` general feedback is kept, and every
 * question type is named when it is refused.
 *
 * One pass over each question's characters; no regular expression runs over
 * unbounded text with backtracking, so the cost is linear in the file.
 */
import { isBlankLine, normaliseNewlines, quoteInput, stripLeadingBoms } from "@/lib/text";
import { acceptDraft, DRAFT_LETTERS, type DraftImportResult, type DraftItem, type ParsedDraft } from "./draft";
import { GIFT_METADATA_EXAMPLE, htmlToText, splitQuestionText } from "./gift";
import { MAX_IMPORT_QUESTIONS, tooManyQuestions, type ImportProblem, type ImportResult, type ParsedItem } from "./schema";
import { byLine as problemOrder, checkItem, duplicateIdChecker } from "./validate";

const METADATA = /^\/\/\s*systemic\s*:(.*)$/i;
const METADATA_KEYS = ["domain", "concepts", "difficulty", "lesson", "section"] as const;
type MetadataKey = (typeof METADATA_KEYS)[number];
export type GiftMetadata = Partial<Record<MetadataKey, string>>;

/** What a refused question is, in the words of the message. */
export const GIFT_KINDS = {
  description: "text without answers (a description)",
  essay: "an essay question",
  trueFalse: "a true/false question",
  numerical: "a numerical question",
  shortAnswer: "a short-answer question",
  matching: "a matching question",
  missingWord: "a missing-word question (the answers are inside the text)",
  multipleAnswer: "a multiple-answer question (several answers earn credit)",
} as const;

const onlyMc = (kind: string) => `only single-answer multiple-choice questions can be imported (this is ${kind})`;

interface Line {
  text: string;
  /** 1-based line in the file. */
  number: number;
}

/** GIFT separates questions with blank lines (Moodle does the same). */
function splitBlocks(lines: readonly string[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] | null = null;
  lines.forEach((text, i) => {
    if (isBlankLine(text)) {
      current = null;
      return;
    }
    if (current === null) {
      current = [];
      blocks.push(current);
    }
    current.push({ text, number: i + 1 });
  });
  return blocks;
}

/** Index of the first unescaped `ch` at or after `from`, or -1. */
function findUnescaped(text: string, ch: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === ch) return i;
  }
  return -1;
}

function findUnescapedPair(text: string, pair: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === pair[0] && text[i + 1] === pair[1]) return i;
  }
  return -1;
}

/** GIFT's escapes: \~ \= \# \{ \} \: \\ and \n for a line break; any other backslash stays. */
export function unescapeGift(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\" || i === text.length - 1) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    if (next === "n") out += "\n";
    else if ("~=#{}:\\".includes(next)) out += next;
    else out += `\\${next}`;
    i++;
  }
  return out;
}

type Format = "html" | "moodle" | "plain" | "markdown";
const FORMATS: readonly Format[] = ["html", "moodle", "plain", "markdown"];

/** A leading `[html]`/`[moodle]`/`[plain]`/`[markdown]` and the text after it. */
function splitFormat(text: string): { format: Format | null; rest: string } {
  const trimmed = text.trimStart();
  if (trimmed[0] === "[") {
    const close = trimmed.indexOf("]");
    const name = close > 0 && close < 12 ? trimmed.slice(1, close).toLowerCase() : "";
    if ((FORMATS as readonly string[]).includes(name)) return { format: name as Format, rest: trimmed.slice(close + 1) };
  }
  return { format: null, rest: text };
}

/** Text of a GIFT part in plain text: escapes undone, declared HTML made text. */
function giftPlain(raw: string, inherited: Format | null, formatSplit = false): string {
  const { format, rest } = formatSplit ? { format: null, rest: raw } : splitFormat(raw);
  const effective = format ?? inherited;
  const text = unescapeGift(rest).trim();
  if (effective === "markdown") return markdownToText(text);
  // Moodle's default ("moodle") format is plain text to this reader, so a "<tag>" written as text stays text.
  return effective === "html" ? htmlToText(text) : text;
}

/**
 * Markdown's inline markers (bold, italic, code) dropped: items are plain
 * text. Each pattern is a run of non-marker characters between two markers,
 * so matching is linear.
 */
export function markdownToText(text: string): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/__([^_\n]+)__/g, "$1")
    .replace(/\*([^*\n]+)\*/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1");
}

interface Answer {
  marker: "=" | "~";
  weight: number | null;
  raw: string;
  feedback: string;
}

type Scan =
  | { ok: true; title: string | null; format: Format | null; questionRaw: string; answers: Answer[]; generalFeedback: string | null }
  | { ok: false; offset: number; message: string };

function readWeight(text: string): { weight: number | null; rest: string } {
  const t = text.trimStart();
  if (t[0] !== "%") return { weight: null, rest: text };
  const close = t.indexOf("%", 1);
  if (close === -1 || close > 12) return { weight: null, rest: text };
  const value = t.slice(1, close);
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return { weight: null, rest: text };
  return { weight: Number(value), rest: t.slice(close + 1) };
}

/** Reads one question (comments already removed) into its parts, or the reason it is not a multiple-choice question. */
function scanQuestion(src: string): Scan {
  let i = 0;
  while (i < src.length && /\s/.test(src[i]!)) i++;
  let title: string | null = null;
  if (src.startsWith("::", i)) {
    const end = findUnescapedPair(src, "::", i + 2);
    if (end === -1) return { ok: false, offset: i, message: "the title starting with :: is not closed with ::" };
    title = unescapeGift(src.slice(i + 2, end)).trim();
    i = end + 2;
  }
  const open = findUnescaped(src, "{", i);
  if (open === -1) {
    const stray = findUnescaped(src, "}", i);
    if (stray !== -1) return { ok: false, offset: stray, message: 'a "}" without its "{": write \\} for a brace in the text' };
    return { ok: false, offset: i, message: onlyMc(GIFT_KINDS.description) };
  }
  const close = findUnescaped(src, "}", open + 1);
  if (close === -1) return { ok: false, offset: open, message: "the question ends too early; is a } missing?" };
  const nested = findUnescaped(src.slice(0, close), "{", open + 1);
  if (nested !== -1) return { ok: false, offset: nested, message: 'a "{" inside the answers: write \\{ for a brace in the text' };
  const after = src.slice(close + 1);
  if (after.trim() !== "") return { ok: false, offset: open, message: onlyMc(GIFT_KINDS.missingWord) };

  const { format, rest: questionRaw } = splitFormat(src.slice(i, open));
  const inner = src.slice(open + 1, close);
  const body = inner.trim();
  if (body === "") return { ok: false, offset: open, message: onlyMc(GIFT_KINDS.essay) };
  const head = body.split(/[\s#]/, 1)[0]!.toUpperCase();
  if (head === "T" || head === "F" || head === "TRUE" || head === "FALSE") return { ok: false, offset: open, message: onlyMc(GIFT_KINDS.trueFalse) };
  if (body[0] === "#") return { ok: false, offset: open, message: onlyMc(GIFT_KINDS.numerical) };

  const answers: Answer[] = [];
  let generalFeedback: string | null = null;
  let current: Answer | null = null;
  let inFeedback = false;
  let j = 0;
  let text = "";
  const flush = () => {
    if (current === null) return;
    if (inFeedback) current.feedback = text;
    else current.raw = text;
  };
  for (; j < inner.length; j++) {
    const c = inner[j]!;
    if (c === "\\") {
      text += inner.slice(j, j + 2);
      j++;
      continue;
    }
    if (c === "=" || c === "~") {
      flush();
      current = { marker: c, weight: null, raw: "", feedback: "" };
      answers.push(current);
      inFeedback = false;
      text = "";
      continue;
    }
    if (c === "#" && inner.startsWith("####", j)) {
      flush();
      generalFeedback = inner.slice(j + 4);
      current = null;
      break;
    }
    if (c === "#" && current !== null && !inFeedback) {
      current.raw = text;
      inFeedback = true;
      text = "";
      continue;
    }
    if (current === null && !/\s/.test(c)) return { ok: false, offset: open + 1 + j, message: `answers start with = (the key) or ~ (a distractor); found "${quoteInput(inner.slice(j, j + 20), 20)}"` };
    text += c;
  }
  flush();
  for (const a of answers) {
    const { weight, rest } = readWeight(a.raw);
    a.weight = weight;
    a.raw = rest;
  }
  if (answers.some((a) => a.marker === "=" && a.raw.includes("->"))) return { ok: false, offset: open, message: onlyMc(GIFT_KINDS.matching) };
  if (answers.length > 0 && answers.every((a) => a.marker === "=")) {
    return {
      ok: false,
      offset: open,
      message: answers.length > 1 ? `${onlyMc(GIFT_KINDS.shortAnswer)}: every answer is marked =; mark the key with = and the distractors with ~` : onlyMc(GIFT_KINDS.shortAnswer),
    };
  }
  return { ok: true, title, format, questionRaw, answers, generalFeedback };
}

/** The key of a multiple-choice question: its one full-credit answer, or why there is none. */
function keyOf(answers: readonly Answer[]): { keyIndex: number } | { message: string } {
  const credit = answers.map((a) => a.weight ?? (a.marker === "=" ? 100 : 0));
  const partial = credit.filter((w) => w > 0 && w < 100);
  if (partial.length > 0) {
    return { message: `${onlyMc(GIFT_KINDS.multipleAnswer)}: answers with partial credit such as %${partial[0]}% have no place in an item; mark the key with = (or ~%100%) and the distractors with ~` };
  }
  const keys = credit.flatMap((w, i) => (w >= 100 ? [i] : []));
  if (keys.length === 0) return { message: "the question has no key: mark the correct answer with = (or ~%100%)" };
  if (keys.length > 1) return { message: `${keys.length} answers are marked correct; a single-answer question has exactly one key (mark the others with ~)` };
  return { keyIndex: keys[0]! };
}

function readMetadata(comment: string, line: number, problems: ImportProblem[]): GiftMetadata {
  const body = METADATA.exec(comment.trim())?.[1] ?? "";
  const metadata: GiftMetadata = {};
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

/**
 * A Moodle category path as a question-set name: "$course$/top/Family
 * therapy/Structural" → "Family therapy / Structural". Moodle writes a "/"
 * inside a category name as "//".
 */
export function categoryName(path: string): string {
  const segments: string[] = [];
  let current = "";
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "/" && path[i + 1] === "/") {
      current += "/";
      i++;
    } else if (path[i] === "/") {
      segments.push(current);
      current = "";
    } else current += path[i];
  }
  segments.push(current);
  const named = segments.map((s) => s.trim()).filter((s) => s !== "");
  while (named.length > 0 && /^\$[a-z]+\$$/i.test(named[0]!)) named.shift();
  if (named.length > 1 && named[0]!.toLowerCase() === "top") named.shift();
  if (named.length === 1 && named[0]!.toLowerCase() === "top") return "";
  return named.join(" / ");
}

const integer = (value: string | undefined) => (value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : undefined);

export interface GiftDraftRead extends DraftImportResult {
  /** Per draft (same order), the metadata its `// systemic:` line gave and where that line was. */
  metadata: { given: GiftMetadata; line: number | null }[];
}

/**
 * Every single-answer multiple-choice question of a GIFT file as a draft
 * with warnings; every other question refused at its line with its type
 * named; syntax errors at their own line.
 */
export function readGiftDrafts(text: string): GiftDraftRead {
  const lines = normaliseNewlines(stripLeadingBoms(text)).split("\n");
  const drafts: ParsedDraft[] = [];
  const refused: ImportProblem[] = [];
  const fileProblems: ImportProblem[] = [];
  const metadataOf: GiftDraftRead["metadata"] = [];
  let rows = 0;
  let category: string | undefined;
  let pending: { line: number; metadata: GiftMetadata } | null = null;
  const unfollowed = (line: number) => fileProblems.push({ line, message: "this // systemic: line is not followed by a question" });

  for (const block of splitBlocks(lines)) {
    let metadata: GiftMetadata = {};
    let metadataLine: number | null = null;
    const body: Line[] = [];
    for (const line of block) {
      const trimmed = line.text.trim();
      if (trimmed.startsWith("//")) {
        if (METADATA.test(trimmed)) {
          metadataLine = line.number;
          metadata = { ...metadata, ...readMetadata(trimmed, line.number, fileProblems) };
        }
        continue;
      }
      if (body.length === 0 && trimmed.startsWith("$CATEGORY:")) {
        category = categoryName(trimmed.slice("$CATEGORY:".length)) || undefined;
        continue;
      }
      body.push(line);
    }
    if (body.length === 0) {
      if (metadataLine !== null) {
        if (pending) unfollowed(pending.line);
        pending = { line: metadataLine, metadata };
      }
      continue;
    }
    if (metadataLine === null && pending) {
      metadata = pending.metadata;
      metadataLine = pending.line;
    } else if (pending) unfollowed(pending.line);
    pending = null;
    const line = body[0]!.number;
    if (rows === MAX_IMPORT_QUESTIONS) {
      fileProblems.push(tooManyQuestions(line));
      break;
    }
    rows++;

    const src = body.map((l) => l.text).join("\n");
    const scan = scanQuestion(src);
    if (!scan.ok) {
      let at = 0;
      for (let k = 0; k < scan.offset && k < src.length; k++) if (src.charCodeAt(k) === 0x0a) at++;
      refused.push({ line: body[at]?.number ?? line, message: scan.message });
      continue;
    }
    const key = keyOf(scan.answers);
    if ("message" in key) {
      refused.push({ line, message: key.message });
      continue;
    }
    const split = splitQuestionText(giftPlain(scan.questionRaw, scan.format, true));
    const concepts = (metadata.concepts ?? "")
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    const draft: DraftItem = {
      ...(scan.title ? { ref: scan.title } : {}),
      ...(category ? { category } : {}),
      ...(integer(metadata.domain) !== undefined ? { domain: integer(metadata.domain) } : {}),
      concepts,
      ...(integer(metadata.difficulty) !== undefined ? { difficulty: integer(metadata.difficulty) } : {}),
      ...(metadata.lesson !== undefined ? { lesson: metadata.lesson } : {}),
      ...(metadata.section !== undefined ? { section: metadata.section } : {}),
      stem: split.stem,
      leadIn: split.leadIn,
      options: scan.answers.map((a) => ({ text: giftPlain(a.raw, scan.format), rationale: giftPlain(a.feedback, scan.format) })),
      keyIndex: key.keyIndex,
      ...(scan.generalFeedback !== null && scan.generalFeedback.trim() !== "" ? { generalFeedback: giftPlain(scan.generalFeedback, scan.format) } : {}),
    };
    const before = drafts.length;
    acceptDraft(draft, line, drafts, refused);
    if (drafts.length > before) metadataOf.push({ given: metadata, line: metadataLine });
  }
  if (pending) unfollowed(pending.line);
  const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
  return { drafts, refused: refused.sort(byLine), rows, fileProblems: fileProblems.sort(byLine), metadata: metadataOf };
}

const REQUIRED_METADATA = ["domain", "concepts", "difficulty"] as const;
const integerOrText = (value: string | undefined) => (value === undefined ? undefined : /^[+-]?\d+$/.test(value) ? Number(value) : value);

/**
 * Items from a GIFT file at the bank's bar (the round trip of the app's own
 * export, and the strict check): a question becomes an item only when it
 * has a `// systemic:` line (see GIFT_METADATA_EXAMPLE), four options with
 * rationales and passes the bank's lint; everything else is a problem at
 * the question's line. readGiftDrafts is the lenient reading for imports.
 */
export function parseGift(text: string): ImportResult {
  const read = readGiftDrafts(text);
  const problems: ImportProblem[] = [...read.refused, ...read.fileProblems];
  const items: ParsedItem[] = [];
  const duplicate = duplicateIdChecker();
  read.drafts.forEach(({ line, draft }, index) => {
    const given = read.metadata[index]?.given ?? {};
    const own: string[] = [];
    if (draft.stem === "") own.push("the question has no stem: write the vignette, a blank line (\\n\\n), then the question");
    const missing = REQUIRED_METADATA.filter((k) => given[k] === undefined);
    if (missing.length > 0) own.push(`${missing.join(", ")} missing: add a line like "${GIFT_METADATA_EXAMPLE}" before the question`);
    const raw: Record<string, unknown> = {
      domain: integerOrText(given.domain),
      concepts: given.concepts === undefined ? undefined : draft.concepts,
      difficulty: integerOrText(given.difficulty),
      stem: draft.stem,
      leadIn: draft.leadIn,
      options: draft.options,
      key: DRAFT_LETTERS[draft.keyIndex],
    };
    if (draft.ref) raw.id = draft.ref;
    if (draft.lesson !== undefined) raw.lesson = draft.lesson;
    if (draft.section !== undefined) raw.section = draft.section;
    const ignore = [...missing, ...(draft.stem === "" ? ["stem"] : [])];
    const checked = checkItem(raw, line, ignore);
    problems.push(...own.map((message) => ({ line, message })), ...checked.problems);
    if (checked.item === null || own.length > 0) return;
    const repeat = duplicate(checked.item, line);
    if (repeat) problems.push(repeat);
    else items.push({ line, item: checked.item });
  });
  return { items, problems: problems.sort(problemOrder), rows: read.rows };
}
