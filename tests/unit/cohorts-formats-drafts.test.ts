import { describe, expect, it } from "vitest";
import { categoryName, draftBlockers, moodleCategorySegment, readCsvDrafts, readGiftDrafts } from "@/lib/cohorts/formats";

const lines = (...l: string[]) => l.join("\n");
const only = (text: string) => {
  const read = readGiftDrafts(text);
  expect(read.refused).toEqual([]);
  expect(read.drafts).toHaveLength(1);
  return read.drafts[0]!;
};

describe("GIFT drafts: the defects of the old reader, each at its line", () => {
  it("takes a key written ~%100% (Moodle's own export) as the key", () => {
    const read = readGiftDrafts(lines("// exported", "::Q1::Which concept names a two-against-one pattern? {", "~%100%Triangulation#Right.", "~%0%Joining", "~Enactment", "}"));
    expect(read.refused).toEqual([]);
    expect(read.drafts.map((d) => [d.line, d.draft.keyIndex, d.draft.options.map((o) => o.text)])).toEqual([[2, 0, ["Triangulation", "Joining", "Enactment"]]]);
  });

  it("reads a plain : in title, text, answer and feedback as text", () => {
    const d = only(lines("::Session 3: joining::Ratio: the parents argue 3:1 about chores. What is this called? {", "=Answer: conflict#Feedback: yes", "~Other: none", "}"));
    expect(d.draft.ref).toBe("Session 3: joining");
    expect(d.draft.stem).toBe("Ratio: the parents argue 3:1 about chores.");
    expect(d.draft.options[0]).toEqual({ text: "Answer: conflict", rationale: "Feedback: yes" });
    expect(d.draft.options[1]?.text).toBe("Other: none");
  });

  it("reads the question on the line right after $CATEGORY: and counts it", () => {
    const read = readGiftDrafts(lines("$CATEGORY: $course$/top/Family therapy/Structural", "::Q3::The parents disagree openly. What should the therapist track? {", "=The sequence", "~The weather", "}"));
    expect(read.rows).toBe(1);
    expect(read.drafts.map((d) => [d.line, d.draft.category])).toEqual([[2, "Family therapy / Structural"]]);
  });

  it("drops a // comment line inside a question", () => {
    const d = only(lines("::Q4::The family arrives late.", "// reviewer: check this", "What should the therapist do first? {", "=Join", "~Confront", "}"));
    expect(d.draft.stem).toBe("The family arrives late.");
    expect(d.draft.leadIn).toBe("What should the therapist do first?");
  });

  it("does not cut the lead-in at Mr. or e.g.", () => {
    const d = only("Mr. Ito and Mrs. Ito come to therapy, e.g. about chores. What should the therapist do, e.g. first? {=Join ~Confront}");
    expect(d.draft.stem).toBe("Mr. Ito and Mrs. Ito come to therapy, e.g. about chores.");
    expect(d.draft.leadIn).toBe("What should the therapist do, e.g. first?");
  });

  it("decodes named and numeric entities in [html] text", () => {
    const d = only("[html]<p>Caf&eacute; &ndash; &ldquo;yes&rdquo; &#8217; &hearts;</p><p>Which one?</p> {=&aring; ~&Oslash;}");
    expect(d.draft.stem).toBe("Café – “yes” ’ &hearts;");
    expect(d.draft.options.map((o) => o.text)).toEqual(["å", "Ø"]);
  });

  it("keeps #### general feedback on the draft with a warning", () => {
    const d = only(lines("The family arrives. What first? {", "=Join", "~Confront", "####Joining always comes first.", "}"));
    expect(d.draft.generalFeedback).toBe("Joining always comes first.");
    expect(d.warnings).toContain('general feedback (####) has no place in an item; it is kept on the draft: "Joining always comes first."');
  });

  it("refuses a NUL character at the question's line instead of passing it on", () => {
    const read = readGiftDrafts(lines("", "", "The family\u0000 arrives. What first? {=Join ~Confront}"));
    expect(read.drafts).toEqual([]);
    expect(read.refused).toEqual([{ line: 3, message: "the question text contains a control character (U+0000) that cannot be stored; remove it" }]);
  });

  it("takes the key when it is the fifth answer (and the sixth)", () => {
    expect(only("The family arrives. What first? {~a ~b ~c ~d =e}").draft.keyIndex).toBe(4);
    expect(only("The family arrives. What first? {~a ~b ~c ~d ~e =f}").draft.keyIndex).toBe(5);
    expect(readGiftDrafts("The family arrives. What first? {~a ~b ~c ~d ~e ~f =g}").refused).toEqual([{ line: 1, message: "a multiple-choice question needs 2 to 6 answers (found 7)" }]);
  });

  it("names true/false, matching, missing-word and other types at their line", () => {
    const read = readGiftDrafts(
      lines(
        "Grant is buried in Grant's tomb.{F}",
        "",
        "Match the pioneers. {=Minuchin -> structural =Bowen -> differentiation =Haley -> strategic}",
        "",
        "Moodle costs {~lots of money =nothing ~a small amount} to download.",
        "",
        "How many sessions? {#3:1}",
        "",
        "Who founded structural family therapy? {=Minuchin =Salvador Minuchin}",
        "",
        "Describe joining. {}",
        "",
        "Welcome to the quiz.",
        "",
        "Pick two. {~%50%a ~%50%b ~%-100%c}",
      ),
    );
    expect(read.drafts).toEqual([]);
    expect(read.refused.map((p) => [p.line, p.message.match(/\(this is (.*)\)(?::|$)/)?.[1]])).toEqual([
      [1, "a true/false question"],
      [3, "a matching question"],
      [5, "a missing-word question (the answers are inside the text)"],
      [7, "a numerical question"],
      [9, "a short-answer question"],
      [11, "an essay question"],
      [13, "text without answers (a description)"],
      [15, "a multiple-answer question (several answers earn credit)"],
    ]);
  });

  it("quotes at most a short piece of the input in a message", () => {
    const read = readGiftDrafts(`Q? {${"x".repeat(10_000)} =a ~b}`);
    expect(read.refused).toHaveLength(1);
    expect(read.refused[0]!.message.length).toBeLessThan(200);
  });

  it("reports a syntax error at the line where it is", () => {
    const read = readGiftDrafts(lines("::Q::The family arrives.", "What first? {", "=Join", "~Confront"));
    expect(read.refused).toEqual([{ line: 2, message: "the question ends too early; is a } missing?" }]);
  });

  it("reads CRLF, a BOM and a multi-line question", () => {
    const d = readGiftDrafts("\ufeff::Q::The family arrives\r\nlate again.\r\nWhat first?\r\n{\r\n=Join\r\n~Confront\r\n}\r\n");
    expect(d.drafts.map((x) => [x.line, x.draft.stem, x.draft.leadIn])).toEqual([[1, "The family arrives\nlate again.", "What first?"]]);
  });
});

describe("draft warnings", () => {
  it("turns the bank's refusals into warnings: metadata, option count, rationales, stem, lint and cues", () => {
    const d = only("The family arrives. Which of the following is NOT a joining move? {=Confront the father at once ~Track ~Mimesis}");
    expect(d.warnings).toEqual(
      expect.arrayContaining([
        "domain, concepts, difficulty not set (set them on the draft, or for many drafts at once)",
        "the bank's items have four options; this question has 3",
        "no rationale for option A",
        "no rationale for option B",
        "no rationale for option C",
        "the stem is short for a vignette (19 characters; the bank's have at least 40)",
      ]),
    );
    // The bank's lint (the key stands out by length) and cue checks also speak, as warnings.
    expect(d.warnings.some((w) => /key/i.test(w) && /long/i.test(w))).toBe(true);
    expect(draftBlockers(d.draft).length).toBeGreaterThan(0);
  });

  it("a complete four-option question with metadata has no blockers", () => {
    const d = only(
      lines(
        "// systemic: domain=3; concepts=joining; difficulty=2",
        "::Q1::A family of four arrives for a first session; the father speaks for everyone and the children look at him before answering.\\n\\nWhat should the therapist do first?{",
        "=Greet each member and follow the father's lead for now#Correct. Joining starts by respecting the family's structure (Minuchin, 1974).",
        "~Ask the children to speak without their father#Incorrect. Challenging the hierarchy before joining costs the alliance.",
        "~Explain the model of therapy in detail#Incorrect. A lecture does not join anyone.",
        "~Assign homework for the next week#Incorrect. Too early: nothing has been assessed yet.",
        "}",
      ),
    );
    expect(draftBlockers(d.draft)).toEqual([]);
  });
});

describe("category paths", () => {
  it("become question-set names", () => {
    expect(categoryName("$course$/top/Family therapy/Structural")).toBe("Family therapy / Structural");
    expect(categoryName("$module$/Default for Quiz")).toBe("Default for Quiz");
    expect(categoryName("$course$/top")).toBe("");
    expect(categoryName("Ethics//Law/Week 1")).toBe("Ethics/Law / Week 1");
  });
});

describe("CSV drafts", () => {
  it("needs only the question, two options and the key; the rest are warnings", () => {
    const csv = "\ufeffcategory,lead_in,option_a,option_b,option_c,option_e,key\r\nWeek 1,Which concept names a two-against-one pattern?,Triangulation,Joining,Enactment,Mimesis,E\r\n,What first?,a,,,,C\r\n";
    const read = readCsvDrafts(csv);
    expect(read.fileProblems).toEqual([]);
    expect(read.drafts.map((d) => [d.line, d.draft.category, d.draft.keyIndex, d.draft.options.length])).toEqual([[2, "Week 1", 3, 4]]);
    expect(read.refused).toEqual([{ line: 3, message: 'the key "C" is not the letter of an option in this row' }]);
    expect(read.drafts[0]!.warnings).toContain("no stem: the question has no vignette before the lead-in");
  });

  it("refuses a row with one option and reports missing columns at the header", () => {
    expect(readCsvDrafts("stem,option_a,option_b,key\nThe family arrives. What first?,a,,A\n").refused).toEqual([{ line: 2, message: "a multiple-choice question needs 2 to 6 answers (found 1)" }]);
    expect(readCsvDrafts("stem,option_a\nx,y\n").fileProblems).toEqual([{ line: 1, message: "missing columns: option_b, key" }]);
  });
});

describe("Moodle XML export of a set whose title has a /", () => {
  it("escapes the / so Moodle makes one category, and the reader reads the name back", () => {
    expect(moodleCategorySegment("Week 1/2: joining")).toBe("Week 1//2: joining");
    expect(categoryName(`$course$/top/${moodleCategorySegment("Week 1/2: joining")}`)).toBe("Week 1/2: joining");
  });
});
