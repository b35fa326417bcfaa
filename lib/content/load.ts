/**
 * Reads content/ into typed records. Pure reading and parsing: bad content
 * never throws, it becomes a ContentProblem with the file and line to fix,
 * so `npm run content:check` can report every problem in one run.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { collectHeadings, type LessonHeading } from "./anchors";
import { extractFlashcards, type FlashcardRecord } from "./flashcards";
import {
  blueprintSchema,
  itemSchema,
  lessonFrontmatterSchema,
  OPTION_LETTERS,
  type Blueprint,
  type ItemSource,
  type LessonFrontmatter,
} from "./schema";

export const CONTENT_RULES = [
  // files and frontmatter
  "yaml-syntax",
  "items-file",
  "frontmatter",
  "blueprint",
  // lessons
  "lesson-slug",
  "lesson-order",
  "mdx-compile",
  "family-map",
  "lesson-exam-section",
  "lesson-self-check",
  "lesson-vignette",
  "broken-link",
  // flashcards
  "flashcard-invalid",
  "flashcard-duplicate-id",
  "flashcard-duplicate-definition",
  // items
  "item-schema",
  "item-four-options",
  "item-one-key",
  "item-rationale",
  "item-rationale-prefix",
  "item-lesson",
  "item-section",
  "item-blueprint",
  "item-duplicate-id",
  "item-duplicate-option",
  "item-all-none-above",
  "item-negative-lead-in",
  "item-key-length",
  "item-lead-in-question",
  "item-key-spread",
  // cue checks (lib/content/cues.ts)
  "item-option-justification",
  "item-option-length",
  "item-stem-echo",
  "item-absolute-distractor",
  "item-signal-only-key",
  "item-concept-in-lead-in",
  "item-key-citation",
  "item-near-duplicate-stem",
] as const;
export type ContentRule = (typeof CONTENT_RULES)[number];

export interface ContentProblem {
  /** Path from the project root, with forward slashes: `content/items/x.yaml`. */
  file: string;
  /** 1-based line. */
  line: number;
  message: string;
  rule: ContentRule;
}

export interface LessonSource {
  file: string;
  /** The frontmatter slug (the lint checks it equals the file name). */
  slug: string;
  frontmatter: LessonFrontmatter;
  /** Line of each frontmatter key, by dotted path (`order`, `references.0.year`). */
  frontmatterLines: Record<string, number>;
  /** The MDX after the frontmatter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
  /** Parsed body; positions are lines of the whole file. null when the MDX does not parse. */
  tree: Root | null;
  /** Every heading (h1–h6) in document order with its rehype-slug anchor. */
  headings: LessonHeading[];
  anchors: string[];
}

export type ItemRecord = ItemSource & {
  file: string;
  /** Line of the item's first key. */
  line: number;
  /** Line of each field by dotted path (`leadIn`, `options.2.rationale`). */
  lines: Record<string, number>;
};

export interface LoadedContent {
  lessons: LessonSource[];
  items: ItemRecord[];
  flashcards: FlashcardRecord[];
  blueprints: Blueprint[];
  problems: ContentProblem[];
}

// ── YAML positions ──────────────────────────────────────────

type YamlNode = { range?: [number, number, number] | null } | null | undefined;

const lineOf = (lineCounter: LineCounter, node: YamlNode) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);

/**
 * The line of the YAML node at `path` (a zod issue path); when the path
 * does not exist (a missing key) the line of its deepest existing parent.
 */
export function yamlPathLine(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let line = lineOf(lineCounter, node as YamlNode) ?? 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) break;
      line = lineOf(lineCounter, pair.value as YamlNode) ?? lineOf(lineCounter, pair.key as YamlNode) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (item === undefined) break;
      line = lineOf(lineCounter, item as YamlNode) ?? line;
      node = item;
    } else break;
  }
  return line;
}

/** Lines of every key and list entry under `node`, by dotted path, shifted by `offset`. */
export function yamlLines(node: unknown, lineCounter: LineCounter, offset = 0, prefix = "", out: Record<string, number> = {}) {
  const at = (p: string, n: YamlNode, fallback?: YamlNode) => {
    const line = lineOf(lineCounter, n) ?? lineOf(lineCounter, fallback);
    if (line !== undefined) out[p] = line + offset;
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      const p = join(prefix, String(isScalar(pair.key) ? pair.key.value : pair.key));
      at(p, pair.value as YamlNode, pair.key as YamlNode);
      yamlLines(pair.value, lineCounter, offset, p, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = join(prefix, String(i));
      at(p, item as YamlNode);
      yamlLines(item, lineCounter, offset, p, out);
    });
  }
  return out;
}

const join = (prefix: string, key: string) => (prefix === "" ? key : `${prefix}.${key}`);

/** yaml's messages end with " at line 3, column 5:" for its own text; our lines may be shifted, so drop it. */
export const yamlErrorMessage = (message: string) => (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");

function parseYaml(source: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const errors = doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, message: yamlErrorMessage(e.message) }));
  return { doc, lineCounter, errors };
}

// ── Lessons ─────────────────────────────────────────────────

/** Splits `---`-fenced YAML frontmatter from the body; null when the file does not start with one. */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | null {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return null;
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (close === -1) return null;
  return { yaml: lines.slice(1, close).join("\n"), body: lines.slice(close + 1).join("\n"), bodyLine: close + 2 };
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The body with blank lines in place of the frontmatter, so parser and compiler positions are lines of the file. */
export const padBody = (body: string, bodyLine: number) => "\n".repeat(Math.max(0, bodyLine - 1)) + body;

/** Parses a lesson body as MDX (GFM + JSX); node positions are lines of the file. Throws on invalid MDX. */
export function parseLessonBody(body: string, bodyLine: number): Root {
  return mdxParser.parse(padBody(body, bodyLine));
}

/** Line and message of an MDX parse error (a VFileMessage from micromark). */
export function mdxErrorPosition(error: unknown): { line: number | undefined; message: string } {
  const e = error as { line?: number | null; reason?: string; message?: string };
  return { line: typeof e.line === "number" ? e.line : undefined, message: e.reason ?? e.message ?? String(error) };
}

export const fileSlug = (file: string) => path.basename(file).replace(/\.[^.]+$/, "");

/** Parses one lesson file. `lesson` is null when its frontmatter is missing or invalid. */
export function parseLesson(file: string, source: string): { lesson: LessonSource | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number, message: string, rule: ContentRule = "frontmatter") => problems.push({ file, line, message, rule });
  const split = splitFrontmatter(source);
  if (split === null) {
    problem(1, "a lesson starts with YAML frontmatter between two --- lines");
    return { lesson: null, problems };
  }
  // The frontmatter text starts on line 2, after the opening ---.
  const { doc, lineCounter, errors } = parseYaml(split.yaml);
  errors.forEach((e) => problem(e.line + 1, `frontmatter YAML: ${e.message}`));
  if (errors.length > 0) return { lesson: null, problems };
  const parsed = lessonFrontmatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      problem(yamlPathLine(doc, lineCounter, issue.path) + 1, `frontmatter ${where}${issue.message}`);
    }
    return { lesson: null, problems };
  }
  let tree: Root | null = null;
  try {
    tree = parseLessonBody(split.body, split.bodyLine);
  } catch (error) {
    const { line, message } = mdxErrorPosition(error);
    problem(line ?? split.bodyLine, `MDX does not parse: ${message}`, "mdx-compile");
  }
  const headings = tree ? collectHeadings(tree) : [];
  return {
    lesson: {
      file,
      slug: parsed.data.slug,
      frontmatter: parsed.data,
      frontmatterLines: yamlLines(doc.contents, lineCounter, 1),
      body: split.body,
      bodyLine: split.bodyLine,
      tree,
      headings,
      anchors: headings.map((h) => h.id),
    },
    problems,
  };
}

// ── Items ───────────────────────────────────────────────────

/** Line of an item field by dotted path, falling back to the item's own line. */
import { itemLine, optionLetter } from "./item-rules";
export { itemLine, optionLetter };

type ZodIssueLike = { path: PropertyKey[]; message: string };

/** Names the rule an item schema issue breaks, with a message in the bank's words. */
export function classifyItemIssue(issue: ZodIssueLike, raw: Record<string, unknown>): { rule: ContentRule; message: string } {
  const [field, index, sub] = issue.path;
  if (field === "options" && issue.path.length === 1) {
    const count = Array.isArray(raw.options) ? raw.options.length : 0;
    return { rule: "item-four-options", message: `an item has exactly four options (found ${count})` };
  }
  if (field === "options" && sub === "rationale") {
    return { rule: "item-rationale", message: `option ${optionLetter(Number(index))} needs a rationale` };
  }
  if (field === "key") {
    return Array.isArray(raw.key)
      ? { rule: "item-one-key", message: "an item has exactly one key (one of A, B, C, D)" }
      : { rule: "item-one-key", message: `key must be one of A, B, C, D (found ${raw.key === undefined ? "none" : JSON.stringify(raw.key)})` };
  }
  return { rule: "item-schema", message: `${issue.path.join(".") || "item"}: ${issue.message}` };
}

/** Parses one items file (a YAML list of items); invalid items are left out and reported. */
export function parseItemsFile(file: string, source: string): { items: ItemRecord[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const items: ItemRecord[] = [];
  const { doc, lineCounter, errors } = parseYaml(source);
  errors.forEach((e) => problems.push({ file, line: e.line, message: `YAML: ${e.message}`, rule: "yaml-syntax" }));
  if (errors.length > 0) return { items, problems };
  if (doc.contents === null) return { items, problems };
  if (!isSeq(doc.contents)) {
    problems.push({ file, line: lineOf(lineCounter, doc.contents as YamlNode) ?? 1, message: "an items file is a YAML list (each item starts with `- id:`)", rule: "items-file" });
    return { items, problems };
  }
  const rawItems = doc.toJS() as unknown[];
  doc.contents.items.forEach((node, i) => {
    const raw = rawItems[i];
    const line = lineOf(lineCounter, node as YamlNode) ?? 1;
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? `${(raw as { id: string }).id}: ` : "";
      for (const issue of parsed.error.issues) {
        const { rule, message } = classifyItemIssue(issue, (raw ?? {}) as Record<string, unknown>);
        problems.push({ file, line: yamlPathLine(doc, lineCounter, [i, ...issue.path]), message: id + message, rule });
      }
      return;
    }
    items.push({ ...parsed.data, file, line, lines: yamlLines(node, lineCounter) });
  });
  return { items, problems };
}

// ── Blueprints ──────────────────────────────────────────────

export function parseBlueprintFile(file: string, source: string): { blueprint: Blueprint | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const { doc, lineCounter, errors } = parseYaml(source);
  errors.forEach((e) => problems.push({ file, line: e.line, message: `YAML: ${e.message}`, rule: "yaml-syntax" }));
  if (errors.length > 0) return { blueprint: null, problems };
  const parsed = blueprintSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      problems.push({ file, line: yamlPathLine(doc, lineCounter, issue.path), message: `blueprint ${where}${issue.message}`, rule: "blueprint" });
    }
    return { blueprint: null, problems };
  }
  if (parsed.data.id !== fileSlug(file)) {
    const line = yamlPathLine(doc, lineCounter, ["id"]);
    problems.push({ file, line, message: `blueprint id "${parsed.data.id}" must equal the file name "${fileSlug(file)}"`, rule: "blueprint" });
  }
  return { blueprint: parsed.data, problems };
}

// ── The whole content directory ─────────────────────────────

async function listFiles(dir: string, extension: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(extension) && !n.startsWith(".")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function readAll(root: string, folder: string, extension: string): Promise<{ file: string; source: string }[]> {
  const names = await listFiles(path.join(root, "content", folder), extension);
  return Promise.all(
    names.map(async (name) => ({ file: `content/${folder}/${name}`, source: await readFile(path.join(root, "content", folder, name), "utf8") })),
  );
}

/**
 * Loads content/lessons/*.mdx, content/items/*.yaml and
 * content/blueprints/*.yaml under `root`. Lessons with invalid frontmatter
 * and items that fail the schema are left out of the result and reported in
 * `problems`; only I/O failures other than a missing folder throw.
 */
export async function loadContent(root: string = process.cwd()): Promise<LoadedContent> {
  const [lessonFiles, itemFiles, blueprintFiles] = await Promise.all([
    readAll(root, "lessons", ".mdx"),
    readAll(root, "items", ".yaml"),
    readAll(root, "blueprints", ".yaml"),
  ]);
  const content: LoadedContent = { lessons: [], items: [], flashcards: [], blueprints: [], problems: [] };
  for (const { file, source } of lessonFiles) {
    const { lesson, problems } = parseLesson(file, source);
    content.problems.push(...problems);
    if (lesson === null) continue;
    content.lessons.push(lesson);
    const cards = extractFlashcards(lesson);
    content.flashcards.push(...cards.flashcards);
    content.problems.push(...cards.problems);
  }
  for (const { file, source } of itemFiles) {
    const { items, problems } = parseItemsFile(file, source);
    content.items.push(...items);
    content.problems.push(...problems);
  }
  for (const { file, source } of blueprintFiles) {
    const { blueprint, problems } = parseBlueprintFile(file, source);
    if (blueprint) content.blueprints.push(blueprint);
    content.problems.push(...problems);
  }
  return content;
}
