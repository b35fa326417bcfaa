import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentProblems } from "@/lib/content/lint";
import { itemLine, loadContent, parseItemsFile, parseLesson, splitFrontmatter } from "@/lib/content/load";

const good = path.join(import.meta.dirname, "fixtures/content/good");

describe("loading content", () => {
  it("loads the good fixture bank without a single problem", async () => {
    const content = await loadContent(good);
    expect(contentProblems(content)).toEqual([]);
    expect(content.lessons.map((l) => l.slug)).toEqual(["alliance-basics", "coalition-basics"]);
    expect(content.items.map((i) => i.id)).toEqual(["alb-001", "alb-002", "alb-003", "alb-004", "cob-001"]);
    expect(content.flashcards).toHaveLength(4);
    expect(content.blueprints.map((b) => b.id)).toEqual(["mini-2020"]);
  });

  it("keeps each lesson's frontmatter, body position and headings", async () => {
    const { lessons } = await loadContent(good);
    const lesson = lessons[0]!;
    expect(lesson.file).toBe("content/lessons/alliance-basics.mdx");
    expect(lesson.frontmatter.order).toBe(1);
    expect(lesson.frontmatter.lastReviewed).toBe("2026-11-22");
    expect(lesson.bodyLine).toBe(16);
    expect(lesson.frontmatterLines.order).toBe(7);
    expect(lesson.frontmatterLines["references.0.year"]).toBe(12);
    expect(lesson.headings.find((h) => h.id === "self-check")).toEqual({ depth: 2, text: "Self-check", id: "self-check", line: 74 });
  });

  it("records the file line of every item field", async () => {
    const { items } = await loadContent(good);
    const item = items.find((i) => i.id === "alb-002")!;
    expect(item.file).toBe("content/items/alliance-basics.yaml");
    expect(item.line).toBe(25);
    expect(itemLine(item, "leadIn")).toBe(37);
    expect(itemLine(item, "options.1.rationale")).toBe(42);
    expect(itemLine(item, "key")).toBe(47);
    expect(itemLine(item, "no.such.field")).toBe(25);
  });

  it("splits frontmatter from the body", () => {
    expect(splitFrontmatter("---\na: 1\n---\n\n# Hi\n")).toEqual({ yaml: "a: 1", body: "\n# Hi\n", bodyLine: 4 });
    expect(splitFrontmatter("# No frontmatter\n")).toBeNull();
    expect(splitFrontmatter("---\na: 1\nnever closed\n")).toBeNull();
  });

  it("reports instead of throwing on bad files", () => {
    expect(parseLesson("content/lessons/x.mdx", "---\nslug: x\ntitle: [unclosed\n---\n").problems).toEqual([
      { file: "content/lessons/x.mdx", line: 3, message: expect.stringMatching(/^frontmatter YAML: /), rule: "frontmatter" },
    ]);
    expect(parseItemsFile("content/items/x.yaml", "").items).toEqual([]);
    expect(parseItemsFile("content/items/x.yaml", "# only a comment\n").problems).toEqual([]);
  });

  it("returns an empty bank for a root without content", async () => {
    const content = await loadContent(path.join(import.meta.dirname, "fixtures"));
    expect(content).toEqual({ lessons: [], items: [], flashcards: [], blueprints: [], problems: [] });
  });
});
