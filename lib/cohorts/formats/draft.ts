/**
 * Instructor drafts: what an import makes of a question that does not (yet)
 * meet the bank's bar. Every single-answer multiple-choice question with 2–6
 * options becomes a draft; what the bank's schema, lint and cue checks would
 * refuse becomes a warning on it ("no rationale for option C"), so an
 * instructor can complete the draft instead of rewriting the file.
 *
 * Refused outright (reported at the question's line, never a draft): other
 * question types, no key or several keys, fewer than 2 or more than 6
 * options, text that cannot be stored (control characters, lone
 * surrogates) and text longer than the limits.
 */
import { cueFindings } from "@/lib/content/cues";
import { DOMAIN_IDS } from "@/lib/content/schema";
import { quoteInput, unsafeCharacterMessage } from "@/lib/text";
import { lintInstructorItem } from "./lint";
import { instructorItemSchema, ITEM_LIMITS, normaliseConcept, normaliseItemText, normaliseLeadIn, type ImportProblem, type InstructorItem } from "./schema";

export const DRAFT_MIN_OPTIONS = 2;
export const DRAFT_MAX_OPTIONS = 6;
export const DRAFT_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;

export interface DraftOption {
  text: string;
  /** Empty when the file had no feedback for the option. */
  rationale: string;
}

/** A question as read from a file: every part the bank needs is optional except the options and the key. */
export interface DraftItem {
  /** The file's title or id for the question. */
  ref?: string;
  /** Question-set name from the file's category (`$CATEGORY:` in GIFT, the `category` column in CSV). */
  category?: string;
  domain?: number;
  concepts: string[];
  difficulty?: number;
  lesson?: string;
  section?: string;
  stem: string;
  leadIn: string;
  options: DraftOption[];
  /** 0-based index of the one key. */
  keyIndex: number;
  /** GIFT's `####` general feedback, kept so nothing is lost. */
  generalFeedback?: string;
}

export interface ParsedDraft {
  line: number;
  draft: DraftItem;
  warnings: string[];
}

/** Result of reading a file as drafts: drafts with warnings, and the questions refused (with the reason, at their line). */
export interface DraftImportResult {
  drafts: ParsedDraft[];
  refused: ImportProblem[];
  /** Questions (GIFT) or data rows (CSV) seen. */
  rows: number;
  /** Problems with the file rather than one question (a bad header, too many questions). */
  fileProblems: ImportProblem[];
}

const letter = (i: number) => DRAFT_LETTERS[i] ?? `#${i + 1}`;

/**
 * The hard checks: why a question cannot even be a draft, or null. Every
 * text is checked for characters that cannot be stored and for length.
 */
export function draftRefusal(draft: DraftItem): string | null {
  const n = draft.options.length;
  if (n < DRAFT_MIN_OPTIONS || n > DRAFT_MAX_OPTIONS) return `a multiple-choice question needs ${DRAFT_MIN_OPTIONS} to ${DRAFT_MAX_OPTIONS} answers (found ${n})`;
  if (draft.keyIndex < 0 || draft.keyIndex >= n) return "the question has no key: mark the correct answer with =";
  const fields: [string, string | undefined, number][] = [
    ["the title", draft.ref, ITEM_LIMITS.idLength],
    ["the category", draft.category, 500],
    ["the question text", draft.stem, ITEM_LIMITS.stemMax],
    ["the question text", draft.leadIn, ITEM_LIMITS.stemMax],
    ["the general feedback", draft.generalFeedback, ITEM_LIMITS.rationaleMax],
    ...draft.concepts.map((c): [string, string, number] => ["a concept", c, 100]),
    ...draft.options.flatMap((o, i): [string, string, number][] => [
      [`answer ${letter(i)}`, o.text, ITEM_LIMITS.optionMax],
      [`the feedback of answer ${letter(i)}`, o.rationale, ITEM_LIMITS.rationaleMax],
    ]),
  ];
  for (const [what, value, max] of fields) {
    if (value === undefined) continue;
    const unsafe = unsafeCharacterMessage(value, what);
    if (unsafe !== null) return unsafe;
    if (value.length > max) return `${what} is too long (at most ${max} characters)`;
  }
  if (draft.options.some((o) => o.text === "")) return `answer ${letter(draft.options.findIndex((o) => o.text === ""))} is empty`;
  if (`${draft.stem}${draft.leadIn}` === "") return "the question has no text";
  return null;
}

/** Text normalised as the item schema will normalise it, so warnings and the stored draft agree. */
export function normaliseDraft(draft: DraftItem): DraftItem {
  return {
    ...draft,
    ...(draft.ref !== undefined ? { ref: draft.ref.trim() } : {}),
    concepts: draft.concepts.map(normaliseConcept).filter((c) => c !== ""),
    stem: normaliseItemText(draft.stem),
    leadIn: normaliseLeadIn(draft.leadIn),
    options: draft.options.map((o) => ({ text: normaliseItemText(o.text), rationale: normaliseItemText(o.rationale) })),
    ...(draft.generalFeedback !== undefined ? { generalFeedback: normaliseItemText(draft.generalFeedback) } : {}),
  };
}

/** The draft as an item the schema can check: four options or not, with whatever metadata it has. */
export function draftToItemInput(draft: DraftItem): Record<string, unknown> {
  return {
    ...(draft.lesson !== undefined ? { lesson: draft.lesson } : {}),
    ...(draft.section !== undefined ? { section: draft.section } : {}),
    domain: draft.domain,
    concepts: draft.concepts,
    difficulty: draft.difficulty,
    stem: draft.stem,
    leadIn: draft.leadIn,
    options: draft.options,
    key: DRAFT_LETTERS[draft.keyIndex],
  };
}

/** The draft as an item, when it meets the schema (lint and cue warnings may remain). */
export function draftAsItem(draft: DraftItem): InstructorItem | null {
  const parsed = instructorItemSchema.safeParse(draftToItemInput(draft));
  return parsed.success ? parsed.data : null;
}

/**
 * Everything that keeps a draft from being a bank-grade item, in words an
 * instructor can act on. Structural gaps first (metadata, option count,
 * rationales, stem), then the bank's lint and the cue checks.
 */
export function draftWarnings(draft: DraftItem): string[] {
  const warnings: string[] = [];
  const missing = [draft.domain === undefined ? "domain" : null, draft.concepts.length === 0 ? "concepts" : null, draft.difficulty === undefined ? "difficulty" : null].filter(
    (m): m is string => m !== null,
  );
  if (missing.length > 0) warnings.push(`${missing.join(", ")} not set (set them on the draft, or for many drafts at once)`);
  if (draft.domain !== undefined && !(Number.isInteger(draft.domain) && draft.domain >= 1 && draft.domain <= DOMAIN_IDS.length)) warnings.push(`domain must be a whole number from 1 to ${DOMAIN_IDS.length}`);
  if (draft.difficulty !== undefined && !(Number.isInteger(draft.difficulty) && draft.difficulty >= 1 && draft.difficulty <= 3)) warnings.push("difficulty must be 1, 2 or 3");
  if (draft.options.length !== 4) warnings.push(`the bank's items have four options; this question has ${draft.options.length}`);
  draft.options.forEach((o, i) => {
    if (o.rationale === "") warnings.push(`no rationale for option ${letter(i)}`);
  });
  if (draft.stem === "") warnings.push("no stem: the question has no vignette before the lead-in");
  else if (draft.stem.length < ITEM_LIMITS.stemMin) warnings.push(`the stem is short for a vignette (${draft.stem.length} characters; the bank's have at least ${ITEM_LIMITS.stemMin})`);
  if (draft.leadIn.length < ITEM_LIMITS.leadInMin) warnings.push(`the lead-in is short (at least ${ITEM_LIMITS.leadInMin} characters)`);
  if (draft.leadIn.length > ITEM_LIMITS.leadInMax) warnings.push(`the lead-in is long (at most ${ITEM_LIMITS.leadInMax} characters); move the vignette into the stem`);
  if (draft.generalFeedback) warnings.push(`general feedback (####) has no place in an item; it is kept on the draft: "${quoteInput(draft.generalFeedback, 60)}"`);

  // The bank's lint and the cue checks read four-option items with a rationale for every option:
  // give them the draft with placeholders for what is missing, and keep only what they say about the text.
  if (draft.options.length <= 4) {
    const probe: InstructorItem = {
      domain: 1,
      concepts: draft.concepts.length > 0 ? draft.concepts : ["concept"],
      difficulty: 1,
      stem: draft.stem,
      leadIn: draft.leadIn,
      options: draft.options.map((o, i) => {
        const prefix = i === draft.keyIndex ? "Correct." : "Incorrect.";
        return { text: o.text, rationale: o.rationale === "" ? prefix : /^(?:in)?correct\b/i.test(o.rationale) ? o.rationale : `${prefix} ${o.rationale}` };
      }),
      key: (DRAFT_LETTERS[draft.keyIndex] ?? "A") as InstructorItem["key"],
    };
    for (const p of lintInstructorItem(probe, 0)) warnings.push(p.message);
    const keyHasRationale = draft.options[draft.keyIndex]?.rationale !== "";
    for (const f of cueFindings(probe)) if (keyHasRationale || f.rule !== "item-key-citation") warnings.push(f.message);
  }
  return [...new Set(warnings)];
}

/** Problems in a draft that stop it from becoming an item even "as is" (the schema's; lint and cues may be overridden). */
export function draftBlockers(draft: DraftItem): string[] {
  const parsed = instructorItemSchema.safeParse(draftToItemInput(draft));
  if (parsed.success) return [];
  return [...new Set(parsed.error.issues.map((i) => (i.path[0] === "options" && i.path.length === 1 ? `an item has exactly four options (this has ${draft.options.length})` : i.message)))];
}

/** Turns a normalised draft into a ParsedDraft or a refusal at `line`. */
export function acceptDraft(draft: DraftItem, line: number, drafts: ParsedDraft[], refused: ImportProblem[]): void {
  const normal = normaliseDraft(draft);
  const refusal = draftRefusal(normal);
  if (refusal !== null) refused.push({ line, message: refusal });
  else drafts.push({ line, draft: normal, warnings: draftWarnings(normal) });
}
