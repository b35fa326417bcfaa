import { describe, expect, it } from "vitest";
import { BANK_FLAG_MIN_LEARNERS, bankItemStats, type BankResponse } from "@/lib/content/item-stats";

/** `n` learners; learner i answers every item; `choose(item, i)` is the option learner i picks. */
function cohort(n: number, items: { id: string; keyIndex: number }[], choose: (itemId: string, learner: number) => number | null): BankResponse[] {
  const out: BankResponse[] = [];
  for (let i = 0; i < n; i++) {
    for (const item of items) {
      const chosen = choose(item.id, i);
      out.push({ learnerId: `l${i}`, itemId: item.id, chosen, correct: chosen === item.keyIndex });
    }
  }
  return out;
}

describe("bank item statistics", () => {
  const items = [
    { id: "easy", keyIndex: 0 },
    { id: "good", keyIndex: 1 },
    { id: "miskeyed", keyIndex: 2 },
    { id: "anchor1", keyIndex: 0 },
    { id: "anchor2", keyIndex: 0 },
  ];
  // Learners 0–19 are strong, 20–39 weak. Strong learners get anchors and "good" right; weak ones miss them.
  // "easy": everyone right. "miskeyed": strong learners pick D, weak ones pick the key C.
  const responses = cohort(40, items, (id, i) => {
    const strong = i < 20;
    if (id === "easy") return 0;
    if (id === "good") return strong ? 1 : [0, 2, 3][i % 3]!;
    if (id === "miskeyed") return strong ? 3 : 2;
    return strong ? 0 : 1 + (i % 3);
  });
  const stats = new Map(bankItemStats(responses, items).map((s) => [s.itemId, s]));

  it("computes facility and option shares over each learner's first response", () => {
    const doubled = [...responses, { learnerId: "l0", itemId: "good", chosen: 3, correct: false }];
    const again = bankItemStats(doubled, items).find((s) => s.itemId === "good")!;
    expect(again.learners).toBe(40);
    expect(again.facility).toBe(0.5);
    expect(stats.get("easy")!.optionShares).toEqual([1, 0, 0, 0]);
  });

  it("flags an item nearly everyone gets right and distractors nobody picks", () => {
    const easy = stats.get("easy")!;
    expect(easy.flags).toEqual(expect.arrayContaining(["too-easy", "weak-distractor"]));
    expect(easy.weakDistractors).toEqual([1, 2, 3]);
    expect(easy.discrimination).toBeNull();
  });

  it("separates a discriminating item from a likely miskey", () => {
    expect(stats.get("good")!.discrimination).toBeGreaterThan(0.5);
    expect(stats.get("good")!.flags).not.toContain("possible-miskey");
    expect(stats.get("miskeyed")!.discrimination).toBeLessThan(0);
    expect(stats.get("miskeyed")!.flags).toContain("possible-miskey");
  });

  it("flags nothing until 30 learners have answered", () => {
    const few = bankItemStats(responses.filter((r) => Number(r.learnerId.slice(1)) < BANK_FLAG_MIN_LEARNERS - 1 || r.learnerId === "l39"), items);
    expect(few.find((s) => s.itemId === "easy")!.learners).toBe(BANK_FLAG_MIN_LEARNERS);
    const fewer = bankItemStats(responses.filter((r) => Number(r.learnerId.slice(1)) < BANK_FLAG_MIN_LEARNERS - 1), items);
    expect(fewer.every((s) => s.flags.length === 0)).toBe(true);
  });
});
