import fs from "node:fs";
import path from "node:path";
import type { Code, Root } from "mdast";
import type {} from "remark-mdx";
import { bundleMDX } from "mdx-bundler";
import { renderToStaticMarkup } from "react-dom/server";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { LessonBody } from "@/components/lesson/lesson-body";
import { TableOfContents } from "@/components/lesson/table-of-contents";

/** The smallest stand-in for the real remark plugin: ```familymap YAML → <FamilyMap spec="{json}" />. */
function remarkFamilyMapForTest() {
  return (tree: Root) => {
    visit(tree, "code", (node: Code, index, parent) => {
      if (node.lang !== "familymap" || !parent || index === undefined) return;
      parent.children.splice(index, 1, {
        type: "mdxJsxFlowElement",
        name: "FamilyMap",
        attributes: [{ type: "mdxJsxAttribute", name: "spec", value: JSON.stringify(YAML.parse(node.value)) }],
        children: [],
      });
    });
  };
}

const LESSON = `
## Alliance and coalition

An inline term: <KeyTerm term="Alliance">Two or more members cooperating toward a shared task.</KeyTerm> Then the sentence goes on.

<KeyTerm term="Coalition">Two family members joining against a third to
control, blame or exclude them.</KeyTerm>

<KeyTerm term="Detouring">
Parents routing their own conflict through a child.
</KeyTerm>

<Card front="How does attack detouring differ from support detouring?" back="Attack: the parents unite in blaming the child; support: they unite in protecting a child seen as fragile." />

<Compare title="Alliance and coalition side by side">

| | Alliance | Coalition |
|---|---|---|
| Purpose | Cooperation toward a shared task | Joining against a third member |

</Compare>

### A worked example

<Vignette title="The Okafor family">
Mrs. Okafor answers every question put to her son.

The therapist notices who speaks for whom.
</Vignette>

\`\`\`familymap
title: A cross-generational coalition
members:
  - { id: mom, label: "Ana (mother)", generation: 1, gender: female }
  - { id: dad, label: "Luis (father)", generation: 1, gender: male }
  - { id: son, label: "Mateo, 13", generation: 2, gender: male, identifiedPatient: true }
relations:
  - { type: coalition, between: [mom, son], against: dad }
\`\`\`

## How the exam tests this

<Callout kind="exam" title="Exam tip">Look for *who is against whom*.</Callout>

<Callout kind="caution">Do not confuse the two.</Callout>

See [the detouring lesson](/learn/detouring-and-triangulation) and [this section](#self-check) or [a source](https://example.org/paper).

## Self-check

<details>
<summary>What is a coalition?</summary>

Two members joined against a third.
</details>
`;

let html = "";

beforeAll(async () => {
  const { code } = await bundleMDX({
    source: LESSON,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkFamilyMapForTest];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug];
      return options;
    },
  });
  html = renderToStaticMarkup(<LessonBody code={code} />);
}, 30_000);

describe("<LessonBody>", () => {
  it("renders key terms inline and on their own line, each with a flashcard marker", () => {
    for (const term of ["Alliance", "Coalition", "Detouring"]) expect(html).toMatch(new RegExp(`<dfn[^>]*>${term}</dfn>`));
    expect(html.match(/flashcard<\/span>/g)).toHaveLength(3);
    // Inline: the term stays inside its sentence's paragraph.
    expect(html).toMatch(/<p[^>]*>An inline term: <span[^>]*><dfn[^>]*>Alliance<\/dfn>.*?Then the sentence goes on\.<\/p>/);
    // Alone on a line with the text beside the tags: a span straight in the container, styled as a block by its parent.
    expect(html).toMatch(/<div class="[^"]*"><div class="flex items-baseline[^>]*>.*?<span class="[^"]*\[div&gt;&amp;\]:block[^"]*"><dfn[^>]*>Coalition<\/dfn>/s);
    // Definition on its own lines: one paragraph, with no paragraph nested in it.
    const block = /<p[^>]*><dfn[^>]*>Detouring<\/dfn>(.*?)<\/p>/.exec(html)?.[1];
    expect(block).toContain("Parents routing their own conflict through a child.");
    expect(block).not.toMatch(/<p[\s>]/);
  });

  it("renders a Card with its front visible and the back behind Show answer", () => {
    expect(html).toContain("How does attack detouring differ from support detouring?");
    expect(html).toMatch(/<details[^>]*><summary[^>]*><span[^>]*>Show answer<\/span>.*?<\/summary><p[^>]*>Attack: the parents unite/);
  });

  it("renders Compare as a titled figure whose table scrolls in its own box", () => {
    expect(html).toMatch(/<figure[^>]*><figcaption[^>]*>Alliance and coalition side by side<\/figcaption><div[^>]*overflow-x-auto/);
    expect(html).toMatch(/<div[^>]*overflow-x-auto[^>]*><table/);
    expect(html).toMatch(/<th[^>]*>Coalition<\/th>/);
    expect(html).toMatch(/<td[^>]*>Joining against a third member<\/td>/);
  });

  it("renders a Vignette as a labelled aside", () => {
    expect(html).toMatch(/<aside aria-label="Clinical vignette: The Okafor family"[^>]*>/);
    expect(html).toContain("The therapist notices who speaks for whom.");
  });

  it("renders Callouts with their title or a default one", () => {
    expect(html).toMatch(/<div role="note" aria-label="Exam tip"[^>]*>/);
    expect(html).toContain("<em>who is against whom</em>");
    expect(html).toMatch(/<div role="note" aria-label="Caution"[^>]*>/);
  });

  it("renders the family map as an accessible SVG figure", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="family-map-\w+-title family-map-\w+-desc"/);
    expect(html).toContain("A cross-generational coalition</title>");
    expect(html).toContain("Ana (mother) and Mateo, 13 form a coalition against Luis (father).");
  });

  it("keeps heading ids and adds a copyable anchor link to each section", () => {
    expect(html).toMatch(/<h2 id="how-the-exam-tests-this"[^>]*>How the exam tests this<\/h2><a href="#how-the-exam-tests-this" aria-label="Link to section: How the exam tests this"[^>]*>#<\/a>/);
    expect(html).toMatch(/<h3 id="a-worked-example"[^>]*>A worked example<\/h3><a href="#a-worked-example" aria-label="Link to section: A worked example"/);
    expect(html).toMatch(/<h2 id="self-check"/);
  });

  it("renders links: site pages, anchors and other sites", () => {
    expect(html).toMatch(/<a[^>]*href="\/learn\/detouring-and-triangulation"[^>]*>the detouring lesson<\/a>/);
    expect(html).toMatch(/<a href="#self-check"[^>]*>this section<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/example.org\/paper"[^>]*>a source<\/a>/);
  });

  it("keeps the self-check answers in native details blocks", () => {
    expect(html).toMatch(/<details><summary>What is a coalition\?<\/summary>\s*<p[^>]*>Two members joined against a third\.<\/p>\s*<\/details>/);
  });
});

describe("<TableOfContents>", () => {
  it("is a labelled nav with sub-sections nested under their section", () => {
    const toc = renderToStaticMarkup(
      <TableOfContents
        toc={[
          { depth: 2, text: "Alliance and coalition", id: "alliance-and-coalition" },
          { depth: 3, text: "A worked example", id: "a-worked-example" },
          { depth: 2, text: "Self-check", id: "self-check" },
        ]}
      />,
    );
    expect(toc).toMatch(/^<nav aria-label="On this page"/);
    expect(toc).toMatch(/<li><a href="#alliance-and-coalition"[^>]*>Alliance and coalition<\/a><ol[^>]*><li><a href="#a-worked-example"/);
    expect(toc).toMatch(/<li><a href="#self-check"[^>]*>Self-check<\/a><\/li><\/ol><\/nav>$/);
    expect(renderToStaticMarkup(<TableOfContents toc={[]} />)).toBe("");
  });
});

describe("lesson components", () => {
  it("ship no client JavaScript: no client directive, hooks or event handlers", () => {
    const dir = path.resolve(import.meta.dirname, "../../components/lesson");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".tsx"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      expect(source, file).not.toMatch(/["']use client["']/);
      expect(source, file).not.toMatch(/\buse(State|Effect|Ref|Reducer|Context|LayoutEffect|Id)\b/);
      expect(source, file).not.toMatch(/\bon[A-Z]\w+=/);
    }
  });
});
