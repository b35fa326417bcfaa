import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

const optionsSchema = z.array(z.object({ text: z.string(), rationale: z.string() })).length(4);
const conceptsSchema = z.array(z.string());

/** An item as the learner sees it before answering: no key, no rationales. */
export interface QuestionView {
  id: string;
  lessonSlug: string;
  section: string;
  domain: number;
  stem: string;
  leadIn: string;
  options: string[];
}

/** What the learner sees after answering. */
export interface AnswerFeedback {
  itemId: string;
  chosen: number;
  correct: boolean;
  keyIndex: number;
  options: { text: string; rationale: string }[];
  lessonSlug: string;
  section: string;
}

type ItemRow = { id: string; lessonSlug: string; section: string; domain: number; stem: string; leadIn: string; options: string; keyIndex: number; concepts: string };

export const parseOptions = (json: string) => optionsSchema.parse(JSON.parse(json));
export const parseConcepts = (json: string) => conceptsSchema.parse(JSON.parse(json));

export function toQuestionView(row: ItemRow): QuestionView {
  return {
    id: row.id,
    lessonSlug: row.lessonSlug,
    section: row.section,
    domain: row.domain,
    stem: row.stem,
    leadIn: row.leadIn,
    options: parseOptions(row.options).map((o) => o.text),
  };
}

/**
 * A filter on items: in none of the learner's running attempts that count
 * (a mock exam or an assignment not yet submitted). Nothing outside such an
 * attempt may reveal its items' keys while it runs. Untimed practice
 * sessions are self-study and often left unfinished, so they hide nothing.
 */
export const notInRunningAttempt = (userId: string) => ({
  attemptAnswers: { none: { attempt: { userId, submittedAt: null, kind: { not: "practice" } } } },
});

/**
 * Live bank items of a lesson that lesson practice may show this learner:
 * not retired, not an instructor's own item, and in none of the learner's
 * running attempts.
 */
export async function lessonItems(userId: string, lessonSlug: string) {
  return db.item.findMany({ where: { lessonSlug, retiredAt: null, ownerId: null, ...notInRunningAttempt(userId) }, orderBy: { id: "asc" } });
}

/** One item lesson practice may answer for (same rules as `lessonItems`), or null. */
export async function findLessonPracticeItem(userId: string, lessonSlug: string, itemId: string) {
  return db.item.findFirst({ where: { id: itemId, lessonSlug, retiredAt: null, ownerId: null, ...notInRunningAttempt(userId) } });
}
