import { describe, expect, it } from "vitest";
import type { ItemSource } from "@/lib/content/schema";
import { canonicalJson, contentHash, flashcardRow, itemRow, planSync, type ExistingRow } from "@/lib/content/sync";

const item: ItemSource = {
  id: "alc-001",
  lesson: "alliance-vs-coalition",
  section: "how-the-exam-tests-this",
  domain: 2,
  concepts: ["coalition"],
  difficulty: 2,
  author: "Systemic content team",
  written: "2026-11-22",
  blueprint: "amftrb-2020",
  stem: "A mother and her son exchange glances whenever the father speaks.",
  leadIn: "Which concept best describes the mother and son?",
  options: [
    { text: "Coalition", rationale: "Correct. …" },
    { text: "Alliance", rationale: "Incorrect. …" },
    { text: "Cutoff", rationale: "Incorrect. …" },
    { text: "Enmeshment", rationale: "Incorrect. …" },
  ],
  key: "C",
};

describe("content rows", () => {
  it("maps an item onto the Item model", () => {
    const row = itemRow(item);
    expect(row).toMatchObject({ id: "alc-001", lessonSlug: "alliance-vs-coalition", keyIndex: 2, writtenOn: "2026-11-22", concepts: '["coalition"]' });
    expect(JSON.parse(row.options)).toEqual(item.options);
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes canonical JSON: key order does not matter, wording does", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(itemRow(item).contentHash).toBe(itemRow({ ...item }).contentHash);
    expect(itemRow({ ...item, stem: `${item.stem} Again.` }).contentHash).not.toBe(itemRow(item).contentHash);
    const card = { id: "l/x", lessonSlug: "l", section: "", front: "F", back: "B", source: "keyterm" as const };
    expect(flashcardRow(card).contentHash).not.toBe(flashcardRow({ ...card, back: "B2" }).contentHash);
  });
});

describe("planning a sync", () => {
  const row = (id: string, hash = "h") => ({ id, contentHash: hash });
  const existing = (id: string, hash = "h", retiredAt: Date | null = null, lessonSlug = "l"): ExistingRow => ({ id, contentHash: hash, retiredAt, lessonSlug });

  it("creates new rows, updates changed or retired ones, retires missing ones", () => {
    const plan = planSync(
      [existing("same"), existing("changed", "old"), existing("back", "h", new Date()), existing("gone"), existing("long-gone", "h", new Date())],
      [row("same"), row("changed", "new"), row("back"), row("new")],
    );
    expect(plan).toEqual({ create: [row("new")], update: [row("changed", "new"), row("back")], unchanged: 1, retire: ["gone"] });
  });

  it("is a no-op the second time", () => {
    expect(planSync([existing("a"), existing("b")], [row("a"), row("b")])).toEqual({ create: [], update: [], unchanged: 2, retire: [] });
  });

  it("retires only rows of the lessons in scope", () => {
    const plan = planSync([existing("mine", "h", null, "mine"), existing("theirs", "h", null, "theirs")], [], ["mine"]);
    expect(plan.retire).toEqual(["mine"]);
  });
});
