import { describe, expect, it } from "vitest";
import { getBlueprint } from "@/lib/exam/blueprints";
import { scoreAttempt, type ScoredAnswer, type ScoredItem } from "@/lib/exam/scoring";

const blueprint = getBlueprint("amftrb-2020");

const items: ScoredItem[] = [
  { id: "i1", domain: 1, keyIndex: 0 },
  { id: "i2", domain: 1, keyIndex: 1 },
  { id: "i3", domain: 1, keyIndex: 2 },
  { id: "i4", domain: 3, keyIndex: 3 },
  { id: "i5", domain: 3, keyIndex: 0 },
  { id: "i6", domain: 5, keyIndex: 1 },
];

const answers: ScoredAnswer[] = [
  { itemId: "i1", chosen: 0, timeMs: 40_000 }, // right
  { itemId: "i2", chosen: 1, timeMs: 130_000 }, // right, slow
  { itemId: "i3", chosen: 0, timeMs: 70_000 }, // wrong
  { itemId: "i4", chosen: null, timeMs: 200_000 }, // skipped after a long look
  // i5 never answered
  { itemId: "i6", chosen: 1, timeMs: 20_000 }, // right
];

describe("scoreAttempt", () => {
  const score = scoreAttempt({ items, answers, blueprint });

  it("counts right answers over every item in the attempt, unanswered as wrong", () => {
    expect(score.correct).toBe(3);
    expect(score.total).toBe(6);
    expect(score.percent).toBe(50);
  });

  it("lists every blueprint domain in id order with its share, null percent where no item was shown", () => {
    expect(score.byDomain.map((d) => d.domain)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(score.byDomain.map((d) => d.weight)).toEqual(blueprint.domains.map((d) => d.share));
    expect(score.byDomain[0]).toEqual({ domain: 1, name: "The Practice of Systemic Therapy", correct: 2, total: 3, percent: 66.7, weight: 0.24 });
    expect(score.byDomain[1]).toMatchObject({ domain: 2, correct: 0, total: 0, percent: null });
    expect(score.byDomain[2]).toMatchObject({ domain: 3, correct: 0, total: 2, percent: 0 });
    expect(score.byDomain[4]).toMatchObject({ domain: 5, correct: 1, total: 1, percent: 100 });
  });

  it("rounds percentages to one decimal", () => {
    const third = scoreAttempt({ items: items.slice(0, 3), answers: answers.slice(0, 1), blueprint });
    expect(third.percent).toBe(33.3);
    const twoThirds = scoreAttempt({ items: items.slice(0, 3), answers: answers.slice(0, 2), blueprint });
    expect(twoThirds.percent).toBe(66.7);
  });

  it("sums time over the attempt's items and flags those over 1.5 × pace", () => {
    expect(score.timing).toEqual({ totalMs: 460_000, meanMs: 76_667, paceMs: 80_000, overPace: ["i2", "i4"] });
  });

  it("ignores answers to items outside the attempt and a choice out of range", () => {
    const stray = scoreAttempt({
      items: [{ id: "x", domain: 2, keyIndex: 2 }],
      answers: [
        { itemId: "x", chosen: 7, timeMs: 10_000 },
        { itemId: "other", chosen: 0, timeMs: 500_000 },
      ],
      blueprint,
    });
    expect(stray).toMatchObject({ correct: 0, total: 1, percent: 0 });
    expect(stray.timing).toEqual({ totalMs: 10_000, meanMs: 10_000, paceMs: 80_000, overPace: [] });
  });

  it("scores an item listed twice once", () => {
    const twice = scoreAttempt({ items: [items[0]!, items[0]!], answers, blueprint });
    expect(twice).toMatchObject({ correct: 1, total: 1, percent: 100 });
  });

  it("handles an empty attempt without dividing by zero", () => {
    const empty = scoreAttempt({ items: [], answers: [], blueprint });
    expect(empty).toMatchObject({ correct: 0, total: 0, percent: 0 });
    expect(empty.byDomain.every((d) => d.percent === null && d.total === 0)).toBe(true);
    expect(empty.timing).toEqual({ totalMs: 0, meanMs: 0, paceMs: 80_000, overPace: [] });
  });

  it("reports an item from a domain outside the blueprint after the blueprint's domains, with no weight", () => {
    const odd = scoreAttempt({ items: [...items, { id: "z", domain: 9, keyIndex: 0 }], answers: [...answers, { itemId: "z", chosen: 0, timeMs: 1 }], blueprint });
    expect(odd.total).toBe(7);
    expect(odd.byDomain.at(-1)).toEqual({ domain: 9, name: "Domain 9", correct: 1, total: 1, percent: 100, weight: 0 });
  });
});
