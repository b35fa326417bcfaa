import { describe, expect, it } from "vitest";
import { parseGift, parseItemsCsv, readCsvDrafts, readGiftDrafts, splitQuestionText, htmlToText, ITEM_CSV_COLUMNS, DRAFT_MAX_OPTIONS, DRAFT_MIN_OPTIONS } from "@/lib/cohorts/formats";
import { parseImportOffThread } from "@/lib/cohorts/formats/parse-off-thread";
import { OPTION_LETTERS } from "@/lib/content/schema";
import { findUnsafeCharacter, unsafeCharacterLines, unsafeInput, stripTags, trimAroundNewlines, collapseSpaces, lastBlankLine, splitParagraphs } from "@/lib/text";
import { normalFile, pathologicalFiles, PATHOLOGICAL_SIZE } from "../fixtures/imports/pathological";
import { prng } from "@/scripts/bench/prng";

const parse = (format: "csv" | "gift", text: string) => (format === "csv" ? parseItemsCsv(text) : parseGift(text));

/** The fastest of `runs` timings, in ms: the least disturbed by whatever else the machine is doing. */
function fastest(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("linear text helpers agree with the regular expressions they replace", () => {
  const samples = ["", " ", "a  b", "a \n b", "a\t\n\t\nb", "  x  \n\n\n  y  ", "<p>a</p><b", "a<<b>c", "x\n \n \n y", "\u00a0\n\u00a0", "a \r\n b"];
  it("stripTags is /<[^>]*>/g", () => {
    for (const s of samples) expect(stripTags(s)).toBe(s.replace(/<[^>]*>/g, ""));
  });
  it("trimAroundNewlines is /[^\\S\\n]*\\n[^\\S\\n]*/g → newline", () => {
    for (const s of samples) expect(trimAroundNewlines(s)).toBe(s.replace(/[^\S\n]*\n[^\S\n]*/g, "\n"));
  });
  it("collapseSpaces is the old normalisation of item text and lead-ins", () => {
    for (const s of samples) {
      expect(collapseSpaces(s)).toBe(s.replace(/[^\S\n]{2,}/g, " "));
      expect(collapseSpaces(s, "space")).toBe(s.replace(/[^\S\n]*\n\s*/g, " ").replace(/[^\S\n]{2,}/g, " "));
    }
  });
  it("lastBlankLine and splitParagraphs find the same breaks as /\\n[^\\S\\n]*\\n\\s*/", () => {
    for (const s of samples) {
      const matches = [...s.matchAll(/\n[^\S\n]*\n\s*/g)];
      const last = matches.at(-1);
      expect(lastBlankLine(s)).toEqual(last === undefined ? null : { start: last.index, end: last.index + last[0].length });
      expect(splitParagraphs(s)).toEqual(s.split(/\n[^\S\n]*\n\s*/));
    }
  });
});

describe("pathological files just under the upload limit", { timeout: 300_000 }, () => {
  // A quadratic reader takes minutes on these (1,058 s for one CSV before the
  // fix); a linear one takes about as long as on a normal file of the same size.
  // The bound is a ratio, so a busy machine slows both sides alike.
  const RATIO = 15;
  const baseline = {
    gift: fastest(2, () => parseGift(normalFile("gift"))),
    csv: fastest(2, () => parseItemsCsv(normalFile("csv"))),
  };

  it("the normal files are valid and about the same size", () => {
    for (const format of ["gift", "csv"] as const) {
      const text = normalFile(format);
      expect(text.length).toBeGreaterThan(PATHOLOGICAL_SIZE * 0.8);
      expect(text.length).toBeLessThanOrEqual(PATHOLOGICAL_SIZE);
      const result = parse(format, text);
      expect(result.problems).toEqual([]);
      expect(result.items.length).toBeGreaterThan(100);
    }
  });

  for (const file of pathologicalFiles()) {
    it(`${file.name}: read or refused within ${RATIO}× a normal file`, () => {
      expect(file.text.length).toBeLessThanOrEqual(PATHOLOGICAL_SIZE);
      let result: ReturnType<typeof parse> | undefined;
      const took = fastest(1, () => (result = parse(file.format, file.text)));
      // 50 ms floor: tiny baselines would make the ratio meaningless.
      expect(took).toBeLessThan(Math.max(baseline[file.format], 50) * RATIO);
      for (const { item } of result!.items) expect(OPTION_LETTERS).toContain(item.key);
    });
  }
});

describe("control characters and lone surrogates", () => {
  const header = ITEM_CSV_COLUMNS.join(",");
  const row = (stem: string) => `x-1,3,joining,2,"${stem}",What should the therapist do first?,a,r,b,r,c,r,d,r,A,,`;

  it("finds them and only them", () => {
    expect(findUnsafeCharacter("tab\tnewline\ncr\r fine, emoji 😀 too")).toBeNull();
    expect(findUnsafeCharacter("a\u0000b")).toEqual({ index: 1, codePoint: 0, kind: "control" });
    expect(findUnsafeCharacter("a\u0085")).toMatchObject({ kind: "control" });
    expect(findUnsafeCharacter("x\ud800y")).toEqual({ index: 1, codePoint: 0xd800, kind: "surrogate" });
    expect(findUnsafeCharacter("x\udc00")).toMatchObject({ kind: "surrogate" });
    expect(unsafeCharacterLines("ok\nbad\u0001\nok\n\u0000\u0000 twice")).toEqual([
      { line: 2, message: "this line contains a control character (U+0001) that cannot be stored; remove it" },
      { line: 4, message: "this line contains a control character (U+0000) that cannot be stored; remove it" },
    ]);
  });

  it("refuses a CSV row with NUL at that row's line, naming the character, and keeps the good rows", () => {
    const result = parseItemsCsv(`${header}\n${row("A family of four arrives for a first session together.")}\n${row("A family arrives\u0000 for a first session with their son.")}\n`);
    expect(result.items.map((i) => i.line)).toEqual([2]);
    expect(result.problems).toEqual([{ line: 3, message: "the stem contains a control character (U+0000) that cannot be stored; remove it" }]);
  });

  it("refuses a GIFT option with a lone surrogate at the question's line", () => {
    const gift = `// systemic: domain=3; concepts=joining; difficulty=2\n::Q1::A family arrives for a first session with their teenage son.\\n\\nWhat should the therapist do first?{\n=Greet the parents#Correct. Joining first (Minuchin, 1974).\n~Ask the son \ud83d#Incorrect. Too early.\n~Explain the model#Incorrect. Too early.\n~Set homework#Incorrect. Too early.\n}\n`;
    const result = parseGift(gift);
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([{ line: 2, message: "answer B contains a broken character (lone surrogate U+D83D) that cannot be stored; remove it" }]);
  });
});

describe("smaller reader defects", () => {
  it("counts CSV lines from 1 after any number of byte-order marks", () => {
    const header = ITEM_CSV_COLUMNS.join(",");
    const bad = `x-1,9,joining,2,"A family of four arrives for a first session together.",What should the therapist do first?,a,r,b,r,c,r,d,r,A,,`;
    for (const boms of ["", "\ufeff", "\ufeff\ufeff"]) expect(parseItemsCsv(`${boms}${header}\n${bad}\n`).problems.map((p) => p.line)).toEqual([2]);
  });

  it("does not split a GIFT question at a line holding only a no-break space", () => {
    const gift = `// systemic: domain=3; concepts=joining; difficulty=2\n::Q1::A family arrives for a first session with their teenage son.\n\u00a0\nWhat should the therapist do first?{\n=Greet the parents#Correct. Joining first (Minuchin, 1974).\n~Ask the son#Incorrect. Too early.\n~Explain the model#Incorrect. Too early.\n~Set homework#Incorrect. Too early.\n}\n`;
    const result = parseGift(gift);
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(1);
  });

  it("does not end a sentence at Mr. or e.g.", () => {
    expect(splitQuestionText("Mr. Ito and his son arrive. What should the therapist do first?")).toEqual({ stem: "Mr. Ito and his son arrive.", leadIn: "What should the therapist do first?" });
    expect(splitQuestionText("The family arrives. Which step, e.g. a genogram, comes first?")).toEqual({ stem: "The family arrives.", leadIn: "Which step, e.g. a genogram, comes first?" });
    expect(splitQuestionText("A single question?")).toEqual({ stem: "", leadIn: "A single question?" });
  });

  // CPU-bound (parses 5,000 questions): give it room on a busy machine rather than the 5 s default.
  it("stops reading after 5,000 questions and says where", { timeout: 60_000 }, () => {
    const many = "Q{=a ~b}\n\n".repeat(6_000);
    const result = parseGift(many);
    expect(result.rows).toBe(5_000);
    expect(result.problems.at(-1)).toEqual({ line: 10_001, message: expect.stringContaining("more than 5,000 questions") });
  });

  it("decodes the common named entities", () => {
    expect(htmlToText("<p>Caf&eacute; &ndash; &ldquo;yes&rdquo; &hellip;</p>")).toBe("Café – “yes” …");
  });
});

describe("a seeded fuzz of both readers", { timeout: 300_000 }, () => {
  const gift = normalFile("gift", 4_000);
  const csv = normalFile("csv", 4_000);
  const PIECES = ["{", "}", "=", "~", "#", "####", ":", "::", "%100%", "%50%", "\\", "\n", "\n\n", "//", "[html]", "[markdown]", "<p>", "</p>", "<", ">", "&amp;", "&", '"', ",", ";", "\t", "\u00a0", "\ufeff", "\u0000", "\ud800", "$CATEGORY: a/b", "->", "TRUE", "é"];

  function mutate(text: string, random: () => number): string {
    let out = text;
    const edits = 1 + Math.floor(random() * 8);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * (out.length + 1));
      const choice = random();
      if (choice < 0.5) out = out.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)]! + out.slice(at);
      else if (choice < 0.75) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20));
      else if (choice < 0.9) out = out.slice(0, at);
      else out = out.slice(0, at) + out.slice(at, at + 40).repeat(3) + out.slice(at + 40);
    }
    return out;
  }

  it("10,000 mutated files: no exception, every accepted item has four options and exactly one key, every draft 2–6 options and one key", () => {
    const rng = prng(20261202);
    const random = () => rng.next();
    let accepted = 0;
    let drafted = 0;
    for (let i = 0; i < 10_000; i++) {
      const format = i % 2 === 0 ? "gift" : "csv";
      const text = mutate(format === "gift" ? gift : csv, random);
      const result = parse(format, text);
      for (const { item } of result.items) {
        expect(item.options).toHaveLength(4);
        expect(OPTION_LETTERS).toContain(item.key);
        expect(findUnsafeCharacter(JSON.stringify(item))).toBeNull();
        accepted++;
      }
      for (const p of result.problems) expect(p.message.length, p.message).toBeLessThan(400);
      const read = format === "gift" ? readGiftDrafts(text) : readCsvDrafts(text);
      for (const { draft } of read.drafts) {
        expect(draft.options.length).toBeGreaterThanOrEqual(DRAFT_MIN_OPTIONS);
        expect(draft.options.length).toBeLessThanOrEqual(DRAFT_MAX_OPTIONS);
        expect(Number.isInteger(draft.keyIndex) && draft.keyIndex >= 0 && draft.keyIndex < draft.options.length).toBe(true);
        expect(findUnsafeCharacter(JSON.stringify(draft))).toBeNull();
        drafted++;
      }
      for (const p of [...read.refused, ...read.fileProblems]) expect(p.message.length, p.message).toBeLessThan(400);
    }
    expect(accepted).toBeGreaterThan(0);
    expect(drafted).toBeGreaterThan(accepted);
  });
});

describe("reading off the event loop", { timeout: 120_000 }, () => {
  it("gives the same result as reading in-process", async () => {
    const text = normalFile("gift", 50_000);
    const read = await parseImportOffThread("gift", text);
    expect(read).toEqual({ ok: true, result: JSON.parse(JSON.stringify(parseGift(text))) });
  });

  it("keeps the event loop turning while a large file is read", async () => {
    const text = normalFile("csv");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const read = await parseImportOffThread("csv", text);
    clearInterval(timer);
    expect(read.ok).toBe(true);
    // The in-process parse of the same file would allow no tick at all.
    expect(ticks).toBeGreaterThan(0);
  });

  it("stops a read that outlasts its time limit with a clear message", async () => {
    const read = await parseImportOffThread("gift", normalFile("gift"), 0);
    expect(read).toEqual({ ok: false, reason: "too-slow", message: expect.stringContaining("This file took too long to read") });
  });
});

describe("form input that cannot be stored", () => {
  it("names the field, the character and, in a text of several lines, the line", () => {
    expect(unsafeInput({ name: "Ana", bio: "fine" })).toBeNull();
    expect(unsafeInput({ name: "A\u0000na" })).toEqual({ field: "name", message: "This contains a control character (U+0000) that cannot be stored; remove it and try again." });
    expect(unsafeInput({ format: "csv", text: "id,stem\nx,ok\ny,bad\ud800" })?.message).toBe(
      "This contains a broken character (lone surrogate U+D800) on line 3 that cannot be stored; remove it and try again.",
    );
    expect(unsafeInput({ options: [{ text: "ok" }, { text: "b\u0007" }] })).toMatchObject({ field: "options" });
  });
});
