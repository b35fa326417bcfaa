import { describe, expect, it } from "vitest";
import { formatItemTime, formatSpan } from "@/lib/exam/format";
import { buildSpecSchema, describePracticeSpec } from "@/lib/exam/practice-spec";

describe("the practice session request", () => {
  it("accepts form fields as strings and keeps only the filter that applies", () => {
    const spec = buildSpecSchema.parse({ source: "domain", domain: "3", concept: "", lesson: "joining", length: "20", mode: "quiz" });
    expect(spec).toEqual({ source: "domain", domain: 3, length: 20, mode: "quiz" });
    expect(buildSpecSchema.parse({ source: "missed", domain: "", length: 10, mode: "tutor" })).toEqual({ source: "missed", length: 10, mode: "tutor" });
  });

  it("asks for the filter its source needs", () => {
    const result = buildSpecSchema.safeParse({ source: "lesson", lesson: "", length: "10", mode: "tutor" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["lesson", "Choose a lesson"]]);
  });

  it("rejects unknown sources, modes, out-of-range lengths and malformed slugs", () => {
    const base = { source: "mixed", length: 20, mode: "tutor" };
    expect(buildSpecSchema.safeParse({ ...base, source: "everything" }).success).toBe(false);
    expect(buildSpecSchema.safeParse({ ...base, mode: "timed" }).success).toBe(false);
    expect(buildSpecSchema.safeParse({ ...base, length: 4 }).success).toBe(false);
    expect(buildSpecSchema.safeParse({ ...base, length: 101 }).success).toBe(false);
    expect(buildSpecSchema.safeParse({ ...base, source: "domain", domain: 7 }).success).toBe(false);
    expect(buildSpecSchema.safeParse({ ...base, source: "concept", concept: "../etc" }).success).toBe(false);
  });

  it("names the session for the history list", () => {
    expect(describePracticeSpec({ source: "domain", domain: 4, length: 10, mode: "tutor" })).toBe("Tutor · Domain 4");
    expect(describePracticeSpec({ source: "concept", concept: "cross-generational-coalition", length: 10, mode: "quiz" })).toBe(
      "Quiz · cross generational coalition",
    );
    expect(describePracticeSpec({ source: "lesson", lesson: "joining", length: 10, mode: "quiz" }, { lessonTitle: "Joining" })).toBe("Quiz · Joining");
    expect(describePracticeSpec({ source: "unseen", length: 10, mode: "tutor" })).toBe("Tutor · Not yet seen");
  });
});

describe("time formats", () => {
  it("shows item times to the second and spans to the minute", () => {
    expect(formatItemTime(48_400)).toBe("48 s");
    expect(formatItemTime(95_000)).toBe("1 min 35 s");
    expect(formatItemTime(120_000)).toBe("2 min");
    expect(formatSpan(67 * 60_000)).toBe("1 h 7 min");
    expect(formatSpan(240 * 60_000)).toBe("4 h");
    expect(formatSpan(30_000)).toBe("30 s");
  });
});
