import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  instructorItemSchema,
  itemFromRow,
  itemRowData,
  itemsToCsv,
  itemsToGift,
  lintInstructorItem,
  parseGift,
  parseItemsCsv,
  type InstructorItem,
  type InstructorItemInput,
} from "@/lib/cohorts/formats";
import { parseItemsFile } from "@/lib/content/load";
import { TRICKY_ITEMS } from "./fixtures/cohorts/items";

const root = path.join(import.meta.dirname, "../..");

function bankItems(): InstructorItem[] {
  const dir = path.join(root, "content/items");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((file) => parseItemsFile(`content/items/${file}`, readFileSync(path.join(dir, file), "utf8")).items)
    .map((i) => ({
      id: i.id,
      lesson: i.lesson,
      section: i.section,
      domain: i.domain,
      concepts: i.concepts,
      difficulty: i.difficulty,
      stem: i.stem,
      leadIn: i.leadIn,
      options: i.options.map((o) => ({ text: o.text, rationale: o.rationale })),
      key: i.key,
    }));
}

const valid: InstructorItemInput = {
  domain: 3,
  concepts: ["joining"],
  difficulty: 2,
  stem: "Maya, 15, and her father, Luis, arrive for a first session and sit far apart.",
  leadIn: "What should the therapist do first?",
  options: [
    { text: "Join with each family member first", rationale: "Correct. Joining comes first." },
    { text: "Confront Maya about the phone", rationale: "Incorrect. Too early." },
    { text: "Ask Luis to leave the room", rationale: "Incorrect. It splits the system." },
    { text: "Assign homework for the week", rationale: "Incorrect. Premature." },
  ],
  key: "A",
};

const messages = (input: unknown) => {
  const result = instructorItemSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("instructorItemSchema", () => {
  it("accepts an item without id, lesson or section", () => {
    expect(messages(valid)).toEqual([]);
  });

  it("normalises whitespace, concepts and missing rationale prefixes", () => {
    const item = instructorItemSchema.parse({
      ...valid,
      id: "  my-1  ",
      concepts: [" Family Mapping ", "family_roles"],
      stem: "  Maya,  15, and her father,\r\nLuis, arrive   for a first session and sit far apart.  ",
      leadIn: "What should the therapist\n   do first?",
      options: [
        { text: " Join with each family member first ", rationale: "Joining comes first." },
        { text: "Confront Maya about the phone", rationale: "Too early." },
        { text: "Ask Luis to leave the room", rationale: "incorrect: it splits the system." },
        { text: "Assign homework for the week", rationale: "Incorrect. Premature." },
      ],
    });
    expect(item.id).toBe("my-1");
    expect(item.concepts).toEqual(["family-mapping", "family-roles"]);
    expect(item.stem).toBe("Maya, 15, and her father,\nLuis, arrive for a first session and sit far apart.");
    expect(item.leadIn).toBe("What should the therapist do first?");
    expect(item.options.map((o) => o.rationale)).toEqual([
      "Correct. Joining comes first.",
      "Incorrect. Too early.",
      // Already says which it is (in its own spelling): left for the lint to judge.
      "incorrect: it splits the system.",
      "Incorrect. Premature.",
    ]);
  });

  it("is idempotent, so parsing an accepted item changes nothing", () => {
    for (const item of TRICKY_ITEMS) expect(instructorItemSchema.parse(item)).toEqual(item);
  });

  it("rejects what the bank rejects, one message per field", () => {
    expect(messages({ ...valid, domain: 9, difficulty: 0, key: "E", concepts: [], stem: "Too short.", leadIn: "" })).toEqual([
      "domain: domain must be a whole number from 1 to 6",
      "concepts: list at least one concept",
      "difficulty: difficulty must be 1 (recall), 2 (application) or 3 (analysis)",
      "stem: the stem should be a vignette of a few sentences (at least 40 characters)",
      "leadIn: the lead-in is empty",
      "key: key must be one of A, B, C, D",
    ]);
    expect(messages({ ...valid, options: valid.options.slice(0, 3) })).toEqual(["options: an item has exactly four options"]);
    expect(messages({ ...valid, options: [{ text: "", rationale: " " }, ...valid.options.slice(1)] })).toEqual([
      "options.0.text: option text is empty",
      "options.0.rationale: rationale is empty",
    ]);
    expect(messages({ ...valid, section: "what-joining-is" })).toEqual(["section: a section needs its lesson"]);
    expect(messages({ ...valid, lesson: "Not A Slug" })).toEqual(["lesson: lesson uses lower-case words joined by dashes"]);
    expect(messages({ ...valid, id: "two\nlines" })).toEqual(["id: id must be on one line"]);
    expect(messages({ ...valid, author: "me" })).toHaveLength(1);
  });
});

describe("lintInstructorItem", () => {
  const item = (patch: Partial<InstructorItemInput>) => instructorItemSchema.parse({ ...valid, ...patch });

  it("passes a clean item", () => {
    expect(lintInstructorItem(item({}), 4)).toEqual([]);
  });

  it("applies each of the bank's item rules, at the given line and without the bank's id prefix", () => {
    const options = valid.options;
    expect(lintInstructorItem(item({ leadIn: "Which move should the therapist not make first?" }), 7)).toEqual([
      { line: 7, message: 'a negative lead-in is written in capitals: "not" → "NOT"' },
    ]);
    expect(lintInstructorItem(item({ leadIn: "Choose the best first move." }), 2)).toEqual([{ line: 2, message: 'the lead-in must be a complete question ending in "?"' }]);
    expect(lintInstructorItem(item({ options: [options[0]!, options[1]!, options[2]!, { text: "All of the above", rationale: "Incorrect. x" }] }), 3)[0]?.message).toMatch(
      /option D uses "All of the above"/,
    );
    expect(lintInstructorItem(item({ options: [options[0]!, { text: "join with each family member first.", rationale: "Incorrect. x" }, options[2]!, options[3]!] }), 3)).toEqual([
      { line: 3, message: "option B repeats option A" },
    ]);
    const long = { text: "Join with each member of the family, one at a time, before anything else", rationale: "Correct. x" };
    expect(lintInstructorItem(item({ options: [long, options[1]!, options[2]!, options[3]!] }), 3)[0]?.message).toMatch(/the key \(\d+ characters\) is much longer/);
    // A key whose rationale says "Incorrect." suggests a miskey.
    expect(lintInstructorItem(item({ options: [{ text: options[0]!.text, rationale: "Incorrect. Oops." }, ...options.slice(1)] }), 5)).toEqual([
      { line: 5, message: 'the rationale of option A (the key) must start with "Correct."' },
    ]);
  });
});

describe("Item rows", () => {
  it("itemRowData and itemFromRow are inverse, with an empty lesson for instructor items", () => {
    for (const item of TRICKY_ITEMS) {
      const data = itemRowData(item);
      const { id: _id, ...withoutId } = itemFromRow({ id: item.id ?? "x", ...data });
      const { id: _id2, ...expected } = item;
      expect(withoutId).toEqual(expected);
    }
    expect(itemRowData(TRICKY_ITEMS[1]!)).toMatchObject({ lessonSlug: "", section: "", keyIndex: 0 });
  });

  it("itemFromRow throws on a corrupt row", () => {
    const data = itemRowData(TRICKY_ITEMS[0]!);
    expect(() => itemFromRow({ id: "x", ...data, keyIndex: 4 })).toThrow(RangeError);
    expect(() => itemFromRow({ id: "x", ...data, options: "[]" })).toThrow();
  });
});

describe("the whole bank through the instructor formats", { timeout: 30_000 }, () => {
  const bank = bankItems();

  it("loads every bank item", () => {
    const dir = path.join(root, "content/items");
    const declared = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .reduce((n, file) => n + (readFileSync(path.join(dir, file), "utf8").match(/^- id: /gm)?.length ?? 0), 0);
    expect(declared).toBeGreaterThanOrEqual(180);
    expect(bank).toHaveLength(declared);
  });

  it("accepts every bank item unchanged and lint-clean", () => {
    for (const item of bank) {
      expect(instructorItemSchema.parse(item)).toEqual(item);
      expect(lintInstructorItem(item, 1)).toEqual([]);
    }
  });

  it("round-trips the bank through CSV and GIFT without loss", () => {
    const csv = parseItemsCsv(itemsToCsv(bank));
    expect(csv.problems).toEqual([]);
    expect(csv.items.map((p) => p.item)).toEqual(bank);
    const gift = parseGift(itemsToGift(bank));
    expect(gift.problems).toEqual([]);
    expect(gift.items.map((p) => p.item)).toEqual(bank);
  });
});
