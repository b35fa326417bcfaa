import { describe, expect, it } from "vitest";
import { groupResults, highlight, snippet } from "@/lib/content/search-display";
import { opening } from "@/lib/content/search-index";

describe("search results as shown", () => {
  it("marks each matched word whole, from a word start, whatever its case", () => {
    expect(highlight("Triangulation pulls a child into the triangle; detriangulation frees it.", ["triangulation"])).toEqual([
      { text: "Triangulation", match: true },
      { text: " pulls a child into the triangle; detriangulation frees it.", match: false },
    ]);
    // A prefix match marks the rest of the word too.
    expect(highlight("Enmeshed families", ["enmesh"]).filter((s) => s.match).map((s) => s.text)).toEqual(["Enmeshed"]);
    expect(highlight("No terms here", [])).toEqual([{ text: "No terms here", match: false }]);
    expect(highlight("a+b (c)", ["(c"])).toEqual([{ text: "a+b ", match: false }, { text: "(c", match: true }, { text: ")", match: false }]);
  });

  it("cuts a long text around its first match, at word boundaries, with ellipses", () => {
    const text = `${"Early words come first in this text. ".repeat(8)}Here the coalition appears. ${"And more words follow it. ".repeat(8)}`;
    const cut = snippet(text, ["coalition"], 80);
    expect(cut).toContain("coalition");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(82);
    expect(snippet("short", ["x"])).toBe("short");
  });

  it("groups lessons with their sections, then questions, then flashcards, best first and at most five each", () => {
    const kinds = ["item", "card", "section", "item", "lesson", ...Array(6).fill("item")] as const;
    const groups = groupResults(kinds.map((kind, i) => ({ kind, id: i })));
    expect(groups.map((g) => [g.label, g.shown.map((r) => r.id), g.more])).toEqual([
      ["Lessons", [2, 4], 0],
      ["Questions", [0, 3, 5, 6, 7], 3],
      ["Flashcards", [1], 0],
    ]);
  });

  it("titles a question by its stem's opening sentence, not by its lead-in", () => {
    expect(opening("Mr. Okafor and Ms. Diaz disagree about bedtime. Their son listens.")).toBe("Mr. Okafor and Ms. Diaz disagree about bedtime.");
    expect(opening("x".repeat(200)).length).toBe(140);
  });
});
