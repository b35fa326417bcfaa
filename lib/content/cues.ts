/**
 * Cue checks: the item-writing faults that let a test-wise candidate find the
 * key without knowing the material, plus the bank's citation rule. Each rule
 * is a small pure function over one item (or, for near-duplicate stems, the
 * whole bank) and returns plain findings; lib/content/lint.ts turns them into
 * file:line problems for the bank, and lib/cohorts/formats/lint.ts into
 * warnings on instructors' items. docs/content-format.md explains each rule.
 */
import { OPTION_LETTERS, type OptionLetter } from "./schema";

/** What the cue rules read of an item. */
export interface CueItem {
  stem: string;
  leadIn: string;
  concepts: readonly string[];
  options: readonly { text: string; rationale: string }[];
  key: OptionLetter;
}

export type CueRule =
  | "item-option-justification"
  | "item-option-length"
  | "item-stem-echo"
  | "item-absolute-distractor"
  | "item-signal-only-key"
  | "item-concept-in-lead-in"
  | "item-key-citation";

export interface CueFinding {
  rule: CueRule;
  /** The field the finding points at: `leadIn`, `options.2.text`, `options.1.rationale`. */
  field: string;
  message: string;
}

const letter = (i: number) => OPTION_LETTERS[i] ?? "?";
const keyIndexOf = (item: Pick<CueItem, "key">) => OPTION_LETTERS.indexOf(item.key);

// ── Words ───────────────────────────────────────────────────

/**
 * Words of a text, lower-cased, letters (and inner apostrophes/hyphens
 * split) only. A hand loop rather than a regular expression over the whole
 * text, so its cost is linear in the text's length whatever it holds.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const ch of text.toLowerCase()) {
    if ((ch >= "a" && ch <= "z") || (ch >= "à" && ch <= "ÿ")) current += ch;
    else {
      if (current !== "") out.push(current);
      current = "";
    }
  }
  if (current !== "") out.push(current);
  return out;
}

/** A crude, consistent stem: "parents", "parenting" and "parented" all become "parent"; "alliances" becomes "alliance". */
export function stemWord(word: string): string {
  for (const suffix of ["ingly", "edly", "ings", "ing", "ed", "ly"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * Words too common in this bank's vignettes to act as a cue: function words
 * of five letters or more and the words every vignette uses.
 */
const COMMON = new Set(
  [
    "about", "above", "after", "again", "against", "along", "already", "also", "although", "among", "another", "around", "asked", "asking",
    "because", "been", "before", "being", "below", "between", "both", "cannot", "could", "during", "each", "either", "every", "first",
    "from", "further", "have", "having", "into", "itself", "later", "least", "might", "more", "most", "much", "must", "never", "other",
    "others", "over", "rather", "really", "same", "says", "should", "since", "some", "something", "still", "such", "than", "that", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "thing", "things", "this", "those", "through", "under", "until",
    "very", "were", "what", "when", "where", "whether", "which", "while", "whom", "whose", "will", "with", "within", "without", "would",
    "your", "yours", "years", "today", "because", "therapist", "therapists", "therapy", "session", "sessions", "client", "clients",
    "family", "families", "couple", "couples", "member", "members", "person", "people", "describe", "describes", "during", "whole",
  ].map(stemWord),
);

const MIN_CUE_WORD = 5;

/** The stems of a text's content words (five letters or more, not common). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (word.length < MIN_CUE_WORD) continue;
    const stem = stemWord(word);
    if (!COMMON.has(stem)) out.add(stem);
  }
  return out;
}

// ── Per-item rules ──────────────────────────────────────────

/** Phrases that give an option a reason of its own. */
export const JUSTIFICATION_PHRASES: readonly string[] = [
  "since",
  "because",
  "so that",
  "in order to",
  "so as to",
  "until",
  "to ensure",
  "to make sure",
  "thereby",
  "given that",
  "which will",
  "which would",
  "which helps",
  "which allows",
];

/** The phrase of `phrases` that `text` contains as whole words, if any. */
function containsPhrase(text: string, phrases: readonly string[]): string | undefined {
  const padded = ` ${words(text).join(" ")} `;
  return phrases.find((p) => padded.includes(` ${p} `));
}

/** ", as it…", ", as she…": "as" after a comma and before a pronoun gives a reason ("Keep the rule, as it is her activity"). */
const AS_PRONOUN = new Set(["it", "he", "she", "they", "this", "that", "these", "those", "we", "you", "i"]);

function asReason(text: string): string | undefined {
  let at = text.indexOf(", as ");
  while (at !== -1) {
    const next = words(text.slice(at + 5, at + 40))[0];
    if (next !== undefined && AS_PRONOUN.has(next)) return `as ${next}`;
    at = text.indexOf(", as ", at + 1);
  }
  return undefined;
}

/** An option that carries its own justification ("…, since…", "…so that…") tells the candidate which option the writer thought through. */
export function checkOptionJustification(item: CueItem): CueFinding[] {
  return item.options.flatMap((option, i) => {
    const phrase = containsPhrase(option.text, JUSTIFICATION_PHRASES) ?? asReason(option.text);
    if (phrase === undefined) return [];
    return [
      {
        rule: "item-option-justification" as const,
        field: `options.${i}.text`,
        message: `option ${letter(i)} gives a reason of its own ("${phrase}"); state the action only and move the reason into the rationale`,
      },
    ];
  });
}

/** The key is an outlier when it is longer than the longest distractor by this factor… */
export const KEY_OUTLIER_RATIO = 1.25;
/** …and by at least this many characters (so short options are not judged by a word). */
export const KEY_OUTLIER_MIN_CHARS = 12;

/** The key uniquely and clearly the longest option is the best-known cue. */
export function checkOptionLength(item: CueItem): CueFinding[] {
  const k = keyIndexOf(item);
  const lengths = item.options.map((o) => o.text.trim().length);
  const keyLength = lengths[k] ?? 0;
  const longestDistractor = Math.max(0, ...lengths.filter((_, i) => i !== k));
  if (keyLength <= longestDistractor * KEY_OUTLIER_RATIO || keyLength - longestDistractor < KEY_OUTLIER_MIN_CHARS) return [];
  return [
    {
      rule: "item-option-length",
      field: `options.${k}.text`,
      message: `the key (${keyLength} characters) is clearly the longest option (next ${longestDistractor}); keep options within about a quarter of each other's length`,
    },
  ];
}

/** A content word of the stem repeated in the key and in no distractor ("clang" association). */
export function checkStemEcho(item: CueItem): CueFinding[] {
  const k = keyIndexOf(item);
  const key = item.options[k];
  if (key === undefined) return [];
  const stem = contentStems(`${item.stem} ${item.leadIn}`);
  const inDistractors = new Set(item.options.flatMap((o, i) => (i === k ? [] : [...contentStems(o.text)])));
  const echoed = [...contentStems(key.text)].filter((w) => stem.has(w) && !inDistractors.has(w));
  if (echoed.length === 0) return [];
  return [
    {
      rule: "item-stem-echo",
      field: `options.${k}.text`,
      message: `the key repeats stem word${echoed.length === 1 ? "" : "s"} ${echoed.map((w) => `"${w}…"`).join(", ")} that no distractor uses; reword the key or use the word in a distractor too`,
    },
  ];
}

export const ABSOLUTE_WORDS: readonly string[] = ["always", "never", "only", "all", "none", "every", "must", "completely", "entirely", "any"];

/** Absolutes that appear in distractors but not in the key teach candidates to eliminate by wording. */
export function checkAbsolutes(item: CueItem): CueFinding[] {
  const k = keyIndexOf(item);
  if (containsPhrase(item.options[k]?.text ?? "", ABSOLUTE_WORDS) !== undefined) return [];
  return item.options.flatMap((option, i) => {
    if (i === k) return [];
    const word = containsPhrase(option.text, ABSOLUTE_WORDS);
    if (word === undefined) return [];
    return [
      {
        rule: "item-absolute-distractor" as const,
        field: `options.${i}.text`,
        message: `distractor ${letter(i)} uses the absolute "${word}" and the key uses none; drop the absolute or phrase the options alike`,
      },
    ];
  });
}

/** Ideas a key must not be alone in naming: when only the key says "safety", the word answers the item. */
export const SIGNAL_FAMILIES: readonly { name: string; words: readonly string[] }[] = [
  { name: "safety", words: ["safe", "safety", "safely", "unsafe", "risk", "risks", "danger", "dangerous"] },
  { name: "feedback", words: ["feedback"] },
  { name: "culture", words: ["culture", "cultures", "cultural", "culturally"] },
  { name: "consultation", words: ["consult", "consults", "consulting", "consultation", "supervisor", "supervision", "supervisors"] },
];

export function checkSignalOnlyInKey(item: CueItem): CueFinding[] {
  const k = keyIndexOf(item);
  const key = item.options[k];
  if (key === undefined) return [];
  return SIGNAL_FAMILIES.flatMap((family) => {
    if (containsPhrase(key.text, family.words) === undefined) return [];
    const elsewhere = item.options.some((o, i) => i !== k && containsPhrase(o.text, family.words) !== undefined);
    if (elsewhere) return [];
    return [
      {
        rule: "item-signal-only-key" as const,
        field: `options.${k}.text`,
        message: `the key is the only option that mentions ${family.name}; let a distractor name it too, or word the key without it`,
      },
    ];
  });
}

/** A lead-in that names the concept under test ("Which move shows unbalancing?") turns the item into recognition. */
export function checkConceptInLeadIn(item: CueItem): CueFinding[] {
  const lead = ` ${words(item.leadIn).map(stemWord).join(" ")} `;
  const named = item.concepts.filter((slug) => {
    const phrase = slug.split("-").map(stemWord).join(" ");
    return phrase.length >= 4 && lead.includes(` ${phrase} `);
  });
  if (named.length === 0) return [];
  return [
    {
      rule: "item-concept-in-lead-in",
      field: "leadIn",
      message: `the lead-in names the item's concept${named.length === 1 ? "" : "s"} ${named.map((c) => `"${c}"`).join(", ")}; ask for the decision without naming what is being tested`,
    },
  ];
}

/** A four-digit year, as in "(Kerr & Bowen, 1988)" or "AAMFT Code of Ethics (2015), Standard 2.2". */
const hasYear = (text: string) => {
  const ds = text.match(/\b(?:1[89]|20)\d\d[a-z]?\b/);
  return ds !== null;
};

/** Every key's rationale names its source with a year, so a learner can check the teaching. */
export function checkKeyCitation(item: CueItem): CueFinding[] {
  const k = keyIndexOf(item);
  const rationale = item.options[k]?.rationale ?? "";
  if (hasYear(rationale)) return [];
  return [
    {
      rule: "item-key-citation",
      field: `options.${k}.rationale`,
      message: `the key's rationale names no source; end it with a citation such as "(Minuchin & Fishman, 1981)"`,
    },
  ];
}

export const CUE_RULES: readonly ((item: CueItem) => CueFinding[])[] = [
  checkOptionJustification,
  checkOptionLength,
  checkStemEcho,
  checkAbsolutes,
  checkSignalOnlyInKey,
  checkConceptInLeadIn,
  checkKeyCitation,
];

export function cueFindings(item: CueItem): CueFinding[] {
  return CUE_RULES.flatMap((rule) => rule(item));
}

// ── Across the bank ─────────────────────────────────────────

/** Two stems sharing more than this share of their content words (Jaccard) are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.28;
/** Stems with fewer content words than this are too short to compare. */
const NEAR_DUPLICATE_MIN_WORDS = 8;

export interface NearDuplicate<T> {
  a: T;
  b: T;
  similarity: number;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Every pair of items whose stems are near-duplicates. Quadratic in the
 * number of items, which is fine for a bank of a few thousand (each pair is
 * a set intersection over ~40 words).
 */
export function nearDuplicateStems<T extends { stem: string }>(items: readonly T[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate<T>[] {
  const sets = items.map((item) => contentStems(item.stem));
  const found: NearDuplicate<T>[] = [];
  for (let i = 0; i < items.length; i++) {
    const si = sets[i]!;
    if (si.size < NEAR_DUPLICATE_MIN_WORDS) continue;
    for (let j = i + 1; j < items.length; j++) {
      const sj = sets[j]!;
      if (sj.size < NEAR_DUPLICATE_MIN_WORDS) continue;
      const similarity = jaccard(si, sj);
      if (similarity > threshold) found.push({ a: items[i]!, b: items[j]!, similarity });
    }
  }
  return found;
}
