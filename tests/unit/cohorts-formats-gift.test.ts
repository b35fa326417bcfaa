import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeGift, htmlToText, itemsToGift, parseGift, splitQuestionText } from "@/lib/cohorts/formats";
import { TRICKY_ITEMS } from "./fixtures/cohorts/items";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures/cohorts", name), "utf8");
const itemsOf = (result: ReturnType<typeof parseGift>) => result.items.map((p) => p.item);

describe("parseGift on a good file", () => {
  const result = parseGift(fixture("good.gift"));

  it("reads every question, skipping comments and the category", () => {
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(3);
    expect(result.items.map((p) => [p.line, p.item.id])).toEqual([
      [6, "grp-101"],
      [14, "grp-102"],
      [17, "grp-103"],
    ]);
  });

  it("takes domain, concepts, difficulty, lesson and section from the // systemic: line", () => {
    const [first, second] = itemsOf(result);
    expect(first).toMatchObject({ domain: 3, concepts: ["joining", "tracking"], difficulty: 2, lesson: "joining", section: "what-joining-is" });
    expect(second).toMatchObject({ domain: 1, concepts: ["parentification", "hierarchy"], difficulty: 1 });
    expect(second?.lesson).toBeUndefined();
  });

  it("splits stem and lead-in at the blank line, or before the last sentence", () => {
    const [first, second] = itemsOf(result);
    expect(first?.stem).toBe('Maya, 15, and her father, Luis, arrive for a first session. Luis says, "She never listens." Maya stares at her phone.');
    expect(first?.leadIn).toBe("What should the therapist do first?");
    expect(second?.stem).toBe("The Okafor family describes their evenings. The mother works late, and Ada, 17, cooks and disciplines her three younger siblings.");
    expect(second?.leadIn).toBe("Which concept best describes Ada's position?");
  });

  it("maps answers to options in order, = to the key, feedback to rationales (prefixing bare ones)", () => {
    const [first, second] = itemsOf(result);
    expect(first?.key).toBe("A");
    expect(first?.options[0]).toEqual({ text: "Join with each family member first", rationale: "Correct. Joining comes first: without it nothing else holds." });
    expect(second?.key).toBe("B");
    expect(second?.options.map((o) => o.rationale)).toEqual([
      "Incorrect. Nothing here describes emotional reactivity.",
      "Correct. Ada has taken on a parental role.",
      "Incorrect. The generational boundary is blurred.",
      "Incorrect. An alliance is between peers.",
    ]);
  });

  it("turns Moodle's HTML into plain text", () => {
    const third = itemsOf(result)[2];
    expect(third?.stem).toBe("Zoë & Sam (both 30) report that arguments escalate <quickly> whenever money comes up.");
    expect(third?.leadIn).toBe("Which assessment tool fits best?");
    expect(third?.options[1]).toEqual({ text: "A genogram of money scripts", rationale: "Correct. It maps intergenerational patterns." });
  });
});

describe("parseGift on a file with bad questions", () => {
  const result = parseGift(fixture("bad.gift"));
  const metadataHint = 'add a line like "// systemic: domain=3; concepts=joining,tracking; difficulty=2" before the question';

  it("reports each bad question at its line with the reason", () => {
    expect(result.problems).toEqual([
      { line: 2, message: "only single-answer multiple-choice questions can be imported (this is a true/false question)" },
      { line: 5, message: "an item has exactly four options (found 3)" },
      { line: 11, message: `domain, concepts, difficulty missing: ${metadataHint}` },
      { line: 19, message: "2 answers are marked correct; a single-answer question has exactly one key (mark the others with ~)" },
      { line: 36, message: "option B needs a rationale" },
      { line: 51, message: 'unknown setting "colour" in the // systemic: line (use domain, concepts, difficulty, lesson, section)' },
      { line: 52, message: 'duplicate id "grp-201" (first used on line 44); ids are unique within a file' },
      { line: 59, message: "the question has no stem: write the vignette, a blank line (\\n\\n), then the question" },
      { line: 59, message: `domain, concepts, difficulty missing: ${metadataHint}` },
      { line: 59, message: "option A needs a rationale" },
      { line: 59, message: "option B needs a rationale" },
      { line: 59, message: "option C needs a rationale" },
      { line: 59, message: "option D needs a rationale" },
    ]);
  });

  it("still parses the good question", () => {
    expect(result.rows).toBe(9);
    // The question at line 27 has a plain ":" in its text, which Moodle reads as text (so does the reader).
    expect(result.items.map((p) => [p.line, p.item.id])).toEqual([
      [27, "colon"],
      [44, "grp-201"],
    ]);
  });

  it("reports other question types and partial credit", () => {
    const other = parseGift(
      [
        "// systemic: domain=1; concepts=x; difficulty=1",
        "How many sessions? {#3}",
        "",
        "Write about joining. {}",
        "",
        "Match. {=a -> 1 =b -> 2 =c -> 3}",
        "",
        "Name the pioneer. {=Minuchin =Salvador Minuchin}",
        "",
        "The family arrives late and the father apologises again and again. What should the therapist do first? {~%50%a#x ~%50%b#y ~c#z ~d#w}",
        "",
        "Just a description.",
      ].join("\n"),
    );
    expect(other.problems.map((p) => [p.line, p.message])).toEqual([
      [2, "only single-answer multiple-choice questions can be imported (this is a numerical question)"],
      [4, "only single-answer multiple-choice questions can be imported (this is an essay question)"],
      [6, "only single-answer multiple-choice questions can be imported (this is a matching question)"],
      [8, "only single-answer multiple-choice questions can be imported (this is a short-answer question): every answer is marked =; mark the key with = and the distractors with ~"],
      [
        10,
        "only single-answer multiple-choice questions can be imported (this is a multiple-answer question (several answers earn credit)): answers with partial credit such as %50% have no place in an item; mark the key with = (or ~%100%) and the distractors with ~",
      ],
      [12, "only single-answer multiple-choice questions can be imported (this is text without answers (a description))"],
    ]);
  });

  it("reports a question cut off before its closing brace", () => {
    expect(parseGift("// systemic: domain=1; concepts=x; difficulty=1\nQ? {=a ~b").problems).toEqual([{ line: 2, message: "the question ends too early; is a } missing?" }]);
  });

  it("reports a // systemic: line that no question follows", () => {
    expect(parseGift("// systemic: domain=1; concepts=x; difficulty=1\n").problems).toEqual([{ line: 1, message: "this // systemic: line is not followed by a question" }]);
  });
});

describe("GIFT round trip", () => {
  it("items → GIFT → items is lossless for GIFT's special characters, line breaks and Unicode", () => {
    const gift = itemsToGift(TRICKY_ITEMS);
    const result = parseGift(gift);
    expect(result.problems).toEqual([]);
    expect(itemsOf(result)).toEqual(TRICKY_ITEMS);
  });

  it("writes the metadata comment, the title and escaped text", () => {
    const gift = itemsToGift(TRICKY_ITEMS.slice(1, 2));
    expect(gift).toContain("// systemic: domain=3; concepts=joining,tracking; difficulty=2\n::set\\:1/α \\{draft\\} \\#2::[moodle]// Session notes\\:");
    expect(gift).toContain("100% \\= all \\~ none \\{maybe\\} \\#tag.\\n\\nWhich response");
    // "->" in an answer would make GIFT read a matching question.
    expect(gift).toContain("=[html]\\=SUM(A1\\:A2) -&gt; join the parents#");
    // Answers starting like a weight or a format tag are guarded.
    expect(gift).toContain("~[moodle]%50% of sessions");
    expect(gift).toContain("~[moodle][html]<b>bold</b>");
    // No question text contains a real blank line (that would end the question).
    const questions = gift.split("\n\n").slice(1);
    expect(questions).toHaveLength(1);
  });

  it("keeps an item without id untitled", () => {
    const gift = itemsToGift(TRICKY_ITEMS.slice(2, 3));
    expect(gift).toMatch(/\n\[moodle\]\[html\] Zoë/);
    expect(itemsOf(parseGift(gift))[0]?.id).toBeUndefined();
  });
});

describe("GIFT helpers", () => {
  it("escapes every control character and line breaks", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h\ni")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni");
  });

  it("splits the lead-in from the stem", () => {
    expect(splitQuestionText("One.\n\nTwo. Three?\n\nWhat now?")).toEqual({ stem: "One.\n\nTwo. Three?", leadIn: "What now?" });
    expect(splitQuestionText("He said “stop.” Then she left. What next?")).toEqual({ stem: "He said “stop.” Then she left.", leadIn: "What next?" });
    expect(splitQuestionText("What now?")).toEqual({ stem: "", leadIn: "What now?" });
  });

  it("turns HTML into text with paragraphs and decoded entities", () => {
    expect(htmlToText("<p>One &amp; <b>two</b></p>\n<p>Three<br/>four &#233;&#x1F600;&nbsp;five</p>")).toBe("One & two\n\nThree\nfour é😀 five");
    expect(htmlToText("a -&gt; b &amp;lt;")).toBe("a -> b &lt;");
  });
});
