import "server-only";
import { itemHistory } from "./answers";
import { lessonItems, toQuestionView, type QuestionView } from "./items";
import { pickPracticeItems } from "./selection";

export const LESSON_PRACTICE_SIZE = 10;

/** Up to ten questions from a lesson for tutor mode, unseen and missed first. */
export async function lessonPracticeRound(userId: string, lessonSlug: string, count = LESSON_PRACTICE_SIZE): Promise<QuestionView[]> {
  const items = await lessonItems(userId, lessonSlug);
  const history = await itemHistory(userId, items.map((i) => i.id));
  const chosen = pickPracticeItems(items.map((i) => i.id), history, count);
  const byId = new Map(items.map((i) => [i.id, i]));
  return chosen.map((id) => toQuestionView(byId.get(id)!));
}
