import { describe, expect, it } from "vitest";
import { analyseItems, pearson, upperLowerWeights, type ItemResponse } from "@/lib/cohorts/item-analysis";

const A = 0;
const B = 1;
const C = 2;
const D = 3;

/**
 * Ten members m0–m9 whose score on four filler items is REST[i]; the item
 * under test is analysed together with the fillers, so each member's rest
 * score for it (total minus the item) is exactly REST[i].
 */
const REST = [4, 4, 4, 3, 3, 2, 2, 1, 0, 0];
const FILLERS = ["f1", "f2", "f3", "f4"];
const members = REST.map((_, i) => `m${i}`);

function withFillers(target: (number | null)[], key = A) {
  const responses: ItemResponse[] = [];
  members.forEach((memberId, i) => {
    FILLERS.forEach((itemId, f) => {
      const correct = f < REST[i]!;
      responses.push({ memberId, itemId, chosen: correct ? A : B, correct });
    });
    const chosen = target[i] ?? null;
    responses.push({ memberId, itemId: "t", chosen, correct: chosen === key });
  });
  const items = [...FILLERS.map((id) => ({ id, keyIndex: A })), { id: "t", keyIndex: key }];
  const result = analyseItems(responses, items).find((r) => r.itemId === "t");
  if (!result) throw new Error("no analysis for t");
  return result;
}

/*
 * Shared arithmetic for the ten-member examples. Rest scores
 * y = 4 4 4 3 3 2 2 1 0 0: Σy = 23, mean 2.3, Σy² = 75,
 * population variance 75/10 − 2.3² = 7.5 − 5.29 = 2.21, s = 1.48661.
 * Point-biserial r = (M1 − M0) / s × √(p·q), M1/M0 = mean rest of those
 * with x = 1 / x = 0. Upper and lower groups: round(0.27 × 10) = 3 members.
 */

describe("a clean item", () => {
  // m0–m5 choose the key A; m6 B, m7 C, m8 D, m9 B.
  const result = withFillers([A, A, A, A, A, A, B, C, D, B]);

  it("has facility = proportion correct", () => {
    // 6 of 10 correct.
    expect(result.n).toBe(10);
    expect(result.correct).toBe(6);
    expect(result.facility).toBeCloseTo(0.6, 10);
  });

  it("has the corrected point-biserial against the rest score", () => {
    // M1 = (4+4+4+3+3+2)/6 = 3.3333, M0 = (2+1+0+0)/4 = 0.75, p·q = 0.6·0.4 = 0.24
    // r = (3.3333 − 0.75) / 1.48661 × √0.24 = 1.73773 × 0.48990 = 0.8513
    expect(result.pointBiserial).toBeCloseTo(0.8513, 4);
    expect(result.optionPointBiserials[A]).toBe(result.pointBiserial);
  });

  it("has upper − lower 27% = 1", () => {
    // Totals = rest + item: 5 5 5 4 4 3 2 1 0 0. Upper 3 = m0 m1 m2 (all right),
    // lower 3 = m8 m9 (0) and m7 (1) (all wrong): D = 3/3 − 0/3 = 1.
    expect(result.upperFacility).toBe(1);
    expect(result.lowerFacility).toBe(0);
    expect(result.upperLower).toBe(1);
    expect(result.upperN).toBe(3);
    expect(result.lowerN).toBe(3);
  });

  it("counts options overall and in each group", () => {
    expect(result.optionCounts).toEqual([6, 2, 1, 1]);
    expect(result.omitted).toBe(0);
    expect(result.upperOptionCounts).toEqual([3, 0, 0, 0]);
    // m7 C, m8 D, m9 B.
    expect(result.lowerOptionCounts).toEqual([0, 1, 1, 1]);
  });

  it("is not flagged", () => {
    expect(result.flags).toEqual([]);
  });
});

describe("a miskeyed item (the key is A, high scorers choose C)", () => {
  // m0–m3 choose C; m4 m5 m6 m9 choose the key A; m7 B; m8 D.
  const result = withFillers([C, C, C, C, A, A, A, B, D, A]);

  it("has the arithmetic of a key that works backwards", () => {
    // 4 of 10 correct.
    expect(result.facility).toBeCloseTo(0.4, 10);
    // Key: M1 = (3+2+2+0)/4 = 1.75, M0 = (4+4+4+3+1+0)/6 = 2.6667, p·q = 0.24
    // r = (1.75 − 2.6667) / 1.48661 × 0.48990 = −0.3021
    expect(result.pointBiserial).toBeCloseTo(-0.3021, 4);
    // Option C: M1 = (4+4+4+3)/4 = 3.75, M0 = (3+2+2+1+0+0)/6 = 1.3333
    // r = (3.75 − 1.3333) / 1.48661 × 0.48990 = 0.7964
    expect(result.optionPointBiserials[C]).toBeCloseTo(0.7964, 4);
  });

  it("shares the places of members tied at the upper cut", () => {
    // Totals: m0 4, m1 4, m2 4, m3 3, m4 4, m5 3, m6 3, m7 1, m8 0, m9 1.
    // Four members (m0 m1 m2 m4) tie at 4 for three places: weight 3/4 each.
    // Upper: C = 3 × 0.75 = 2.25, A = 0.75 (m4); facility 0.75 / 3 = 0.25.
    expect(result.upperOptionCounts).toEqual([0.75, 0, 2.25, 0]);
    expect(result.upperFacility).toBeCloseTo(0.25, 10);
    // Lower: m8 (0), m7 and m9 (1) fill the three places exactly:
    // B m7, D m8, A m9; facility 1/3. D = 0.25 − 0.3333 = −0.0833.
    expect(result.lowerOptionCounts).toEqual([1, 1, 0, 1]);
    expect(result.lowerFacility).toBeCloseTo(1 / 3, 10);
    expect(result.upperLower).toBeCloseTo(-1 / 12, 8);
  });

  it("is flagged as a possible miskey and as non-discriminating", () => {
    expect(result.flags).toEqual(["possible-miskey", "non-discriminating"]);
  });
});

describe("the two miskey rules, each on its own", () => {
  it("flags a distractor the upper group prefers even when its correlation is negative", () => {
    // m0 m1 m2 (rest 4) choose C, m3 m4 (3) and m5 m6 (2) the key A, m7 m8 m9 C.
    // Totals: 4 4 4 4 4 3 3 1 0 0: five members tie at 4 for three places (3/5 each);
    // upper C = 3 × 0.6 = 1.8 > upper A = 2 × 0.6 = 1.2.
    // Correlations: key M1 = (3+3+2+2)/4 = 2.5, M0 = (4+4+4+1+0+0)/6 = 2.1667
    // r(A) = 0.3333 / 1.48661 × √0.24 = 0.1098; r(C) = −0.1098 (C is everyone else).
    const result = withFillers([C, C, C, A, A, A, A, C, C, C]);
    expect(result.upperOptionCounts[C]).toBeCloseTo(1.8, 10);
    expect(result.upperOptionCounts[A]).toBeCloseTo(1.2, 10);
    expect(result.pointBiserial).toBeCloseTo(0.1098, 4);
    expect(result.optionPointBiserials[C]).toBeCloseTo(-0.1098, 4);
    expect(result.flags).toContain("possible-miskey");
  });

  it("flags a distractor that correlates better than the key even when the upper group prefers the key", () => {
    // m0 m1 m2 (4) and m7 m8 m9 (1 0 0) choose the key A; m3 m4 (3) m5 m6 (2) choose C.
    // Key: M1 = (4+4+4+1+0+0)/6 = 2.1667, M0 = (3+3+2+2)/4 = 2.5 → r = −0.1098;
    // C is the complement → r = +0.1098 > the key's and positive.
    // Totals: 5 5 5 3 3 2 2 2 1 1: the upper group m0 m1 m2 all chose A.
    const result = withFillers([A, A, A, C, C, C, C, A, A, A]);
    expect(result.upperOptionCounts).toEqual([3, 0, 0, 0]);
    expect(result.pointBiserial).toBeCloseTo(-0.1098, 4);
    expect(result.optionPointBiserials[C]).toBeCloseTo(0.1098, 4);
    expect(result.flags).toContain("possible-miskey");
  });
});

describe("a non-discriminating item", () => {
  // Right: m0 m3 m5 m6 m7; m1 B, m2 C, m4 leaves it blank, m8 B, m9 C.
  const result = withFillers([A, B, C, A, null, A, A, A, B, C]);

  it("has a near-zero point-biserial", () => {
    // M1 = (4+3+2+2+1)/5 = 2.4, M0 = (4+4+3+0+0)/5 = 2.2, p·q = 0.25
    // r = (2.4 − 2.2) / 1.48661 × 0.5 = 0.0673
    expect(result.facility).toBeCloseTo(0.5, 10);
    expect(result.pointBiserial).toBeCloseTo(0.0673, 4);
    expect(result.omitted).toBe(1);
    expect(result.optionCounts).toEqual([5, 2, 2, 0]);
  });

  it("keeps a positive upper − lower and reports it exactly", () => {
    // Totals: m0 5, m1 4, m2 4, m3 4, m4 3, m5 3, m6 3, m7 2, m8 0, m9 0.
    // Upper: m0 (1) + m1 m2 m3 tied at 4 for two places (2/3 each):
    // right = 1 + 2/3 (m3) = 5/3 of 3 → 5/9. Lower: m8, m9, m7 → 1/3.
    // D = 5/9 − 3/9 = 2/9 = 0.2222.
    expect(result.upperFacility).toBeCloseTo(5 / 9, 10);
    expect(result.lowerFacility).toBeCloseTo(1 / 3, 10);
    expect(result.upperLower).toBeCloseTo(2 / 9, 8);
  });

  it("is flagged as non-discriminating only (the distractors correlate negatively)", () => {
    // B: m1 (4), m8 (0): M1 = 2, M0 = 19/8 = 2.375, p·q = 0.16
    // r = (2 − 2.375) / 1.48661 × 0.4 = −0.1009, and the same for C.
    expect(result.optionPointBiserials[B]).toBeCloseTo(-0.1009, 4);
    expect(result.optionPointBiserials[C]).toBeCloseTo(-0.1009, 4);
    expect(result.flags).toEqual(["non-discriminating"]);
  });
});

describe("an item everyone gets right", () => {
  const result = withFillers(new Array(10).fill(A));

  it("has no correlation (no variance) and D = 0", () => {
    expect(result.facility).toBe(1);
    expect(result.pointBiserial).toBeNull();
    expect(result.optionPointBiserials).toEqual([null, null, null, null]);
    expect(result.upperLower).toBe(0);
  });

  it("is too easy (and so cannot discriminate), never miskeyed", () => {
    expect(result.flags).toEqual(["non-discriminating", "too-easy"]);
  });
});

describe("an item almost nobody gets right", () => {
  it("is too hard", () => {
    // 2 of 10: facility 0.2 < 0.3.
    const result = withFillers([A, A, B, B, C, C, D, D, B, C]);
    expect(result.facility).toBeCloseTo(0.2, 10);
    expect(result.flags).toContain("too-hard");
  });
});

describe("tiny groups", () => {
  // Four members, three items, key A everywhere. Right answers (1) and totals:
  //        i1 i2 i3  total
  //   m1    1  1  1    3
  //   m2    1  1  0    2
  //   m3    0  1  0    1
  //   m4    0  0  0    0
  const responses: ItemResponse[] = [
    { memberId: "m1", itemId: "i1", chosen: A, correct: true },
    { memberId: "m1", itemId: "i2", chosen: A, correct: true },
    { memberId: "m1", itemId: "i3", chosen: A, correct: true },
    { memberId: "m2", itemId: "i1", chosen: A, correct: true },
    { memberId: "m2", itemId: "i2", chosen: A, correct: true },
    { memberId: "m2", itemId: "i3", chosen: C, correct: false },
    { memberId: "m3", itemId: "i1", chosen: B, correct: false },
    { memberId: "m3", itemId: "i2", chosen: A, correct: true },
    { memberId: "m3", itemId: "i3", chosen: C, correct: false },
    { memberId: "m4", itemId: "i1", chosen: null, correct: false },
    { memberId: "m4", itemId: "i2", chosen: D, correct: false },
    { memberId: "m4", itemId: "i3", chosen: 9, correct: false },
    // A later attempt and an item outside the assignment are ignored.
    { memberId: "m1", itemId: "i1", chosen: B, correct: false },
    { memberId: "m4", itemId: "other", chosen: A, correct: true },
  ];
  const items = [
    { id: "i1", keyIndex: A },
    { id: "i2", keyIndex: A },
    { id: "i3", keyIndex: A },
    { id: "i4", keyIndex: A },
  ];
  const [i1, i2, i3, i4] = analyseItems(responses, items);

  it("computes facility and the corrected point-biserial", () => {
    // i1: x = 1 1 0 0, rest = total − x = 2 1 1 0. Means 0.5 and 1.
    // Σdx·dy = 0.5·1 + 0.5·0 − 0.5·0 − 0.5·(−1) = 1; Σdx² = 1; Σdy² = 2 → r = 1/√2 = 0.7071
    expect(i1?.facility).toBe(0.5);
    expect(i1?.pointBiserial).toBeCloseTo(Math.SQRT1_2, 10);
    // i2: x = 1 1 1 0, rest = 2 1 0 0. Means 0.75, 0.75.
    // Σdx·dy = 0.75, Σdx² = 0.75, Σdy² = 2.75 → r = √(0.75/2.75) = 0.5222
    expect(i2?.facility).toBe(0.75);
    expect(i2?.pointBiserial).toBeCloseTo(0.5222, 4);
    // i3: x = 1 0 0 0, rest = 2 2 1 0 → also r = 0.75/√(0.75 · 2.75) = 0.5222
    expect(i3?.facility).toBe(0.25);
    expect(i3?.pointBiserial).toBeCloseTo(0.5222, 4);
  });

  it("counts blanks and out-of-range choices as omitted", () => {
    expect(i1?.optionCounts).toEqual([2, 1, 0, 0]);
    expect(i1?.omitted).toBe(1);
    expect(i2?.optionCounts).toEqual([3, 0, 0, 1]);
    expect(i3?.optionCounts).toEqual([1, 0, 2, 0]);
    expect(i3?.omitted).toBe(1);
  });

  it("gives no upper − lower index when 27% of four is under two members", () => {
    // round(0.27 × 4) = 1 < 2.
    for (const r of [i1, i2, i3]) {
      expect(r?.upperLower).toBeNull();
      expect(r?.upperFacility).toBeNull();
      expect(r?.upperOptionCounts).toEqual([0, 0, 0, 0]);
    }
  });

  it("flags nothing below ten responses, even an item only one member got right", () => {
    expect(i3?.flags).toEqual([]);
  });

  it("reports an item nobody was given with nulls", () => {
    expect(i4).toMatchObject({ n: 0, facility: null, pointBiserial: null, upperLower: null, optionCounts: [0, 0, 0, 0], omitted: 0, flags: [] });
  });

  it("returns one analysis per item in the order given", () => {
    expect(analyseItems(responses, [...items].reverse()).map((r) => r.itemId)).toEqual(["i4", "i3", "i2", "i1"]);
  });
});

describe("upperLowerWeights", () => {
  const totals = new Map([
    ["a", 9],
    ["b", 8],
    ["c", 8],
    ["d", 8],
    ["e", 5],
  ]);

  it("shares the places left at the cut among tied members", () => {
    const upper = upperLowerWeights(totals, 2, "upper");
    expect(upper.get("a")).toBe(1);
    for (const m of ["b", "c", "d"]) expect(upper.get(m)).toBeCloseTo(1 / 3, 12);
    expect(upper.has("e")).toBe(false);
    const lower = upperLowerWeights(totals, 2, "lower");
    expect(lower.get("e")).toBe(1);
    for (const m of ["b", "c", "d"]) expect(lower.get(m)).toBeCloseTo(1 / 3, 12);
  });

  it("does not depend on the order of members", () => {
    const reversed = new Map([...totals].reverse());
    expect(Object.fromEntries(upperLowerWeights(reversed, 2, "upper"))).toEqual(Object.fromEntries(upperLowerWeights(totals, 2, "upper")));
  });
});

describe("pearson", () => {
  it("is null without variance or with fewer than two pairs", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
});

describe("weak distractors", () => {
  const responses = (n: number) =>
    Array.from({ length: n }, (_, i): ItemResponse => {
      // Two in three choose the key; the rest split between B and C; nobody chooses D.
      const chosen = i % 3 === 0 ? (i % 2 === 0 ? B : C) : A;
      return { memberId: `w${i}`, itemId: "w", chosen, correct: chosen === A };
    });

  it("flags a distractor chosen by under 5% once 30 members were given the item", () => {
    const [result] = analyseItems(responses(30), [{ id: "w", keyIndex: A }]);
    expect(result!.optionCounts[D]).toBe(0);
    expect(result!.flags).toContain("weak-distractor");
  });

  it("does not judge distractors with fewer members", () => {
    const [result] = analyseItems(responses(29), [{ id: "w", keyIndex: A }]);
    expect(result!.flags).not.toContain("weak-distractor");
  });
});
