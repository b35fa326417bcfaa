import { z } from "zod";

/** Where a practice session's items come from. */
export const PRACTICE_SOURCES = ["mixed", "domain", "concept", "lesson", "missed", "flagged", "unseen"] as const;
export type PracticeSource = (typeof PRACTICE_SOURCES)[number];

export const PRACTICE_LENGTHS = [10, 20, 30, 50] as const;
export const PRACTICE_MIN_LENGTH = 5;
export const PRACTICE_MAX_LENGTH = 100;

export const SOURCE_LABELS: Record<PracticeSource, string> = {
  mixed: "All domains",
  domain: "One domain",
  concept: "One concept",
  lesson: "One lesson",
  missed: "Missed before",
  flagged: "Flagged",
  unseen: "Not yet seen",
};

// Form fields arrive as strings, and unused selects as "".
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose from the list").max(100);

/** A practice session request, from the session builder form or a link. Shared by the form and the server. */
export const buildSpecSchema = z
  .object({
    source: z.enum(PRACTICE_SOURCES, { message: "Choose where the questions come from" }),
    domain: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "Choose a domain").max(6, "Choose a domain").optional()),
    concept: z.preprocess(blankToUndefined, slug.optional()),
    lesson: z.preprocess(blankToUndefined, slug.optional()),
    length: z.coerce
      .number({ message: "Choose how many questions" })
      .int("Choose how many questions")
      .min(PRACTICE_MIN_LENGTH, `At least ${PRACTICE_MIN_LENGTH} questions`)
      .max(PRACTICE_MAX_LENGTH, `At most ${PRACTICE_MAX_LENGTH} questions`),
    mode: z.enum(["tutor", "quiz"], { message: "Choose tutor or quiz mode" }),
  })
  .superRefine((spec, ctx) => {
    if (spec.source === "domain" && spec.domain === undefined) ctx.addIssue({ code: "custom", path: ["domain"], message: "Choose a domain" });
    if (spec.source === "concept" && spec.concept === undefined) ctx.addIssue({ code: "custom", path: ["concept"], message: "Choose a concept" });
    if (spec.source === "lesson" && spec.lesson === undefined) ctx.addIssue({ code: "custom", path: ["lesson"], message: "Choose a lesson" });
  })
  // Keep only the filter that applies, so the stored spec says exactly how the set was built.
  .transform((spec) => ({
    source: spec.source,
    length: spec.length,
    mode: spec.mode,
    ...(spec.source === "domain" ? { domain: spec.domain } : {}),
    ...(spec.source === "concept" ? { concept: spec.concept } : {}),
    ...(spec.source === "lesson" ? { lesson: spec.lesson } : {}),
  }));
export type PracticeSpec = z.output<typeof buildSpecSchema>;

/** The session's name in the history list, e.g. "Tutor · Domain 3" or "Quiz · Missed before". */
export function describePracticeSpec(spec: PracticeSpec, names: { lessonTitle?: string } = {}): string {
  const mode = spec.mode === "tutor" ? "Tutor" : "Quiz";
  switch (spec.source) {
    case "domain":
      return `${mode} · Domain ${spec.domain}`;
    case "concept":
      return `${mode} · ${(spec.concept ?? "").replaceAll("-", " ")}`;
    case "lesson":
      return `${mode} · ${names.lessonTitle ?? (spec.lesson ?? "").replaceAll("-", " ")}`;
    case "mixed":
      return `${mode} · All domains`;
    default:
      return `${mode} · ${SOURCE_LABELS[spec.source]}`;
  }
}
