import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectHeadings } from "@/lib/content/anchors";
import { extractFlashcards, flashcardId, keyTermFront } from "@/lib/content/flashcards";
import { loadContent, parseLessonBody } from "@/lib/content/load";

const good = path.join(import.meta.dirname, "fixtures/content/good");

const cardsOf = (body: string) => {
  const tree = parseLessonBody(body, 1);
  return extractFlashcards({ slug: "alliance-vs-coalition", file: "content/lessons/alliance-vs-coalition.mdx", tree, headings: collectHeadings(tree) });
};

describe("flashcards", () => {
  it("turns KeyTerms and Cards into cards with stable ids, linked to their section", async () => {
    const { flashcards } = await loadContent(good);
    expect(flashcards.map(({ id, section, front, back, source, line }) => ({ id, section, front, back, source, line }))).toEqual([
      {
        id: "alliance-basics/alignment",
        section: "",
        front: 'What is meant by "Alignment"?',
        back: "The way family members join with or oppose one another.",
        source: "keyterm",
        line: 19,
      },
      {
        id: "alliance-basics/alliance",
        section: "what-an-alliance-is",
        front: 'What is meant by "Alliance"?',
        back: "Two or more family members cooperating toward a shared task. It targets no one.",
        source: "keyterm",
        line: 24,
      },
      {
        id: "alliance-basics/how-does-an-alliance-differ-from-a-coalition",
        section: "the-card-component",
        front: "How does an alliance differ from a coalition?",
        back: "An alliance cooperates toward a task; a coalition joins against a third member.",
        source: "card",
        line: 43,
      },
      {
        id: "coalition-basics/coalition",
        section: "what-a-coalition-is",
        front: 'What is meant by "Coalition"?',
        back: "Two family members joining against a third.",
        source: "keyterm",
        line: 21,
      },
    ]);
  });

  it("builds ids from the lesson slug and the GitHub slug of the term", () => {
    expect(flashcardId("alliance-vs-coalition", "Coalition")).toBe("alliance-vs-coalition/coalition");
    expect(keyTermFront("Coalition")).toBe('What is meant by "Coalition"?');
  });

  it("takes the section from the nearest ## or ### heading, never from #### or #", () => {
    const { flashcards } = cardsOf('# Top\n\n<KeyTerm term="A">a</KeyTerm>\n\n## One\n\n### Two\n\n#### Deep\n\n<KeyTerm term="B">b</KeyTerm>\n');
    expect(flashcards.map((c) => [c.id, c.section])).toEqual([
      ["alliance-vs-coalition/a", ""],
      ["alliance-vs-coalition/b", "two"],
    ]);
  });

  it("reports KeyTerms and Cards that cannot make a card", () => {
    const { flashcards, problems } = cardsOf('<KeyTerm>no term</KeyTerm>\n\n<KeyTerm term="Empty"></KeyTerm>\n\n<Card front="Front only" />\n');
    expect(flashcards).toEqual([]);
    expect(problems.map((p) => [p.line, p.rule, p.message])).toEqual([
      [1, "flashcard-invalid", '<KeyTerm> needs a term="…" prop'],
      [3, "flashcard-invalid", '<KeyTerm term="Empty"> needs its definition between the tags'],
      [5, "flashcard-invalid", '<Card> needs a back="…" prop'],
    ]);
  });
});
