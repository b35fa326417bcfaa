/**
 * From a raw record read out of a file to an accepted item: the schema, then
 * the bank's lint. Shared by the CSV and GIFT importers so both report the
 * same problem in the same words.
 */
import { OPTION_LETTERS } from "@/lib/content/schema";
import { quoteInput } from "@/lib/text";
import { lintInstructorItem } from "./lint";
import { instructorItemSchema, type ImportProblem, type InstructorItem } from "./schema";

type Issue = { path: PropertyKey[]; message: string; code?: string };

const letter = (index: unknown) => OPTION_LETTERS[Number(index)] ?? `#${Number(index) + 1}`;

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The offending value, quoted and cut short so a report never repeats a whole file. */
const found = (value: unknown) => (value === undefined || value === "" ? "" : ` (found ${JSON.stringify(typeof value === "string" ? quoteInput(value) : value)})`);

/** One schema issue in the words of an instructor fixing a file. */
export function describeIssue(issue: Issue, raw: Record<string, unknown>): string {
  const [field, index, sub] = issue.path;
  const value = valueAt(raw, issue.path);
  if (field === "options" && issue.path.length === 1) {
    const count = Array.isArray(raw.options) ? raw.options.length : 0;
    return `an item has exactly four options (found ${count})`;
  }
  if (field === "options" && sub === "rationale") {
    return value === undefined || String(value).trim() === "" ? `option ${letter(index)} needs a rationale` : `option ${letter(index)}: ${issue.message}`;
  }
  if (field === "options" && sub === "text") {
    return value === undefined || String(value).trim() === "" ? `option ${letter(index)} is empty` : `option ${letter(index)}: ${issue.message}`;
  }
  if (field === "key") return value === undefined || value === "" ? "the key is missing (one of A, B, C, D)" : `key must be one of A, B, C, D${found(value)}`;
  if (field === "domain" || field === "difficulty") return `${issue.message}${found(value)}`;
  if (field === "concepts" && issue.path.length > 1) return `concept${found(value)}: ${issue.message.replace(/^a concept /, "")}`;
  if (field === "concepts") return `concepts: ${issue.message}`;
  if ((field === "lesson" || field === "section") && issue.code !== "custom") return `${issue.message}${found(value)}`;
  return issue.message;
}

export interface ItemCheck {
  item: InstructorItem | null;
  problems: ImportProblem[];
}

/**
 * Validates one raw item read at `line`. `ignore` names top-level fields the
 * caller has already reported in its own words (GIFT's missing metadata).
 */
export function checkItem(raw: Record<string, unknown>, line: number, ignore: readonly string[] = []): ItemCheck {
  const parsed = instructorItemSchema.safeParse(raw);
  if (!parsed.success) {
    const messages = parsed.error.issues.filter((issue) => !ignore.includes(String(issue.path[0]))).map((issue) => describeIssue(issue, raw));
    return { item: null, problems: [...new Set(messages)].map((message) => ({ line, message })) };
  }
  if (ignore.length > 0) return { item: null, problems: [] };
  const lint = lintInstructorItem(parsed.data, line);
  return lint.length > 0 ? { item: null, problems: lint } : { item: parsed.data, problems: [] };
}

/** Remembers the first line of each id so a repeat can point at it. */
export function duplicateIdChecker() {
  const first = new Map<string, number>();
  return (item: InstructorItem, line: number): ImportProblem | null => {
    if (item.id === undefined) return null;
    const earlier = first.get(item.id);
    if (earlier !== undefined) return { line, message: `duplicate id "${item.id}" (first used on line ${earlier}); ids are unique within a file` };
    first.set(item.id, line);
    return null;
  };
}

export const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
