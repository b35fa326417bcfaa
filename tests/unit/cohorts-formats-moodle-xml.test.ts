import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { itemsToMoodleXml, textToHtml, textToInlineHtml } from "@/lib/cohorts/formats";
import { TRICKY_ITEMS } from "./fixtures/cohorts/items";

type Text = { text: string };
type Answer = { "@_fraction": string; "@_format": string; text: string; feedback: Text & { "@_format": string } };
type Question = {
  "@_type": string;
  name: Text;
  questiontext: Text & { "@_format": string };
  generalfeedback: Text;
  idnumber: string;
  single: string;
  shuffleanswers: string;
  answer: Answer[];
  tags: { tag: Text[] };
  category?: Text;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["question", "answer", "tag"].includes(name),
});

function parse(xml: string): Question[] {
  const doc = parser.parse(xml) as { quiz: { question: Question[] } };
  return doc.quiz.question;
}

describe("itemsToMoodleXml", () => {
  const xml = itemsToMoodleXml(TRICKY_ITEMS);
  const questions = parse(xml);

  it("is well-formed XML with an XML declaration", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("has one single-answer multichoice question per item, in order", () => {
    expect(questions).toHaveLength(TRICKY_ITEMS.length);
    for (const q of questions) {
      expect(q["@_type"]).toBe("multichoice");
      expect(q.single).toBe("true");
      expect(q.shuffleanswers).toBe("true");
      expect(q.answer).toHaveLength(4);
      expect(q.questiontext["@_format"]).toBe("html");
    }
    expect(questions.map((q) => q.name.text)).toEqual(["grp-001", "set:1/α {draft} #2", "Item 3", "key-d"]);
    expect(questions.map((q) => q.idnumber)).toEqual(["grp-001", "set:1/α {draft} #2", "", "key-d"]);
  });

  it("gives the key fraction 100, the distractors 0, and each answer its rationale as feedback", () => {
    const fractions = questions.map((q) => q.answer.map((a) => a["@_fraction"]));
    expect(fractions).toEqual([
      ["100", "0", "0", "0"],
      ["100", "0", "0", "0"],
      ["100", "0", "0", "0"],
      ["0", "0", "0", "100"],
    ]);
    TRICKY_ITEMS.forEach((item, i) => {
      item.options.forEach((option, j) => {
        expect(questions[i]?.answer[j]?.text).toBe(textToInlineHtml(option.text));
        expect(questions[i]?.answer[j]?.feedback.text).toBe(textToHtml(option.rationale));
      });
    });
  });

  it("escapes text so markup in an item is shown, never run", () => {
    const q = questions[1]!;
    // The item's literal "[html]<b>bold</b>" survives two layers: XML, then HTML.
    expect(xml).toContain("[html]&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp; &amp;#39;quoted&amp;#39; advice");
    expect(q.answer[3]?.text).toBe("[html]&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39; advice");
    expect(q.answer[3]?.feedback.text).toBe("<p>Incorrect. @mentions and &lt;tags&gt; are not therapy.</p>");
    expect(q.questiontext.text).toContain("<p>// Session notes: the Nguyen family, &quot;as written&quot;.</p><p>Para two");
    expect(q.questiontext.text).toContain("(C:\\temp\\).<br>A third line");
    expect(q.questiontext.text.endsWith("<p>Which response best supports joining, given the notes?</p>")).toBe(true);
    expect(questions[2]?.questiontext.text).toContain("Zoë, 漢字, عائلة and 👨‍👩‍👧");
  });

  it("explains the key in the general feedback without the letter (answers are shuffled)", () => {
    expect(questions[3]?.generalfeedback.text).toBe("<p>The answer is “Join with each family member first”.</p><p>Joining comes first.</p>");
  });

  it("tags questions with domain, difficulty, concepts and lesson", () => {
    expect(questions[0]?.tags.tag.map((t) => t.text)).toEqual(["domain-3", "difficulty-2", "joining", "tracking", "lesson-joining"]);
  });

  it("starts with a category question when asked", () => {
    const withCategory = parse(itemsToMoodleXml(TRICKY_ITEMS.slice(0, 1), { category: "$course$/top/Systemic & co" }));
    expect(withCategory[0]?.["@_type"]).toBe("category");
    expect(withCategory[0]?.category?.text).toBe("$course$/top/Systemic & co");
    expect(withCategory[1]?.["@_type"]).toBe("multichoice");
  });

  it("writes an empty quiz for no items", () => {
    const empty = itemsToMoodleXml([]);
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain("<quiz");
  });
});

describe("textToHtml", () => {
  it("writes answers inline, without paragraphs", () => {
    expect(textToInlineHtml("a < b\nc")).toBe("a &lt; b<br>c");
  });

  it("makes paragraphs at blank lines and <br> at single line breaks", () => {
    expect(textToHtml("a < b & c\nd\n\ne")).toBe("<p>a &lt; b &amp; c<br>d</p><p>e</p>");
  });

  it("drops characters XML cannot carry", () => {
    expect(textToHtml("bell\u0007 and null\u0000")).toBe("<p>bell and null</p>");
  });
});
