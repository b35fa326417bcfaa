import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectHeadings } from "@/lib/content/anchors";
import { extractFlashcards, flashcardId, keyTermFront, type FlashcardRecord } from "@/lib/content/flashcards";
import { checkDuplicateDefinitions } from "@/lib/content/lint";
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

describe("one definition per term", () => {
  const card = (over: Partial<FlashcardRecord>): FlashcardRecord => ({ id: "x", lessonSlug: "l", section: "", front: "", back: "b", source: "card", file: "content/lessons/l.mdx", line: 1, ...over });

  it("flags a term defined by two KeyTerms, or by a KeyTerm and a 'What is …?' card, with both places", () => {
    const problems = checkDuplicateDefinitions([
      card({ id: "a/detriangulation", source: "keyterm", term: "Detriangulation", front: keyTermFront("Detriangulation"), file: "content/lessons/a.mdx", line: 12 }),
      card({ id: "b/what-is-detriangulation", front: "What is detriangulation?", file: "content/lessons/b.mdx", line: 40 }),
      card({ id: "c/identified-patient", source: "keyterm", term: "Identified patient", file: "content/lessons/c.mdx", line: 7 }),
      card({ id: "d/identified-patient", source: "keyterm", term: "identified patient", file: "content/lessons/d.mdx", line: 9 }),
    ]);
    expect(problems.map((p) => [p.file, p.line, p.rule])).toEqual([
      ["content/lessons/b.mdx", 40, "flashcard-duplicate-definition"],
      ["content/lessons/d.mdx", 9, "flashcard-duplicate-definition"],
    ]);
    expect(problems[0]!.message).toContain("content/lessons/a.mdx:12");
  });

  it("lets other questions about a defined term through", () => {
    expect(
      checkDuplicateDefinitions([
        card({ source: "keyterm", term: "Detriangulation" }),
        card({ front: "Once a child is detriangulated, who deals with the conflict the child was carrying?" }),
        card({ front: "What is the difference between an alliance and a coalition?" }),
      ]),
    ).toEqual([]);
  });
});
