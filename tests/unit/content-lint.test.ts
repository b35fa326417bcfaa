import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkKeySpread,
  checkNegativeLeadIn,
  contentProblems,
  formatProblem,
  keyStandsOutByLength,
  resolveLessonLink,
} from "@/lib/content/lint";
import { loadContent, type ItemRecord } from "@/lib/content/load";
import { findCompileProblems } from "@/lib/content/mdx";

const bad = path.join(import.meta.dirname, "fixtures/content/bad");

/** Every problem the bad fixture bank must produce: file, line, rule. Nothing else may appear. */
const EXPECTED: [string, number, string][] = [
  ["content/blueprints/bad-blueprint.yaml", 1, "blueprint"],
  ["content/items/broken.yaml", 5, "yaml-syntax"],
  ["content/items/not-a-list.yaml", 2, "items-file"],
  ["content/items/rules.yaml", 5, "item-lesson"],
  ["content/items/rules.yaml", 30, "item-section"],
  ["content/items/rules.yaml", 60, "item-blueprint"],
  ["content/items/rules.yaml", 100, "item-duplicate-id"],
  ["content/items/rules.yaml", 142, "item-duplicate-option"],
  ["content/items/rules.yaml", 168, "item-all-none-above"],
  ["content/items/rules.yaml", 184, "item-negative-lead-in"],
  ["content/items/rules.yaml", 210, "item-key-length"],
  ["content/items/rules.yaml", 232, "item-lead-in-question"],
  ["content/items/rules.yaml", 263, "item-rationale-prefix"],
  ["content/items/schema.yaml", 14, "item-four-options"],
  ["content/items/schema.yaml", 32, "item-rationale"],
  ["content/items/schema.yaml", 53, "item-one-key"],
  ["content/items/schema.yaml", 55, "item-schema"],
  ["content/items/spread.yaml", 2, "item-key-spread"],
  ["content/lessons/bad-frontmatter.mdx", 8, "frontmatter"],
  ["content/lessons/bad-map.mdx", 25, "family-map"],
  ["content/lessons/bad-mdx.mdx", 19, "mdx-compile"],
  ["content/lessons/broken-links.mdx", 19, "broken-link"],
  ["content/lessons/broken-links.mdx", 19, "broken-link"],
  ["content/lessons/broken-links.mdx", 20, "broken-link"],
  ["content/lessons/broken-links.mdx", 20, "broken-link"],
  ["content/lessons/duplicate-cards.mdx", 21, "flashcard-duplicate-id"],
  ["content/lessons/duplicate-cards.mdx", 23, "flashcard-invalid"],
  ["content/lessons/duplicate-order.mdx", 7, "lesson-order"],
  ["content/lessons/missing-parts.mdx", 1, "lesson-exam-section"],
  ["content/lessons/missing-parts.mdx", 1, "lesson-self-check"],
  ["content/lessons/missing-parts.mdx", 1, "lesson-vignette"],
  ["content/lessons/no-frontmatter.mdx", 1, "frontmatter"],
  ["content/lessons/wrong-slug.mdx", 2, "lesson-slug"],
];

describe("content check on the bad fixture bank", { timeout: 30_000 }, async () => {
  const content = await loadContent(bad);
  const problems = contentProblems(content);

  // The fixture's items are templated, so the cue checks (tested on their own
  // in content-cues.test.ts) fire on most of them; this test is about the rest.
  const CUE_RULES_ALSO_FIRING = new Set(["item-near-duplicate-stem", "item-absolute-distractor", "item-option-length", "item-stem-echo"]);

  it("finds exactly the expected problems, each at its file, line and rule", () => {
    expect(problems.filter((p) => !CUE_RULES_ALSO_FIRING.has(p.rule)).map((p) => [p.file, p.line, p.rule])).toEqual(EXPECTED);
  });

  it("flags the templated stems as near-duplicates and the long key as an outlier", () => {
    const nearDuplicates = problems.filter((p) => p.rule === "item-near-duplicate-stem");
    // spread.yaml holds eight identical stems: every later one repeats every earlier one.
    const spr008 = nearDuplicates.filter((p) => p.message.startsWith("spr-008:")).map((p) => /near-duplicate of (\w+-\d+)/.exec(p.message)?.[1]);
    for (const earlier of ["spr-001", "spr-002", "spr-003", "spr-004", "spr-005", "spr-006", "spr-007"]) expect(spr008).toContain(earlier);
    expect(problems.find((p) => p.rule === "item-option-length")?.message).toMatch(/^rul-008: the key \(49 characters\) is clearly the longest option/);
  });

  it("explains each problem in plain words", () => {
    const messages = problems.map(formatProblem);
    expect(messages).toContain("content/items/schema.yaml:14: sch-001: an item has exactly four options (found 3) [item-four-options]");
    expect(messages).toContain("content/items/schema.yaml:32: sch-002: option B needs a rationale [item-rationale]");
    expect(messages).toContain('content/items/rules.yaml:184: rul-007: a negative lead-in is written in capitals: "not" → "NOT" [item-negative-lead-in]');
    expect(messages).toContain('content/lessons/wrong-slug.mdx:2: slug "another-slug" must equal the file name "wrong-slug" [lesson-slug]');
    expect(messages).toContain('content/lessons/bad-map.mdx:25: family map: relations.0.between.1: unknown member "stranger" [family-map]');
    expect(messages).toContain(
      'content/items/spread.yaml:2: the keys of lesson "spread-lesson" are not spread across A–D (A 8, B 0, C 0, D 0); move keys so the counts differ by at most 1 [item-key-spread]',
    );
    expect(messages.filter((m) => m.includes("broken-link"))).toEqual([
      'content/lessons/broken-links.mdx:19: link "/learn/anchor-lesson#nowhere" points to #nowhere, which is not a heading anchor of lesson "anchor-lesson" [broken-link]',
      'content/lessons/broken-links.mdx:19: link "/learn/nowhere" points to lesson "nowhere", which does not exist [broken-link]',
      'content/lessons/broken-links.mdx:20: link "./nowhere.mdx" points to lesson "nowhere", which does not exist [broken-link]',
      'content/lessons/broken-links.mdx:20: link "#nowhere" points to #nowhere, which is not a heading anchor of lesson "broken-links" [broken-link]',
    ]);
  });

  it("leaves invalid lessons and items out of the loaded content", () => {
    expect(content.lessons.map((l) => l.slug)).not.toContain("bad-frontmatter");
    expect(content.items.map((i) => i.id).filter((id) => id.startsWith("sch"))).toEqual([]);
  });

  it("reports MDX that parses but does not compile, once per lesson, at the offending line", async () => {
    expect(await findCompileProblems(content.lessons, problems)).toEqual([
      { file: "content/lessons/compile-error.mdx", line: 17, message: 'MDX does not compile: Could not resolve "./missing.js"', rule: "mdx-compile" },
    ]);
  });
});

const item = (key: ItemRecord["key"], lesson = "l"): ItemRecord => ({
  id: "abc-001",
  lesson,
  section: "s",
  domain: 1,
  concepts: ["c"],
  difficulty: 1,
  author: "a",
  written: "2026-11-22",
  blueprint: "b",
  stem: "s",
  leadIn: "Which?",
  options: [],
  key,
  file: "f.yaml",
  line: 1,
  lines: {},
});

describe("single rules", () => {
  it("flags a key longer than every distractor and 1.5× their mean, and nothing less", () => {
    expect(keyStandsOutByLength(["x".repeat(31), "x".repeat(20), "x".repeat(20), "x".repeat(20)], 0)).toBe(true);
    expect(keyStandsOutByLength(["x".repeat(30), "x".repeat(20), "x".repeat(20), "x".repeat(20)], 0)).toBe(false);
    // Longer than the mean ×1.5 but not than every distractor.
    expect(keyStandsOutByLength(["x".repeat(40), "x".repeat(45), "x".repeat(10), "x".repeat(10)], 0)).toBe(false);
  });

  it("accepts capitalised negatives and rejects lower-case or contracted ones", () => {
    const leadIn = (text: string) => checkNegativeLeadIn({ ...item("A"), leadIn: text }).map((p) => p.message);
    expect(leadIn("Which of these is NOT a marker of a coalition?")).toEqual([]);
    expect(leadIn("All of these are markers EXCEPT which one?")).toEqual([]);
    expect(leadIn("Which is the least helpful response?")).toEqual(['abc-001: a negative lead-in is written in capitals: "least" → "LEAST"']);
    expect(leadIn("Which response isn't helpful?")).toHaveLength(1);
  });

  it("fails key spread only for lessons with at least 8 items and a gap above 2", () => {
    const keys = (letters: string) => [...letters].map((k) => item(k as ItemRecord["key"]));
    expect(checkKeySpread(keys("AAAAAAA"))).toEqual([]);
    expect(checkKeySpread(keys("AAABBCCD"))).toEqual([]);
    expect(checkKeySpread(keys("AAABBBCD"))).toEqual([]);
    expect(checkKeySpread(keys("AAAABCCD")).map((p) => p.message)).toEqual([
      'the keys of lesson "l" are not spread across A–D (A 4, B 1, C 2, D 1); move keys so the counts differ by at most 1',
    ]);
    expect(checkKeySpread(keys("AAAABBBB")).map((p) => p.rule)).toEqual(["item-key-spread"]);
    expect(checkKeySpread([...keys("AAAA"), ...keys("BBBB").map((i) => ({ ...i, lesson: "other" }))])).toEqual([]);
  });

  it("understands lesson links and ignores the rest", () => {
    expect(resolveLessonLink("/learn/joining#tracking", "x")).toEqual({ slug: "joining", anchor: "tracking" });
    expect(resolveLessonLink("/learn/joining/", "x")).toEqual({ slug: "joining", anchor: undefined });
    expect(resolveLessonLink("#self-check", "x")).toEqual({ slug: "x", anchor: "self-check" });
    expect(resolveLessonLink("../lessons/joining.mdx#what-joining-is", "x")).toEqual({ slug: "joining", anchor: "what-joining-is" });
    expect(resolveLessonLink("./joining", "x")).toEqual({ slug: "joining", anchor: undefined });
    expect(resolveLessonLink("/learn", "x")).toBeNull();
    expect(resolveLessonLink("/practice", "x")).toBeNull();
    expect(resolveLessonLink("https://amftrb.org", "x")).toBeNull();
    expect(resolveLessonLink("mailto:a@b.c", "x")).toBeNull();
    expect(resolveLessonLink("../items/joining.yaml", "x")).toBeNull();
  });
});

describe("files awaiting their cue rewrite", () => {
  it("turn only their cue findings into warnings", async () => {
    const { partitionPending } = await import("@/lib/content/lint");
    const at = (file: string, rule: string) => ({ file, line: 1, rule, message: "m" }) as Parameters<typeof partitionPending>[0][number];
    const problems = [at("content/items/old.yaml", "item-key-citation"), at("content/items/old.yaml", "item-section"), at("content/items/new.yaml", "item-key-citation")];
    const { problems: failing, warnings } = partitionPending(problems, new Set(["content/items/old.yaml"]));
    expect(warnings.map((p) => [p.file, p.rule])).toEqual([["content/items/old.yaml", "item-key-citation"]]);
    expect(failing.map((p) => [p.file, p.rule])).toEqual([
      ["content/items/old.yaml", "item-section"],
      ["content/items/new.yaml", "item-key-citation"],
    ]);
  });
});
