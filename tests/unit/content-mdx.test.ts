import path from "node:path";
import type { Root } from "mdast";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { compileErrorPosition, compileLesson } from "@/lib/content/mdx";
import remarkFamilyMap, { parseFamilyMap } from "@/lib/content/remark-family-map";

const good = path.join(import.meta.dirname, "fixtures/content/good");

const stub =
  (name: string) =>
  ({ children, ...props }: { children?: ReactNode } & Record<string, unknown>) =>
    createElement("div", { "data-component": name, "data-props": JSON.stringify(props) }, children);
const components = Object.fromEntries(["KeyTerm", "Card", "Compare", "Vignette", "Callout", "FamilyMap"].map((n) => [n, stub(n)]));

describe("compiling lessons", { timeout: 30_000 }, async () => {
  const { lessons } = await loadContent(good);
  const lesson = lessons.find((l) => l.slug === "alliance-basics")!;

  it("returns runnable code and the ## / ### table of contents", async () => {
    const { code, toc } = await compileLesson(lesson);
    expect(toc).toEqual([
      { depth: 2, text: "What an alliance is", id: "what-an-alliance-is" },
      { depth: 3, text: "Example", id: "example" },
      { depth: 2, text: "Example", id: "example-1" },
      { depth: 2, text: "The Card component", id: "the-card-component" },
      { depth: 2, text: "How the exam tests this", id: "how-the-exam-tests-this" },
      { depth: 2, text: "Self-check", id: "self-check" },
    ]);
    const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components }));
    expect(html).toContain('<h2 id="how-the-exam-tests-this">How the exam tests this</h2>');
    expect(html).toContain("<table>");
    expect(html).toContain('data-component="Vignette"');
  });

  it("turns a familymap block into <FamilyMap spec> holding the validated map as JSON", async () => {
    const { code } = await compileLesson(lesson);
    const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components }));
    const props = /data-component="FamilyMap" data-props="([^"]*)"/.exec(html)?.[1]?.replaceAll("&quot;", '"');
    const spec = JSON.parse(JSON.parse(props ?? "{}").spec);
    expect(spec.title).toBe("A cross-generational coalition");
    expect(spec.members.map((m: { id: string }) => m.id)).toEqual(["mom", "dad", "son"]);
    // Defaults from familyMapSchema are filled in.
    expect(spec.subsystems).toEqual([]);
    expect(spec.relations).toEqual([{ type: "coalition", between: ["mom", "son"], against: "dad" }]);
  });

  it("fails to compile an invalid family map and names the line", async () => {
    const body = "## Map\n\n```familymap\ntitle: Bad map\nmembers:\n  - { id: mom, label: Mother, generation: 9 }\n```\n";
    await expect(compileLesson({ body, bodyLine: 20, headings: [] })).rejects.toThrow(/line 25: family map: members\.0\.generation/);
  });
});

describe("family map blocks", () => {
  it("validates YAML against familyMapSchema with block-relative lines", () => {
    const ok = parseFamilyMap("title: Two people\nmembers:\n  - { id: a, label: A, generation: 1 }\n  - { id: b, label: B, generation: 1 }\nrelations:\n  - { type: conflict, between: [a, b] }\n");
    expect(ok.ok).toBe(true);
    const bad = parseFamilyMap("title: Two people\nmembers:\n  - { id: a, label: A, generation: 1 }\nrelations:\n  - { type: coalition, between: [a, b] }\n");
    expect(bad).toEqual({
      ok: false,
      problems: [
        { line: 5, message: 'family map: relations.0.between.1: unknown member "b"' },
        { line: 5, message: "family map: relations.0: a coalition names the member it is against (against: <id>)" },
      ],
    });
    expect(parseFamilyMap("members: []\ntitle: a: b\n")).toMatchObject({ ok: false, problems: [{ line: 2 }] });
  });

  it("replaces the code node with an mdxJsxFlowElement named FamilyMap", async () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFamilyMap);
    const tree = (await processor.run(processor.parse("```familymap\ntitle: One person\nmembers:\n  - { id: a, label: A, generation: 1 }\n```\n"))) as Root;
    expect(tree.children[0]).toEqual({
      type: "mdxJsxFlowElement",
      name: "FamilyMap",
      attributes: [{ type: "mdxJsxAttribute", name: "spec", value: JSON.stringify({ title: "One person", members: [{ id: "a", label: "A", generation: 1 }], subsystems: [], relations: [] }) }],
      children: [],
    });
  });
});

describe("compile error positions", () => {
  it("reads the line from the MDX compiler's message or from the unresolved import", () => {
    expect(compileErrorPosition({ errors: [{ text: "Cannot process MDX file with esbuild:\n  1:1: Expected a closing tag for `<Vignette>` (30:1-30:11)" }] }, "", 16)).toEqual({
      line: 30,
      message: "1:1: Expected a closing tag for `<Vignette>` (30:1-30:11)",
    });
    expect(compileErrorPosition({ errors: [{ text: 'Could not resolve "./x.js"' }] }, "\n\nimport X from './x.js'\n", 1).line).toBe(3);
    expect(compileErrorPosition(new Error("something else"), "", 16)).toEqual({ line: 16, message: "something else" });
  });
});
