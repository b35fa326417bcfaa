import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearLessonCache, getLesson, getLessonSlugs, listLessons } from "@/lib/content/lessons";
import { loadContent } from "@/lib/content/load";
import { buildSearchDocuments } from "@/lib/content/search-index";
import { contentStats } from "@/lib/content/stats";

const good = path.join(import.meta.dirname, "fixtures/content/good");

describe("content stats", () => {
  it("counts lessons, items, cards, items per domain and lesson, and the key spread", async () => {
    expect(contentStats(await loadContent(good))).toEqual({
      lessons: 2,
      items: 5,
      flashcards: 4,
      itemsPerDomain: { "1": 2, "2": 3, "3": 0, "4": 0, "5": 0, "6": 0 },
      itemsPerLesson: { "alliance-basics": 4, "coalition-basics": 1 },
      keyPositions: { A: 2, B: 1, C: 1, D: 1 },
      keyPositionsPerLesson: {
        "alliance-basics": { A: 1, B: 1, C: 1, D: 1 },
        "coalition-basics": { A: 1, B: 0, C: 0, D: 0 },
      },
      flashcardsPerLesson: { "alliance-basics": 3, "coalition-basics": 1 },
    });
  });
});

describe("search documents", () => {
  it("indexes lessons, their sections, items and cards with links to their sections, without keys or rationales", async () => {
    const documents = buildSearchDocuments(await loadContent(good));
    const ids = documents.map((d) => d.id);
    expect(ids.filter((id) => !id.startsWith("section:"))).toEqual([
      "lesson:alliance-basics",
      "lesson:coalition-basics",
      "item:alb-001",
      "item:alb-002",
      "item:alb-003",
      "item:alb-004",
      "item:cob-001",
      "card:alliance-basics/alignment",
      "card:alliance-basics/alliance",
      "card:alliance-basics/how-does-an-alliance-differ-from-a-coalition",
      "card:coalition-basics/coalition",
    ]);
    const lesson = documents[0]!;
    expect(lesson).toMatchObject({ kind: "lesson", title: "Alliance basics", lesson: "Alliance basics", href: "/learn/alliance-basics" });
    // The lesson's own text is its summary and key terms; headings are results of their own, not a run-on dump.
    expect(lesson.text).toContain("Alignment Alliance");
    expect(lesson.text).not.toContain("How the exam tests this");
    expect(documents.find((d) => d.kind === "section" && d.title === "How the exam tests this")).toMatchObject({
      lesson: "Alliance basics",
      href: expect.stringMatching(/^\/learn\/alliance-basics#how-the-exam-tests-this$/),
    });
    const item = documents.find((d) => d.id === "item:alb-002")!;
    expect(item).toMatchObject({
      kind: "item",
      title: "A mother and her son exchange glances whenever the father speaks and later tell the therapist privately that he never listens.",
      lesson: "Alliance basics",
      href: "/learn/alliance-basics#example",
    });
    // Found by its topic too, though its stem does not name it.
    expect(item.text).toContain("alb-002 A mother and her son");
    expect(JSON.stringify(documents)).not.toContain("Correct.");
    expect(documents.find((d) => d.id === "card:alliance-basics/alignment")?.href).toBe("/learn/alliance-basics");
  });
});

describe("lessons for the app", { timeout: 30_000 }, () => {
  afterEach(() => clearLessonCache());

  it("lists lessons in course order with their counts", async () => {
    const lessons = await listLessons(good);
    expect(lessons.map((l) => [l.slug, l.frontmatter.title, l.itemCount, l.flashcardCount, l.toc.length])).toEqual([
      ["alliance-basics", "Alliance basics", 4, 3, 6],
      ["coalition-basics", "Coalition basics", 1, 1, 3],
    ]);
    expect(await getLessonSlugs(good)).toEqual(["alliance-basics", "coalition-basics"]);
  });

  it("compiles a lesson once and serves it from the cache", async () => {
    const first = await getLesson("coalition-basics", good);
    expect(first?.frontmatter.slug).toBe("coalition-basics");
    expect(first?.toc.map((t) => t.id)).toEqual(["what-a-coalition-is", "how-the-exam-tests-this", "self-check"]);
    expect(first?.code).toContain("return Component");
    expect(await getLesson("coalition-basics", good)).toBe(first);
    expect(await getLesson("no-such-lesson", good)).toBeNull();
  });
});
