import { describe, expect, it } from "vitest";
import { EXAM_PACE_MS, GRADE_MAPPING_DOC, SLOW_ANSWER_MS, gradeFromAnswer } from "@/lib/srs/grade-mapping";

describe("gradeFromAnswer", () => {
  it("sets the slow threshold beyond the exam's 80 s pace", () => {
    expect(EXAM_PACE_MS).toBe(80_000);
    expect(SLOW_ANSWER_MS).toBe(90_000);
  });

  it.each([
    [false, 5_000, 1],
    [false, 200_000, 1],
    [true, 0, 3],
    [true, 30_000, 3],
    [true, 80_000, 3],
    [true, 90_000, 3],
    [true, 90_001, 2],
    [true, 600_000, 2],
  ])("correct=%s in %d ms grades %d", (correct, timeMs, grade) => {
    expect(gradeFromAnswer({ correct, timeMs })).toBe(grade);
  });

  it("never grades Easy", () => {
    for (const correct of [true, false]) {
      for (let timeMs = 0; timeMs <= 300_000; timeMs += 1_000) {
        expect(gradeFromAnswer({ correct, timeMs })).not.toBe(4);
      }
    }
  });

  it("does not punish a missing timer", () => {
    expect(gradeFromAnswer({ correct: true, timeMs: Number.NaN })).toBe(3);
    expect(gradeFromAnswer({ correct: false, timeMs: Number.NaN })).toBe(1);
  });

  it("documents the mapping with the thresholds in use", () => {
    expect(GRADE_MAPPING_DOC).toEqual([
      "A wrong answer is graded Again (1).",
      "A correct answer that took longer than 90 seconds is graded Hard (2): slower than the exam's pace of 80 seconds per item, with a 10-second margin.",
      "Any other correct answer, including one of exactly 90 seconds, is graded Good (3).",
      "An answer is never graded Easy (4): choosing the right option does not show effortless recall.",
    ]);
  });
});
