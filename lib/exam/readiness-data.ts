import "server-only";
import { db } from "@/lib/db";
import { listLessons } from "@/lib/content/lessons";
import { daysUntil } from "@/lib/dates";
import { getBlueprint } from "@/lib/exam/blueprints";
import { estimateReadiness, type Readiness } from "@/lib/exam/readiness";
import { lessonProgressByLesson } from "@/lib/learn/progress";
import { studyPace, suggestNextStep, type NextStep, type StudyPace } from "./next-step";

/** Answers older than this weigh less than 1% at the default 45-day half-life; skipping them saves work. */
const LOOKBACK_DAYS = 400;

/**
 * The learner's readiness estimate from every answer they gave (lessons,
 * practice, mocks, assignments) on items of a blueprint domain, recent ones
 * weighing more.
 */
export async function learnerReadiness(userId: string, now = new Date()): Promise<Readiness> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const rows = await db.answer.findMany({
    where: { userId, answeredAt: { gte: since, lte: now } },
    select: { correct: true, answeredAt: true, item: { select: { domain: true } } },
  });
  return estimateReadiness({
    answers: rows.map((r) => ({ domain: r.item.domain, correct: r.correct, answeredAt: r.answeredAt })),
    blueprint: getBlueprint(),
    now,
  });
}

/** Live bank items the learner has never answered. */
export async function unseenItemCount(userId: string): Promise<number> {
  return db.item.count({ where: { retiredAt: null, ownerId: null, answers: { none: { userId } } } });
}

export interface StudyPlan {
  readiness: Readiness;
  nextStep: NextStep | null;
  pace: StudyPace;
  unseen: number;
  bankSize: number;
  /** Whether the learner has begun: read a lesson or answered a question. */
  started: boolean;
  /** The course's first lesson, where a learner who has not begun starts. */
  firstLesson: { slug: string; title: string } | null;
}

/** What the dashboard shows beyond the review count: readiness, the next step and the pace to the exam date. */
export async function studyPlan(userId: string, examDate: Date | null, timeZone: string, now = new Date()): Promise<StudyPlan> {
  const [readiness, lessons, progress, unseen, bankSize] = await Promise.all([
    learnerReadiness(userId, now),
    listLessons(),
    lessonProgressByLesson(userId),
    unseenItemCount(userId),
    db.item.count({ where: { retiredAt: null, ownerId: null } }),
  ]);
  const standings = lessons.map((l) => ({
    slug: l.slug,
    title: l.frontmatter.title,
    order: l.frontmatter.order,
    domains: l.frontmatter.domains,
    read: progress.get(l.slug)?.read ?? false,
    percentCorrect: progress.get(l.slug)?.percentCorrect ?? null,
  }));
  const days = examDate ? daysUntil(examDate, now, timeZone) : null;
  const first = lessons[0];
  return {
    readiness,
    nextStep: suggestNextStep(readiness.domains, standings),
    pace: studyPace(unseen, days),
    unseen,
    bankSize,
    started: [...progress.values()].some((p) => p.read) || unseen < bankSize,
    firstLesson: first ? { slug: first.slug, title: first.frontmatter.title } : null,
  };
}
