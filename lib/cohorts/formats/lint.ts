/**
 * The bank's per-item lint (lib/content/lint.ts ITEM_RULES: duplicate
 * options, "all/none of the above", negative lead-ins in lower case, a key
 * that stands out by length, a lead-in that is not a question, rationale
 * prefixes) applied to an instructor's item, so their items meet the same
 * bar as the bank's.
 */
import { ITEM_RULES } from "@/lib/content/item-rules";
import type { ItemRecord } from "@/lib/content/load";
import type { ImportProblem, InstructorItem } from "./schema";

/** The fields the bank rules need that an instructor item may lack are filled with placeholders the per-item rules never read. */
function asItemRecord(item: InstructorItem, id: string, line: number): ItemRecord {
  return {
    ...item,
    id,
    lesson: item.lesson ?? "",
    section: item.section ?? "",
    author: "",
    written: "",
    blueprint: "",
    file: "",
    line,
    lines: {},
  };
}

/** Problems the bank's item rules find in `item`, all reported at `line` (where its row or question starts). */
export function lintInstructorItem(item: InstructorItem, line: number): ImportProblem[] {
  // The rules prefix messages with the item id; a report by line needs no id.
  const id = "\u0000item";
  const record = asItemRecord(item, id, line);
  return ITEM_RULES.flatMap((rule) => rule(record)).map((p) => ({ line, message: p.message.startsWith(`${id}: `) ? p.message.slice(id.length + 2) : p.message }));
}
