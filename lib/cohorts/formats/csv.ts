/**
 * Items as CSV (one item a row, for spreadsheets) and the results exports.
 * RFC 4180 via papaparse; every cell that a spreadsheet would run as a
 * formula is neutralised.
 */
import Papa from "papaparse";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { MAX_IMPORT_QUESTIONS, tooManyQuestions, type ImportProblem, type ImportResult, type InstructorItem, type ParsedItem } from "./schema";
import { byLine, checkItem, duplicateIdChecker } from "./validate";
import { acceptDraft, type DraftImportResult, type DraftItem, type ParsedDraft } from "./draft";
import { splitQuestionText } from "./gift";
import { normaliseNewlines, quoteInput, stripLeadingBoms } from "@/lib/text";

export const ITEM_CSV_COLUMNS = [
  "id",
  "domain",
  "concepts",
  "difficulty",
  "stem",
  "lead_in",
  "option_a",
  "rationale_a",
  "option_b",
  "rationale_b",
  "option_c",
  "rationale_c",
  "option_d",
  "rationale_d",
  "key",
  "lesson",
  "section",
] as const;
export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

/** Columns a file may leave out: the server generates ids, and instructor items need no lesson. */
export const OPTIONAL_ITEM_CSV_COLUMNS: readonly ItemCsvColumn[] = ["id", "lesson", "section"];

/** Separator of the concepts cell ("joining; tracking"). */
export const CONCEPT_SEPARATOR = ";";

const CRLF = "\r\n";

// ── Formula injection ───────────────────────────────────────

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return)
 * as a formula; OWASP's advice is a leading single quote, which they show as
 * text. Quotes already in front of such a character get one more, so that
 * `unguardCell` can undo exactly what `guardCell` did.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export const guardCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
/** Inverse of guardCell, for cells of a file this module wrote (or a spreadsheet saved). */
export const unguardCell = (value: string) => (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

// ── Results ─────────────────────────────────────────────────

/**
 * An RFC 4180 CSV (CRLF line ends) of a header and rows, for the member ×
 * item and member × assignment exports. Strings are guarded against formula
 * injection; numbers are written as numbers (a negative score stays
 * numeric); null and non-finite numbers are empty cells. A route serving it
 * to Excel may prepend a UTF-8 byte order mark ("\uFEFF").
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null) => {
    if (value === null) return "";
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
    return guardCell(value);
  };
  return Papa.unparse({ fields: header.map(guardCell), data: rows.map((row) => row.map(cell)) }, { newline: CRLF });
}

// ── Items → CSV ─────────────────────────────────────────────

/** Items as CSV with ITEM_CSV_COLUMNS; parseItemsCsv reads it back to the same items. */
export function itemsToCsv(items: readonly InstructorItem[]): string {
  const data = items.map((item) => {
    const cells: Record<ItemCsvColumn, string> = {
      id: item.id ?? "",
      domain: String(item.domain),
      concepts: item.concepts.join(CONCEPT_SEPARATOR),
      difficulty: String(item.difficulty),
      stem: item.stem,
      lead_in: item.leadIn,
      option_a: item.options[0]?.text ?? "",
      rationale_a: item.options[0]?.rationale ?? "",
      option_b: item.options[1]?.text ?? "",
      rationale_b: item.options[1]?.rationale ?? "",
      option_c: item.options[2]?.text ?? "",
      rationale_c: item.options[2]?.rationale ?? "",
      option_d: item.options[3]?.text ?? "",
      rationale_d: item.options[3]?.rationale ?? "",
      key: item.key,
      lesson: item.lesson ?? "",
      section: item.section ?? "",
    };
    return ITEM_CSV_COLUMNS.map((column) => guardCell(cells[column]));
  });
  return Papa.unparse({ fields: [...ITEM_CSV_COLUMNS], data }, { newline: CRLF });
}

// ── CSV → items ─────────────────────────────────────────────

const QUOTE_PROBLEM = 'a quoted field is not closed (a " is missing, or a " inside it is not doubled as ""), so the rest of the file could not be read';

interface Row {
  line: number;
  cells: string[];
}

/** Spreadsheets saved in some locales separate with ";" or tabs; the header line tells. */
function detectDelimiter(headerLine: string): string {
  if (headerLine.includes(",")) return ",";
  if (headerLine.includes("\t")) return "\t";
  if (headerLine.includes(";")) return ";";
  return ",";
}

/**
 * Rows with the line each starts on. A quoted field may span lines, so the
 * line comes from papaparse's cursor (the offset where the row ends) rather
 * than from the row's index.
 */
function readRows(text: string): { rows: Row[]; problems: ImportProblem[] } {
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  const firstLine = text.split("\n").find((l) => l.trim() !== "") ?? "";
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: detectDelimiter(firstLine),
    newline: "\n",
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = result.meta.cursor;
      const rowLine = line;
      if (result.errors.some((e) => e.code === "MissingQuotes")) {
        problems.push({ line: rowLine, message: QUOTE_PROBLEM });
        parser.abort();
        return;
      }
      rows.push({ line: rowLine, cells: result.data });
      line += countNewlines(text, start, end);
      start = end;
    },
  });
  return { rows, problems };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** At most five names, each cut short, so a report never repeats a whole row. */
const listNames = (names: readonly string[]) =>
  names
    .slice(0, 5)
    .map((n) => quoteInput(n, 30))
    .join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");

const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** "3" → 3; "" → undefined (missing); anything else stays text so the report can quote it. */
function integerCell(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^[+-]?\d+(?:\.0+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const optionalCell = (value: string | undefined) => {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? undefined : trimmed;
};

function rawItem(cell: (column: ItemCsvColumn) => string): Record<string, unknown> {
  const options: { text: string; rationale: string }[] = [];
  OPTION_LETTERS.forEach((letter) => {
    const l = letter.toLowerCase() as "a" | "b" | "c" | "d";
    const text = cell(`option_${l}`);
    const rationale = cell(`rationale_${l}`);
    // An option with neither text nor rationale is absent, so "3 options" is reported as such.
    if (text.trim() !== "" || rationale.trim() !== "") options.push({ text, rationale });
  });
  const key = cell("key").trim().toUpperCase();
  const raw: Record<string, unknown> = {
    domain: integerCell(cell("domain")),
    concepts: cell("concepts")
      .split(CONCEPT_SEPARATOR)
      .map((c) => c.trim())
      .filter((c) => c !== ""),
    difficulty: integerCell(cell("difficulty")),
    stem: cell("stem"),
    leadIn: cell("lead_in"),
    options,
    key: key === "" ? undefined : key,
  };
  const id = optionalCell(cell("id"));
  const lesson = optionalCell(cell("lesson"));
  const section = optionalCell(cell("section"));
  if (id !== undefined) raw.id = id;
  if (lesson !== undefined) raw.lesson = lesson;
  if (section !== undefined) raw.section = section;
  return raw;
}

/**
 * Items from a CSV with a header row naming ITEM_CSV_COLUMNS (any order,
 * any case; id, lesson and section may be left out). Each bad row is
 * reported at the line it starts on, counting the lines of multi-line
 * quoted fields; good rows are parsed regardless. Header problems (missing,
 * unknown or repeated columns) are reported once, at the header's line.
 */
export function parseItemsCsv(text: string): ImportResult {
  const source = normaliseNewlines(stripLeadingBoms(text));
  const expected = ITEM_CSV_COLUMNS.join(", ");
  if (source.trim() === "") return { items: [], problems: [{ line: 1, message: `the file is empty; the first row names the columns: ${expected}` }], rows: 0 };

  const { rows, problems } = readRows(source);
  const headerIndex = rows.findIndex((r) => !isBlank(r.cells));
  const headerRow = rows[headerIndex];
  if (headerRow === undefined) return { items: [], problems: [{ line: 1, message: `the file has no header row; the first row names the columns: ${expected}` }, ...problems], rows: 0 };
  const allDataRows = rows.slice(headerIndex + 1).filter((r) => !isBlank(r.cells));
  const dataRows = allDataRows.slice(0, MAX_IMPORT_QUESTIONS);
  const cutAt = allDataRows[MAX_IMPORT_QUESTIONS];
  if (cutAt !== undefined) problems.push(tooManyQuestions(cutAt.line));

  const header = headerRow.cells.map(normaliseHeader);
  const known = new Set<string>(ITEM_CSV_COLUMNS);
  const missing = ITEM_CSV_COLUMNS.filter((c) => !header.includes(c) && !OPTIONAL_ITEM_CSV_COLUMNS.includes(c));
  const unknown = header.filter((h) => h !== "" && !known.has(h));
  const repeated = [...new Set(header.filter((h, i) => h !== "" && header.indexOf(h) !== i))];
  if (missing.length > 0) problems.push({ line: headerRow.line, message: `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (the header names ${expected})` });
  if (unknown.length > 0) problems.push({ line: headerRow.line, message: `unknown column${unknown.length > 1 ? "s" : ""}: ${listNames(unknown)} (the header names ${expected})` });
  if (repeated.length > 0) problems.push({ line: headerRow.line, message: `column${repeated.length > 1 ? "s" : ""} named twice: ${listNames(repeated)}` });
  if (missing.length > 0 || repeated.length > 0) return { items: [], problems: problems.sort(byLine), rows: dataRows.length };

  const position = new Map(header.map((h, i) => [h, i] as const));
  const items: ParsedItem[] = [];
  const duplicate = duplicateIdChecker();
  for (const row of dataRows) {
    const extra = row.cells.slice(header.length);
    if (row.cells.length < header.length || !isBlank(extra)) {
      problems.push({
        line: row.line,
        message: `this row has ${row.cells.length} cells but the header has ${header.length}; a cell containing a comma, quote or line break must be in double quotes`,
      });
      continue;
    }
    const cell = (column: ItemCsvColumn) => {
      const at = position.get(column);
      return at === undefined ? "" : unguardCell(row.cells[at] ?? "");
    };
    const { item, problems: rowProblems } = checkItem(rawItem(cell), row.line);
    problems.push(...rowProblems);
    if (item === null) continue;
    const repeat = duplicate(item, row.line);
    if (repeat) problems.push(repeat);
    else items.push({ line: row.line, item });
  }
  return { items, problems: problems.sort(byLine), rows: dataRows.length };
}

// ── CSV → drafts ────────────────────────────────────────────

/** A question in one cell: the last paragraph (or sentence) is the lead-in, as in GIFT. */
const splitStem = (text: string) => splitQuestionText(text);

/** Columns the draft reader knows: the item columns, two more options and a category (question-set name). */
export const DRAFT_CSV_COLUMNS = [...ITEM_CSV_COLUMNS, "option_e", "rationale_e", "option_f", "rationale_f", "category"] as const;
/** The least a row needs to be a draft: some question text, two options and the key. */
const DRAFT_REQUIRED = ["option_a", "option_b", "key"] as const;

/**
 * Every row of a CSV that is a single-answer multiple-choice question with
 * 2–6 options (option_a … option_f) and a key letter, as a draft with
 * warnings (see draft.ts). Only lead_in or stem, the options and the key are
 * needed; domain, concepts, difficulty and rationales are optional.
 */
export function readCsvDrafts(text: string): DraftImportResult {
  const source = normaliseNewlines(stripLeadingBoms(text));
  const drafts: ParsedDraft[] = [];
  const refused: ImportProblem[] = [];
  const fileProblems: ImportProblem[] = [];
  const needed = `${DRAFT_REQUIRED.join(", ")} and lead_in or stem`;
  if (source.trim() === "") return { drafts, refused, rows: 0, fileProblems: [{ line: 1, message: `the file is empty; the first row names the columns (at least ${needed})` }] };
  const { rows, problems } = readRows(source);
  fileProblems.push(...problems);
  const headerIndex = rows.findIndex((r) => !isBlank(r.cells));
  const headerRow = rows[headerIndex];
  if (headerRow === undefined) return { drafts, refused, rows: 0, fileProblems: [{ line: 1, message: `the file has no header row (at least ${needed})` }, ...fileProblems] };
  const allDataRows = rows.slice(headerIndex + 1).filter((r) => !isBlank(r.cells));
  const dataRows = allDataRows.slice(0, MAX_IMPORT_QUESTIONS);
  const cutAt = allDataRows[MAX_IMPORT_QUESTIONS];
  if (cutAt !== undefined) fileProblems.push(tooManyQuestions(cutAt.line));

  const header = headerRow.cells.map(normaliseHeader);
  const known = new Set<string>(DRAFT_CSV_COLUMNS);
  const missing: string[] = DRAFT_REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes("lead_in") && !header.includes("stem")) missing.push("lead_in or stem");
  const unknown = header.filter((h) => h !== "" && !known.has(h));
  const repeated = [...new Set(header.filter((h, i) => h !== "" && header.indexOf(h) !== i))];
  if (missing.length > 0) fileProblems.push({ line: headerRow.line, message: `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` });
  if (unknown.length > 0) fileProblems.push({ line: headerRow.line, message: `unknown column${unknown.length > 1 ? "s" : ""} ignored: ${listNames(unknown)}` });
  if (repeated.length > 0) fileProblems.push({ line: headerRow.line, message: `column${repeated.length > 1 ? "s" : ""} named twice: ${listNames(repeated)}` });
  if (missing.length > 0 || repeated.length > 0) return { drafts, refused, rows: dataRows.length, fileProblems: fileProblems.sort(byLine) };

  const position = new Map(header.map((h, i) => [h, i] as const));
  for (const row of dataRows) {
    if (row.cells.length < header.length || !isBlank(row.cells.slice(header.length))) {
      refused.push({ line: row.line, message: `this row has ${row.cells.length} cells but the header has ${header.length}; a cell containing a comma, quote or line break must be in double quotes` });
      continue;
    }
    const cell = (column: string) => {
      const at = position.get(column);
      return at === undefined ? "" : unguardCell(row.cells[at] ?? "");
    };
    const options: { text: string; rationale: string }[] = [];
    const letters: string[] = [];
    for (const l of ["a", "b", "c", "d", "e", "f"]) {
      const optionText = cell(`option_${l}`);
      const rationale = cell(`rationale_${l}`);
      if (optionText.trim() === "" && rationale.trim() === "") continue;
      options.push({ text: optionText, rationale });
      letters.push(l.toUpperCase());
    }
    const keyCell = cell("key").trim().toUpperCase();
    const keyIndex = letters.indexOf(keyCell);
    if (keyCell === "") {
      refused.push({ line: row.line, message: "the key is missing: write the letter of the correct option (A–F) in the key column" });
      continue;
    }
    if (keyIndex === -1) {
      refused.push({ line: row.line, message: `the key "${quoteInput(keyCell, 10)}" is not the letter of an option in this row` });
      continue;
    }
    const int = (value: string) => {
      const n = integerCell(value);
      return typeof n === "number" ? n : undefined;
    };
    let stem = cell("stem");
    let leadIn = cell("lead_in");
    if (leadIn.trim() === "" && stem.trim() !== "") ({ stem, leadIn } = splitStem(stem));
    const draft: DraftItem = {
      ...(optionalCell(cell("id")) !== undefined ? { ref: optionalCell(cell("id"))! } : {}),
      ...(optionalCell(cell("category")) !== undefined ? { category: optionalCell(cell("category"))! } : {}),
      ...(int(cell("domain")) !== undefined ? { domain: int(cell("domain"))! } : {}),
      concepts: cell("concepts")
        .split(CONCEPT_SEPARATOR)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
      ...(int(cell("difficulty")) !== undefined ? { difficulty: int(cell("difficulty"))! } : {}),
      ...(optionalCell(cell("lesson")) !== undefined ? { lesson: optionalCell(cell("lesson"))! } : {}),
      ...(optionalCell(cell("section")) !== undefined ? { section: optionalCell(cell("section"))! } : {}),
      stem,
      leadIn,
      options,
      keyIndex,
    };
    const warnings: string[] = [];
    if (cell("domain").trim() !== "" && draft.domain === undefined) warnings.push(`domain "${quoteInput(cell("domain").trim(), 20)}" is not a number; it was left unset`);
    if (cell("difficulty").trim() !== "" && draft.difficulty === undefined) warnings.push(`difficulty "${quoteInput(cell("difficulty").trim(), 20)}" is not a number; it was left unset`);
    const before = drafts.length;
    acceptDraft(draft, row.line, drafts, refused);
    if (drafts.length > before) drafts[drafts.length - 1]!.warnings.unshift(...warnings);
  }
  return { drafts, refused: refused.sort(byLine), rows: dataRows.length, fileProblems: fileProblems.sort(byLine) };
}
