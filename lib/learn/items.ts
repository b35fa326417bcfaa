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

/** Live (not retired) items of a lesson. */
export async function lessonItems(lessonSlug: string) {
  return db.item.findMany({ where: { lessonSlug, retiredAt: null, ownerId: null }, orderBy: { id: "asc" } });
}

export async function findLiveItem(itemId: string) {
  return db.item.findFirst({ where: { id: itemId, retiredAt: null } });
}
