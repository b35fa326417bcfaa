import { describe, expect, it } from "vitest";
import { addRange, EMPTY_MARKS, parseMarks, segments, toggleStrike } from "@/lib/exam/annotations";

describe("strike-out", () => {
  it("toggles an option on and off and keeps the list sorted", () => {
    const once = toggleStrike(toggleStrike(EMPTY_MARKS, 3), 1);
    expect(once.struck).toEqual([1, 3]);
    expect(toggleStrike(once, 3).struck).toEqual([1]);
  });
});

describe("highlights", () => {
  it("merges overlapping and touching ranges and clamps to the text", () => {
    let r = addRange([], [5, 10], 40);
    r = addRange(r, [8, 15], 40);
    r = addRange(r, [15, 18], 40);
    r = addRange(r, [30, 90], 40);
    r = addRange(r, [25, 22], 40);
    expect(r).toEqual([
      [5, 18],
      [22, 25],
      [30, 40],
    ]);
    expect(addRange(r, [3, 3], 40)).toEqual(r);
  });

  it("cuts the text into plain and highlighted pieces that add up to the text", () => {
    const text = "Ana answers for Mateo while Luis looks away.";
    const pieces = segments(text, [
      [0, 3],
      [16, 21],
    ]);
    expect(pieces).toEqual([
      { text: "Ana", highlighted: true },
      { text: " answers for ", highlighted: false },
      { text: "Mateo", highlighted: true },
      { text: " while Luis looks away.", highlighted: false },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("reads stored marks defensively", () => {
    expect(parseMarks(null)).toEqual({});
    expect(parseMarks({ a: { struck: [1, "x", 9], highlights: [[1, 4], [5, 2], "bad"] } })).toEqual({ a: { struck: [1], highlights: [[1, 4]] } });
  });
});
