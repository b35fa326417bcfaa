import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectHeadings, headingText, slugHeadings } from "@/lib/content/anchors";
import { loadContent, parseLessonBody } from "@/lib/content/load";
import { compileLesson } from "@/lib/content/mdx";

const good = path.join(import.meta.dirname, "fixtures/content/good");

describe("heading anchors", { timeout: 30_000 }, () => {
  it("slugs like GitHub, numbering repeated headings", () => {
    expect(slugHeadings(["How the exam tests this", "Self-check", "Example", "Example", "Example"])).toEqual([
      "how-the-exam-tests-this",
      "self-check",
      "example",
      "example-1",
      "example-2",
    ]);
    expect(slugHeadings(["Pinsof's systemic view", "Split alliance: the unintended tilt"])).toEqual(["pinsofs-systemic-view", "split-alliance-the-unintended-tilt"]);
  });

  it("reads heading text as the rendered element does (code counts; alt text and expressions do not)", () => {
    const tree = parseLessonBody("## The `Card` *component*\n\n## Map ![legend](x.png) {1 + 1} here\n", 1);
    const headings = collectHeadings(tree);
    expect(headings.map((h) => h.text)).toEqual(["The Card component", "Map   here"]);
    expect(headings.map((h) => h.id)).toEqual(["the-card-component", "map---here"]);
    expect(headingText({ type: "text", value: "a  \n  b" })).toBe("a\nb");
  });

  it("counts every heading level and headings inside JSX, in document order, with file lines", () => {
    const tree = parseLessonBody("# Title\n\n<Vignette>\n\n## Inside\n\n</Vignette>\n\n#### Title\n\n## Inside\n", 10);
    expect(collectHeadings(tree)).toEqual([
      { depth: 1, text: "Title", id: "title", line: 10 },
      { depth: 2, text: "Inside", id: "inside", line: 14 },
      { depth: 4, text: "Title", id: "title-1", line: 18 },
      { depth: 2, text: "Inside", id: "inside-1", line: 20 },
    ]);
  });

  it("matches the ids rehype-slug writes into the compiled lesson", async () => {
    const { lessons } = await loadContent(good);
    for (const lesson of lessons) {
      const { code } = await compileLesson(lesson);
      const compiledIds = [...code.matchAll(/\.h[1-6],\{id:"([^"]+)"/g)].map((m) => m[1]);
      expect(compiledIds).toEqual(lesson.anchors);
    }
    expect(lessons.find((l) => l.slug === "alliance-basics")?.anchors).toEqual([
      "alliance-basics",
      "what-an-alliance-is",
      "example",
      "example-1",
      "the-card-component",
      "a-heading-inside-the-vignette",
      "how-the-exam-tests-this",
      "self-check",
    ]);
  });
});
