import "server-only";
import { db } from "@/lib/db";
import { summariseLessonProgress, type LessonProgressSummary } from "./selection";

export async function markLessonRead(userId: string, lessonSlug: string, now = new Date()): Promise<void> {
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    update: {},
    create: { userId, lessonSlug, readAt: now },
  });
}

/** Progress of one learner on every lesson: read, items attempted, % correct. */
export async function lessonProgressByLesson(userId: string): Promise<Map<string, LessonProgressSummary>> {
  const [items, answers, reads] = await Promise.all([
    db.item.findMany({ where: { retiredAt: null, ownerId: null }, select: { id: true, lessonSlug: true } }),
    db.answer.findMany({ where: { userId }, select: { itemId: true, correct: true } }),
    db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true } }),
  ]);
  const readSet = new Set(reads.map((r) => r.lessonSlug));
  const itemsByLesson = new Map<string, string[]>();
  for (const item of items) itemsByLesson.set(item.lessonSlug, [...(itemsByLesson.get(item.lessonSlug) ?? []), item.id]);
  const out = new Map<string, LessonProgressSummary>();
  const slugs = new Set([...itemsByLesson.keys(), ...readSet]);
  for (const slug of slugs) out.set(slug, summariseLessonProgress(itemsByLesson.get(slug) ?? [], answers, readSet.has(slug)));
  return out;
}
