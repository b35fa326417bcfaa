import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { guardCell, ITEM_CSV_COLUMNS, itemsToCsv, parseItemsCsv, toCsv, unguardCell } from "@/lib/cohorts/formats";
import { TRICKY_ITEMS } from "./fixtures/cohorts/items";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures/cohorts", name), "utf8");
const itemsOf = (result: ReturnType<typeof parseItemsCsv>) => result.items.map((p) => p.item);

describe("parseItemsCsv on a good file", () => {
  const result = parseItemsCsv(fixture("good.csv"));

  it("reads every row without problems", () => {
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(3);
    expect(result.items.map((p) => p.item.id)).toEqual(["grp-001", "grp-002", undefined]);
  });

  it("gives each item the line its row starts on, counting multi-line quoted fields", () => {
    // Row 2 is one line; row 3's stem spans lines 3–6; row 4 starts on line 7.
    expect(result.items.map((p) => p.line)).toEqual([2, 3, 7]);
  });

  it("keeps commas, doubled quotes, line breaks and Unicode inside quoted fields", () => {
    const [first, second, third] = itemsOf(result);
    expect(first?.stem).toBe('Maya, 15, and her father, Luis, arrive for a first session. Luis says, "She never listens, ever." Maya stares at her phone.');
    expect(first?.options[0]?.rationale).toBe('Correct. Joining comes first: without it, "nothing" else holds.');
    expect(second?.stem).toBe(
      "The Okafor family describes their evenings:\n- the mother works late,\n- Ada, 17, cooks and disciplines her three younger siblings.\nCafé talk over dinner is rare, says Zoë, the youngest.",
    );
    expect(third?.stem).toContain("{quickly}");
  });

  it("normalises what a spreadsheet user types loosely", () => {
    const [first, second, third] = itemsOf(result);
    expect(first).toMatchObject({ domain: 3, difficulty: 2, concepts: ["joining", "tracking"], key: "A", lesson: "joining", section: "what-joining-is" });
    // "Parentification; hierarchy" → slugs; key "a" → "A"; the key's rationale gets its "Correct." prefix.
    expect(second?.concepts).toEqual(["parentification", "hierarchy"]);
    expect(second?.key).toBe("A");
    expect(second?.options[0]?.rationale).toBe("Correct. Ada has taken on a parental role — the hierarchy is inverted.");
    expect(second?.lesson).toBeUndefined();
    expect(third?.key).toBe("B");
  });
});

describe("parseItemsCsv on a file with bad rows", () => {
  const result = parseItemsCsv(fixture("bad.csv"));

  it("reports each bad row by its line, with the reason", () => {
    expect(result.problems).toEqual([
      { line: 5, message: 'key must be one of A, B, C, D (found "E")' },
      { line: 6, message: "an item has exactly four options (found 3)" },
      { line: 7, message: "option B needs a rationale" },
      { line: 8, message: "domain must be a whole number from 1 to 6 (found 9)" },
      { line: 9, message: 'duplicate id "bad-001" (first used on line 2); ids are unique within a file' },
      { line: 10, message: 'a negative lead-in is written in capitals: "not" → "NOT"' },
      {
        line: 11,
        message: "this row has 3 cells but the header has 17; a cell containing a comma, quote or line break must be in double quotes",
      },
    ]);
  });

  it("still parses the good rows, at their lines", () => {
    expect(result.items.map((p) => [p.line, p.item.id])).toEqual([
      [2, "bad-001"],
      [12, "bad-008"],
    ]);
    expect(result.rows).toBe(9);
    expect(result.items[0]?.item.stem).toBe('Maya, 15, and her father, Luis, arrive for a first session.\nLuis says, "She never listens."\nMaya stares at her phone.');
  });
});

describe("parseItemsCsv header problems", () => {
  it("reports missing and unknown columns once, at the header, and reads no rows", () => {
    const result = parseItemsCsv(fixture("missing-column.csv"));
    expect(result.items).toEqual([]);
    expect(result.rows).toBe(1);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatchObject({ line: 1 });
    expect(result.problems[0]?.message).toMatch(/^missing columns: lead_in, key \(/);
    expect(result.problems[1]?.message).toMatch(/^unknown column: leadin \(/);
  });

  it("reads columns in any order and case, and without the optional ones", () => {
    const csv = itemsToCsv(TRICKY_ITEMS.slice(0, 1));
    const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const order = [...header!.keys()].reverse().filter((i) => !["id", "lesson", "section"].includes(header![i]!));
    const shuffled = Papa.unparse([order.map((i) => header![i]!.toUpperCase().replace("_", " ")), ...rows.map((r) => order.map((i) => r[i]!))]);
    const result = parseItemsCsv(shuffled);
    expect(result.problems).toEqual([]);
    const { id: _id, lesson: _lesson, section: _section, ...rest } = TRICKY_ITEMS[0]!;
    expect(itemsOf(result)).toEqual([rest]);
  });

  it("reads a semicolon-separated file as some spreadsheets save it", () => {
    const csv = Papa.unparse(Papa.parse<string[]>(itemsToCsv(TRICKY_ITEMS), { skipEmptyLines: true }).data, { delimiter: ";" });
    const result = parseItemsCsv(csv);
    expect(result.problems).toEqual([]);
    expect(itemsOf(result)).toEqual(TRICKY_ITEMS);
  });

  it("reports an empty file", () => {
    expect(parseItemsCsv("\uFEFF \n").problems[0]?.message).toMatch(/the file is empty/);
  });

  it("reports an unclosed quote at the line of its row and keeps the rows before it", () => {
    const good = itemsToCsv(TRICKY_ITEMS.slice(0, 1));
    const result = parseItemsCsv(`${good}\r\nx-1,3,joining,2,"An unclosed stem,\nstill going`);
    expect(result.items).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 3, message: 'a quoted field is not closed (a " is missing, or a " inside it is not doubled as ""), so the rest of the file could not be read' }]);
  });

  it("reports a stray quote after a quoted field the same way", () => {
    const result = parseItemsCsv(`${itemsToCsv(TRICKY_ITEMS.slice(0, 1))}\r\nx-1,3,"joining" and more,2`);
    expect(result.problems.map((p) => p.line)).toEqual([3]);
    expect(result.items).toHaveLength(1);
  });
});

describe("CSV round trip", () => {
  it("items → CSV → items is lossless for commas, quotes, line breaks, formulas, GIFT characters and Unicode", () => {
    const csv = itemsToCsv(TRICKY_ITEMS);
    const result = parseItemsCsv(csv);
    expect(result.problems).toEqual([]);
    expect(itemsOf(result)).toEqual(TRICKY_ITEMS);
  });

  it("writes the documented columns with CRLF line ends", () => {
    const csv = itemsToCsv(TRICKY_ITEMS.slice(0, 1));
    expect(csv.split("\r\n")[0]).toBe(ITEM_CSV_COLUMNS.join(","));
  });

  it("never writes a cell a spreadsheet would run as a formula", () => {
    const rows = Papa.parse<string[]>(itemsToCsv(TRICKY_ITEMS), { skipEmptyLines: true }).data;
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("survives a spreadsheet reading the guard quote as part of the text", () => {
    // A user who opens, edits and saves keeps the leading quote visible in the cell.
    expect(unguardCell(guardCell("=SUM(A1)"))).toBe("=SUM(A1)");
    expect(unguardCell(guardCell("'=SUM(A1)"))).toBe("'=SUM(A1)");
    expect(unguardCell(guardCell("'plain"))).toBe("'plain");
    expect(unguardCell(guardCell("plain"))).toBe("plain");
  });
});

describe("toCsv for results", () => {
  it("writes RFC 4180 with quoted commas, quotes and line breaks", () => {
    const csv = toCsv(["Member", "Score %"], [
      ['Ortiz, "Ana"', 87.5],
      ["Line\nbreak", null],
    ]);
    expect(csv).toBe('Member,Score %\r\n"Ortiz, ""Ana""",87.5\r\n"Line\nbreak",');
  });

  it("neutralises formula injection in text cells but keeps numbers numeric", () => {
    const csv = toCsv(["=HEADER"], [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2"], ["@SUM(A1)"], ["\tTab"], [-0.25], [Number.NaN]]);
    const cells = Papa.parse<string[]>(csv).data.map((r) => r[0]);
    expect(cells).toEqual(["'=HEADER", "'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "-0.25", ""]);
  });
});
