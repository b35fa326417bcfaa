/**
 * An instructor's own item: the bank's item shape (lib/content/schema.ts)
 * without the fields the server fills in (author, written, blueprint) and
 * with id, lesson and section optional. Shared by the item editor, the CSV
 * and GIFT importers and the exporters, so a file that imports is exactly an
 * item the editor would accept.
 */
import { z } from "zod";
import { DOMAIN_IDS, OPTION_LETTERS, type OptionLetter } from "@/lib/content/schema";
import { collapseSpaces, normaliseNewlines, unsafeCharacterMessage } from "@/lib/text";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (what: string) => z.string().regex(SLUG, `${what} uses lower-case words joined by dashes`);

/**
 * Whitespace normalisation applied to every text field. GIFT collapses runs
 * of spaces and cannot carry a leading or trailing space, so the schema does
 * the same up front: then an item survives CSV and GIFT round trips exactly.
 * Single line breaks and blank lines inside a text are kept.
 */
export function normaliseItemText(value: string): string {
  return collapseSpaces(normaliseNewlines(value)).trim();
}

/**
 * A lead-in is one question on one line: line breaks become spaces. This is
 * also what lets GIFT keep stem and lead-in apart (the lead-in is the last
 * paragraph of the question text).
 */
export function normaliseLeadIn(value: string): string {
  return collapseSpaces(normaliseNewlines(value), "space").trim();
}

/** "Family Mapping" and "family_mapping" both become the slug "family-mapping". */
export const normaliseConcept = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

/** Questions read from one file at most; a larger bank is imported in parts. */
export const MAX_IMPORT_QUESTIONS = 5_000;
export const tooManyQuestions = (line: number) => ({
  line,
  message: `the file has more than ${MAX_IMPORT_QUESTIONS.toLocaleString("en")} questions; reading stopped here, so split the file and import the rest separately`,
});

export const ITEM_LIMITS = {
  idLength: 100,
  stemMin: 40,
  stemMax: 5000,
  leadInMin: 10,
  leadInMax: 500,
  optionMax: 1000,
  rationaleMax: 3000,
  conceptsMax: 12,
} as const;

/** Control characters and lone surrogates cannot be stored (PostgreSQL refuses them); the message names the field. */
const storable = (what: string) => (value: string, ctx: z.RefinementCtx) => {
  const message = unsafeCharacterMessage(value, what);
  if (message !== null) ctx.addIssue({ code: "custom", message, fatal: true });
};

const text = (what: string, min: number, max: number, tooShort?: string, unsafeWhat = what) =>
  z
    .string({ message: `${what} is missing` })
    .superRefine(storable(unsafeWhat))
    .transform(normaliseItemText)
    .pipe(
      z
        .string()
        .min(1, { message: `${what} is empty`, abort: true })
        .min(min, { message: tooShort ?? `${what} needs at least ${min} characters`, abort: true })
        .max(max, `${what} is too long (at most ${max} characters)`),
    );

export const instructorOptionSchema = z
  .object({
    text: text("option text", 1, ITEM_LIMITS.optionMax, undefined, "the text"),
    rationale: text("rationale", 1, ITEM_LIMITS.rationaleMax, undefined, "the rationale"),
  })
  .strict();

const RATIONALE_PREFIX = /^(?:in)?correct\b/i;

/**
 * Bank rationales start with "Correct." or "Incorrect."; files from Moodle
 * and hand-written items often do not. The missing prefix is added from the
 * key rather than rejected: it carries no information the key does not. A
 * rationale that starts with the wrong one (the key's saying "Incorrect.")
 * is left for the lint to report, because it suggests a miskey.
 */
function withRationalePrefixes<T extends { options: { text: string; rationale: string }[]; key: OptionLetter }>(item: T): T {
  const keyIndex = OPTION_LETTERS.indexOf(item.key);
  return {
    ...item,
    options: item.options.map((option, i) =>
      RATIONALE_PREFIX.test(option.rationale) ? option : { ...option, rationale: `${i === keyIndex ? "Correct." : "Incorrect."} ${option.rationale}` },
    ),
  };
}

const domainMessage = "domain must be a whole number from 1 to 6";
const difficultyMessage = "difficulty must be 1 (recall), 2 (application) or 3 (analysis)";

export const instructorItemSchema = z
  .object({
    /** The instructor's own reference (a GIFT title, a CSV id); the server decides the stored id. */
    id: z
      .string()
      .transform((v) => v.trim())
      .pipe(
        z
          .string()
          .min(1, { message: "id is empty", abort: true })
          .max(ITEM_LIMITS.idLength, `id is too long (at most ${ITEM_LIMITS.idLength} characters)`)
          .regex(/^[^\p{Cc}]+$/u, "id must be on one line"),
      )
      .optional(),
    lesson: slug("lesson").optional(),
    section: slug("section").optional(),
    domain: z.number({ message: domainMessage }).int(domainMessage).min(1, domainMessage).max(DOMAIN_IDS.length, domainMessage),
    concepts: z
      .array(z.string().transform(normaliseConcept).pipe(slug("a concept")), { message: "concepts are missing" })
      .min(1, "list at least one concept")
      .max(ITEM_LIMITS.conceptsMax, `at most ${ITEM_LIMITS.conceptsMax} concepts`),
    difficulty: z.number({ message: difficultyMessage }).int(difficultyMessage).min(1, difficultyMessage).max(3, difficultyMessage),
    stem: text("the stem", ITEM_LIMITS.stemMin, ITEM_LIMITS.stemMax, `the stem should be a vignette of a few sentences (at least ${ITEM_LIMITS.stemMin} characters)`),
    leadIn: z
      .string({ message: "the lead-in is missing" })
      .superRefine(storable("the lead-in"))
      .transform(normaliseLeadIn)
      .pipe(
        z
          .string()
          .min(1, { message: "the lead-in is empty", abort: true })
          .min(ITEM_LIMITS.leadInMin, { message: `the lead-in needs at least ${ITEM_LIMITS.leadInMin} characters`, abort: true })
          .max(ITEM_LIMITS.leadInMax, `the lead-in is too long (at most ${ITEM_LIMITS.leadInMax} characters)`),
      ),
    options: z.array(instructorOptionSchema, { message: "the options are missing" }).length(4, "an item has exactly four options"),
    key: z.enum(OPTION_LETTERS, { message: "key must be one of A, B, C, D" }),
  })
  .strict()
  .refine((item) => item.section === undefined || item.lesson !== undefined, { message: "a section needs its lesson", path: ["section"] })
  .transform(withRationalePrefixes);

/** An instructor item as accepted: normalised text, slugs, rationale prefixes. */
export type InstructorItem = z.infer<typeof instructorItemSchema>;
/** What a form or file may provide before normalisation. */
export type InstructorItemInput = z.input<typeof instructorItemSchema>;

/** One item read from a file, with the 1-based line where its row or question starts. */
export interface ParsedItem {
  line: number;
  item: InstructorItem;
}

/** Something wrong in an imported file, at a 1-based line, in words an instructor can act on. */
export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * Result of parsing a CSV or GIFT file. Bad rows are left out of `items` and
 * reported in `problems`; the caller imports nothing while there are problems
 * unless the instructor confirms importing only the valid `items`.
 * `rows` counts data rows (CSV) or questions (GIFT) seen.
 */
export interface ImportResult {
  items: ParsedItem[];
  problems: ImportProblem[];
  rows: number;
}

/** The Item columns an exporter needs (a database row of the bank or of an instructor). */
export interface ItemRowLike {
  id: string;
  lessonSlug: string;
  section: string;
  domain: number;
  /** JSON array of concept slugs. */
  concepts: string;
  difficulty: number;
  stem: string;
  leadIn: string;
  /** JSON array of { text, rationale } in A–D order. */
  options: string;
  keyIndex: number;
}

const rowOptions = z.array(z.object({ text: z.string(), rationale: z.string() })).length(4);
const rowConcepts = z.array(z.string());

/**
 * An Item row in the exporters' shape. Throws when the row's JSON columns are
 * corrupt: that is a server bug, not an instructor's mistake. An empty lesson
 * or section (instructor items without one) becomes undefined.
 */
export function itemFromRow(row: ItemRowLike): InstructorItem {
  const key = OPTION_LETTERS[row.keyIndex];
  if (key === undefined) throw new RangeError(`item ${row.id} has keyIndex ${row.keyIndex}`);
  return {
    id: row.id,
    ...(row.lessonSlug ? { lesson: row.lessonSlug } : {}),
    ...(row.section && row.lessonSlug ? { section: row.section } : {}),
    domain: row.domain,
    concepts: rowConcepts.parse(JSON.parse(row.concepts)),
    difficulty: row.difficulty,
    stem: row.stem,
    leadIn: row.leadIn,
    options: rowOptions.parse(JSON.parse(row.options)).map((o) => ({ text: o.text, rationale: o.rationale })),
    key,
  };
}

/** The data of an Item row (without id, owner, author, dates or hash, which the server sets). */
export function itemRowData(item: InstructorItem) {
  return {
    lessonSlug: item.lesson ?? "",
    section: item.section ?? "",
    domain: item.domain,
    concepts: JSON.stringify(item.concepts),
    difficulty: item.difficulty,
    stem: item.stem,
    leadIn: item.leadIn,
    options: JSON.stringify(item.options.map((o) => ({ text: o.text, rationale: o.rationale }))),
    keyIndex: OPTION_LETTERS.indexOf(item.key),
  };
}
