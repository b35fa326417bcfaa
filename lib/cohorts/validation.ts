/**
 * zod schemas for every Teach and cohort form, shared by the forms and the
 * server actions so the two never disagree.
 */
import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";
import { isValidTimeZone } from "@/lib/time-zones";
import { isLocalDateTime } from "./time";

export const ASSIGNMENT_MODES = ["tutor", "quiz", "timed"] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const MAX_SET_ITEMS = 200;
export const MAX_ATTEMPTS_ALLOWED = 10;
export const MAX_IMPORT_CHARS = 1_000_000;

export const recordId = z.string().trim().min(1, "Missing id").max(64, "Unknown id");
export const itemId = z.string().trim().regex(/^[a-z0-9-]{3,40}$/, "Unknown item");

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

const calendarDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isCalendarDate(v), { message: "Use a date like 2027-03-15" })
  .optional()
  .transform((v) => (v ? v : null));

export const cohortSchema = z.object({
  name: z.string().trim().min(1, "Give the cohort a name").max(80, "Use at most 80 characters"),
  description: optionalText(500, "Use at most 500 characters"),
  examDate: calendarDate,
  timeZone: z.string().trim().refine(isValidTimeZone, { message: "Choose a time zone from the list" }),
});
export type CohortInput = z.infer<typeof cohortSchema>;

export const cohortUpdateSchema = cohortSchema.extend({ cohortId: recordId });

export const cohortIdSchema = z.object({ cohortId: recordId });

export const joinSchema = z.object({
  code: z.string().trim().min(1, "Enter the join code your instructor gave you").max(40, "That does not look like a join code"),
});

export const coInstructorSchema = z.object({
  cohortId: recordId,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter the instructor's email address")),
});

export const memberSchema = z.object({ cohortId: recordId, userId: recordId });

const localDateTime = z.string().trim().refine(isLocalDateTime, { message: "Use a date and time like 2027-03-01 17:00" });

export const assignmentSchema = z
  .object({
    cohortId: recordId,
    setId: recordId,
    title: z.string().trim().min(1, "Give the assignment a title").max(120, "Use at most 120 characters"),
    opensAt: localDateTime,
    dueAt: localDateTime,
    mode: z.enum(ASSIGNMENT_MODES, { message: "Choose tutor, quiz or timed" }),
    timeLimitMin: z
      .union([z.literal(""), z.coerce.number().int("Use whole minutes").min(1, "At least 1 minute").max(360, "At most 360 minutes (6 hours)")])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    attemptsAllowed: z.coerce
      .number()
      .int("Use a whole number")
      .min(1, "Allow at least one attempt")
      .max(MAX_ATTEMPTS_ALLOWED, `At most ${MAX_ATTEMPTS_ALLOWED} attempts`),
  })
  .superRefine((v, ctx) => {
    // Both times are in the cohort's zone, so their text order is their time order.
    if (v.dueAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must come after the opening date" });
    if (v.mode === "timed" && v.timeLimitMin === null) ctx.addIssue({ code: "custom", path: ["timeLimitMin"], message: "A timed assignment needs a time limit" });
  });
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const assignmentUpdateSchema = z
  .object({
    assignmentId: recordId,
    title: z.string().trim().min(1, "Give the assignment a title").max(120, "Use at most 120 characters"),
    opensAt: localDateTime,
    dueAt: localDateTime,
    attemptsAllowed: z.coerce.number().int("Use a whole number").min(1, "Allow at least one attempt").max(MAX_ATTEMPTS_ALLOWED, `At most ${MAX_ATTEMPTS_ALLOWED} attempts`),
  })
  .superRefine((v, ctx) => {
    if (v.dueAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must come after the opening date" });
  });
export type AssignmentUpdateInput = z.infer<typeof assignmentUpdateSchema>;

export const assignmentIdSchema = z.object({ assignmentId: recordId });

export const questionSetSchema = z.object({
  title: z.string().trim().min(1, "Give the set a title").max(120, "Use at most 120 characters"),
  description: optionalText(500, "Use at most 500 characters"),
  itemIds: z
    .array(itemId)
    .min(1, "Add at least one item")
    .max(MAX_SET_ITEMS, `A set holds at most ${MAX_SET_ITEMS} items`)
    .refine((ids) => new Set(ids).size === ids.length, { message: "An item appears twice in the set" }),
});
export type QuestionSetInput = z.infer<typeof questionSetSchema>;

export const questionSetUpdateSchema = questionSetSchema.extend({ setId: recordId });

export const bankFilterSchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  domain: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  concept: z.string().trim().max(80).optional().catch(undefined),
  lesson: z.string().trim().max(100).optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  source: z.enum(["all", "bank", "mine"]).optional().catch(undefined).default("all"),
});
export type BankFilter = z.infer<typeof bankFilterSchema>;

export const randomSetSchema = z.object({
  count: z.coerce.number().int("Use a whole number").min(1, "Pick at least 1 item").max(MAX_SET_ITEMS, `At most ${MAX_SET_ITEMS} items`),
  exclude: z.array(itemId).max(MAX_SET_ITEMS).optional().default([]),
});

export const IMPORT_FORMATS = ["csv", "gift"] as const;
export const importSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { message: "Choose CSV or GIFT" }),
  text: z.string().min(1, "The file is empty").max(MAX_IMPORT_CHARS, "The file is too large (at most 1 MB)"),
  /** preview: check only; all: import only when every row is valid; valid-only: the instructor confirmed skipping bad rows. */
  mode: z.enum(["preview", "all", "valid-only"]),
});
export type ImportInput = z.infer<typeof importSchema>;

export const draftImportSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { message: "Choose CSV or GIFT" }),
  text: z.string().min(1, "The file is empty").max(MAX_IMPORT_CHARS, "The file is too large (at most 1 MB)"),
  preview: z.boolean(),
});

export const EXPORT_FORMATS = ["csv", "gift", "xml", "qti"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const notificationIdSchema = z.object({ notificationId: recordId });
