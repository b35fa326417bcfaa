import { describe, expect, it } from "vitest";
import { pickPracticeItems, summariseLessonProgress } from "@/lib/learn/selection";
import { shuffle } from "@/lib/learn/shuffle";

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("shuffle", () => {
  it("returns a permutation and leaves the input alone", () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffle(input, seeded(1));
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
  });

  it("is unbiased enough: each of 3 items lands first about a third of the time", () => {
    const random = seeded(42);
    const firsts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) firsts[shuffle(["a", "b", "c"] as const, random)[0]!]++;
    for (const count of Object.values(firsts)) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe("choosing practice items", () => {
  const ids = ["i1", "i2", "i3", "i4", "i5", "i6"];
  const history = new Map([
    ["i1", { attempts: 3, lastCorrect: true }],
    ["i2", { attempts: 1, lastCorrect: false }],
    ["i3", { attempts: 1, lastCorrect: true }],
    ["i5", { attempts: 2, lastCorrect: false }],
  ]);

  it("puts unseen items first, then missed ones, then the least practised", () => {
    const picked = pickPracticeItems(ids, history, 6, seeded(7));
    expect(new Set(picked.slice(0, 2))).toEqual(new Set(["i4", "i6"]));
    expect(new Set(picked.slice(2, 4))).toEqual(new Set(["i2", "i5"]));
    expect(picked.slice(4)).toEqual(["i3", "i1"]);
  });

  it("never repeats an item and respects the count", () => {
    const picked = pickPracticeItems(ids, history, 4, seeded(3));
    expect(picked).toHaveLength(4);
    expect(new Set(picked).size).toBe(4);
    expect(pickPracticeItems(ids, new Map(), 10, seeded(3))).toHaveLength(6);
  });
});

describe("lesson progress", () => {
  it("counts distinct items tried and the share of correct answers", () => {
    const summary = summariseLessonProgress(
      ["a", "b", "c", "d"],
      [
        { itemId: "a", correct: true },
        { itemId: "a", correct: false },
        { itemId: "b", correct: true },
        { itemId: "zz", correct: false },
      ],
      true,
    );
    expect(summary).toEqual({ read: true, itemsTotal: 4, itemsAttempted: 2, answers: 3, correct: 2, percentCorrect: 67 });
  });

  it("has no percentage before any answer", () => {
    expect(summariseLessonProgress(["a"], [], false).percentCorrect).toBeNull();
  });
});
