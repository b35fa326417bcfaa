/**
 * The bank's per-item rules that need nothing but the item: duplicate
 * options, "all/none of the above", lower-case negative lead-ins, a key that
 * stands out by length, a lead-in that is not a question, rationale
 * prefixes. Kept apart from lib/content/lint.ts (which needs the MDX and YAML
 * tool chain) so that the import reader, which runs them on instructors'
 * items in a worker thread, loads only what it uses.
 */
import type { ContentProblem, ContentRule, ItemRecord } from "./load";
import { OPTION_LETTERS } from "./schema";
import { trimEndWhere } from "@/lib/text";

/** The key stands out when longer than every distractor and more than this times their mean length. */
export const KEY_LENGTH_RATIO = 1.5;

export const itemLine = (item: Pick<ItemRecord, "line" | "lines">, fieldPath: string) => item.lines[fieldPath] ?? item.line;

export const optionLetter = (index: number) => OPTION_LETTERS[index] ?? `#${index + 1}`;

const itemProblem = (item: ItemRecord, field: string, rule: ContentRule, message: string): ContentProblem => ({
  file: item.file,
  line: itemLine(item, field),
  message: `${item.id}: ${message}`,
  rule,
});

const keyIndexOf = (item: Pick<ItemRecord, "key">) => OPTION_LETTERS.indexOf(item.key);

const TRAILING_PUNCTUATION = new Set([" ", ".", ";", ",", "!"]);
/** Lower case, single spaces, no trailing punctuation (a hand loop rather than /[\s.;,!]+$/, which is quadratic on long runs). */
const normaliseOption = (text: string) =>
  trimEndWhere(text.toLowerCase().replace(/\s+/g, " ").trim(), (ch) => TRAILING_PUNCTUATION.has(ch));

export function checkDuplicateOptions(item: ItemRecord): ContentProblem[] {
  const seen = new Map<string, number>();
  const problems: ContentProblem[] = [];
  item.options.forEach((option, i) => {
    const key = normaliseOption(option.text);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, i);
    else problems.push(itemProblem(item, `options.${i}.text`, "item-duplicate-option", `option ${optionLetter(i)} repeats option ${optionLetter(earlier)}`));
  });
  return problems;
}

const ABOVE_PATTERNS = [/\b(?:all|none|any) of the (?:above|preceding|options|these)\b/i, /\b[Bb]oth (?:options? )?[A-D] and [A-D]\b/, /\b[Nn]either (?:options? )?[A-D] nor [A-D]\b/];

export function checkAllNoneAbove(item: ItemRecord): ContentProblem[] {
  return item.options.flatMap((option, i) => {
    const match = ABOVE_PATTERNS.map((p) => p.exec(option.text)).find((m) => m !== null);
    if (!match) return [];
    return [itemProblem(item, `options.${i}.text`, "item-all-none-above", `option ${optionLetter(i)} uses "${match[0]}"; every option must stand on its own`)];
  });
}

const NEGATIVE_WORDS = /\b(?:not|cannot|except|least)\b/gi;
const CONTRACTED_NEGATIVE = /\b\w+n't\b/i;

/** A negative lead-in is allowed only in capitals (NOT, EXCEPT, LEAST), so no candidate misreads it. */
export function checkNegativeLeadIn(item: ItemRecord): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const match of item.leadIn.matchAll(NEGATIVE_WORDS)) {
    const word = match[0];
    if (word !== word.toUpperCase())
      problems.push(itemProblem(item, "leadIn", "item-negative-lead-in", `a negative lead-in is written in capitals: "${word}" → "${word.toUpperCase()}"`));
  }
  const contracted = CONTRACTED_NEGATIVE.exec(item.leadIn);
  if (contracted)
    problems.push(itemProblem(item, "leadIn", "item-negative-lead-in", `write the negative in "${contracted[0]}" as a capitalised NOT (or rephrase the lead-in positively)`));
  return problems;
}

/** Fails when the key is longer than every distractor and more than 1.5× their mean length. */
export function keyStandsOutByLength(optionTexts: readonly string[], keyIndex: number): boolean {
  const lengths = optionTexts.map((t) => t.trim().length);
  const keyLength = lengths[keyIndex] ?? 0;
  const distractors = lengths.filter((_, i) => i !== keyIndex);
  if (distractors.length === 0) return false;
  const mean = distractors.reduce((a, b) => a + b, 0) / distractors.length;
  return distractors.every((d) => keyLength > d) && keyLength > KEY_LENGTH_RATIO * mean;
}

export function checkKeyLength(item: ItemRecord): ContentProblem[] {
  const keyIndex = keyIndexOf(item);
  if (!keyStandsOutByLength(item.options.map((o) => o.text), keyIndex)) return [];
  const distractors = item.options.filter((_, i) => i !== keyIndex).map((o) => o.text.trim().length);
  const mean = Math.round(distractors.reduce((a, b) => a + b, 0) / distractors.length);
  const keyLength = item.options[keyIndex]?.text.trim().length ?? 0;
  return [
    itemProblem(item, `options.${keyIndex}.text`, "item-key-length", `the key (${keyLength} characters) is much longer than the distractors (average ${mean}); keep options similar in length`),
  ];
}

export function checkLeadInQuestion(item: ItemRecord): ContentProblem[] {
  if (item.leadIn.trim().endsWith("?")) return [];
  return [itemProblem(item, "leadIn", "item-lead-in-question", 'the lead-in must be a complete question ending in "?"')];
}

export function checkRationalePrefixes(item: ItemRecord): ContentProblem[] {
  const keyIndex = keyIndexOf(item);
  return item.options.flatMap((option, i) => {
    const expected = i === keyIndex ? "Correct." : "Incorrect.";
    if (option.rationale.trimStart().startsWith(expected)) return [];
    const which = i === keyIndex ? `option ${optionLetter(i)} (the key)` : `option ${optionLetter(i)} (a distractor)`;
    return [itemProblem(item, `options.${i}.rationale`, "item-rationale-prefix", `the rationale of ${which} must start with "${expected}"`)];
  });
}


/** The per-item rules that need nothing but the item. */
export const ITEM_RULES: readonly ((item: ItemRecord) => ContentProblem[])[] = [
  checkDuplicateOptions,
  checkAllNoneAbove,
  checkNegativeLeadIn,
  checkKeyLength,
  checkLeadInQuestion,
  checkRationalePrefixes,
];

