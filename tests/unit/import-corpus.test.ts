/**
 * The corpus of outside question banks in tests/fixtures/imports/corpus/,
 * written in the styles of Moodle's documentation, Moodle's export,
 * spreadsheets and hand-written banks. expected.json says, per file, which
 * questions (by line) must come in as drafts and which must be refused, with
 * the reason. Each test's name reports the file's counts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvDrafts, readGiftDrafts } from "@/lib/cohorts/formats";

const dir = path.join(import.meta.dirname, "../fixtures/imports/corpus");
interface Expected {
  about: string;
  accepted: number[];
  categories?: string[];
  refused: [number, string][];
}
const manifest = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, Expected>;

describe("the import corpus", () => {
  for (const [file, expected] of Object.entries(manifest)) {
    const text = readFileSync(path.join(dir, file), "utf8");
    const read = file.endsWith(".csv") ? readCsvDrafts(text) : readGiftDrafts(text);
    it(`${file}: ${expected.accepted.length} accepted, ${expected.refused.length} refused with the right reason (${expected.about})`, () => {
      expect(read.fileProblems).toEqual([]);
      expect(read.drafts.map((d) => d.line)).toEqual(expected.accepted);
      if (expected.categories) expect(read.drafts.map((d) => d.draft.category)).toEqual(expected.categories);
      expect(read.refused.map((p) => p.line)).toEqual(expected.refused.map(([line]) => line));
      read.refused.forEach((p, i) => expect(p.message).toContain(expected.refused[i]![1]));
      expect(read.rows).toBe(expected.accepted.length + expected.refused.length);
      for (const { draft } of read.drafts) {
        expect(draft.options.length).toBeGreaterThanOrEqual(2);
        expect(draft.options.length).toBeLessThanOrEqual(6);
        expect(draft.keyIndex).toBeLessThan(draft.options.length);
        expect(`${draft.stem}${draft.leadIn}`).not.toMatch(/<\/?[a-z]+>|\*\*|&[a-z]+;|\r|\ufeff/);
      }
    });
  }

  it("keeps what Moodle's export writes: decoded entities, the ~%100% key, the #### general feedback", () => {
    const read = readGiftDrafts(readFileSync(path.join(dir, "moodle-export.gift"), "utf8"));
    const [enmeshment, hierarchy] = read.drafts;
    expect(enmeshment!.draft.stem).toBe("Maria, 15, and her mother arrive together. The mother answers every question put to Maria and finishes her sentences.");
    expect(enmeshment!.draft.options[0]!.rationale).toBe("Correct: the boundary between mother and daughter is diffuse.");
    expect(enmeshment!.draft.generalFeedback).toBe("See Minuchin (1974), chapter 3.");
    expect(hierarchy!.draft.leadIn).toBe("What is Ada’s position called?");
  });
});
