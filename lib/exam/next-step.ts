/**
 * Pure planning helpers for the dashboard: which domain to study next and
 * the daily pace needed to meet every unseen item before the exam.
 */

export interface DomainEstimate {
  domain: number;
  name: string;
  /** Blueprint share, 0–1. */
  weight: number;
  /** Estimated proportion correct, 0–1. */
  mean: number;
  lower: number;
  upper: number;
  /** Effective number of answers behind the estimate. */
  evidence: number;
}

export interface LessonStanding {
  slug: string;
  title: string;
  order: number;
  /** Exam domains the lesson covers, the main one first. */
  domains: readonly number[];
  read: boolean;
  /** Share of the learner's answers on the lesson's items that were right, 0–100; null if none. */
  percentCorrect: number | null;
}

export interface NextStep {
  domain: number;
  name: string;
  weight: number;
  /** True when the learner has (almost) no answers in the domain yet. */
  unexplored: boolean;
  lesson: { slug: string; title: string; read: boolean } | null;
  practiceHref: string;
}

/** Fewer effective answers than this and a domain counts as not yet explored. */
export const EXPLORED_EVIDENCE = 3;

/**
 * The domain where the most exam points are at stake: the largest
 * blueprint weight × estimated share missed. A heavy domain the learner has
 * not touched (estimate at the prior's 50%) therefore comes before a light
 * one they are a little weak in. Ties go to the domain with less evidence.
 */
export function weakestDomain<T extends DomainEstimate>(domains: readonly T[]): T | null {
  const candidates = domains.filter((d) => d.weight > 0);
  if (candidates.length === 0) return null;
  return [...candidates].sort((a, b) => {
    const stake = b.weight * (1 - b.mean) - a.weight * (1 - a.mean);
    if (Math.abs(stake) > 1e-9) return stake;
    return a.evidence - b.evidence || a.domain - b.domain;
  })[0]!;
}

/**
 * The lesson to study for a domain: lessons whose main domain it is come
 * before those that only touch it; among them an unread lesson first, then
 * the one with the lowest share correct, then course order.
 */
export function lessonFor(domain: number, lessons: readonly LessonStanding[]): LessonStanding | null {
  const covering = lessons.filter((l) => l.domains.includes(domain));
  if (covering.length === 0) return null;
  const rank = (l: LessonStanding) => [l.domains[0] === domain ? 0 : 1, l.read ? 1 : 0, l.percentCorrect ?? -1, l.order] as const;
  return [...covering].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  })[0]!;
}

/** Weakest domain → a lesson for it → a practice session on it. */
export function suggestNextStep(domains: readonly DomainEstimate[], lessons: readonly LessonStanding[]): NextStep | null {
  const weakest = weakestDomain(domains);
  if (!weakest) return null;
  const lesson = lessonFor(weakest.domain, lessons);
  return {
    domain: weakest.domain,
    name: weakest.name,
    weight: weakest.weight,
    unexplored: weakest.evidence < EXPLORED_EVIDENCE,
    lesson: lesson ? { slug: lesson.slug, title: lesson.title, read: lesson.read } : null,
    practiceHref: `/practice?source=domain&domain=${weakest.domain}#builder`,
  };
}

/**
 * The dashboard's one next step. A learner who has not started yet begins
 * the course at its first lesson (not at whatever domain the empty estimate
 * calls weakest); one who has cards waiting reviews them first, because
 * reviews keep what was learned; otherwise the weakest domain's lesson and
 * practice.
 */
export type TodaysStep =
  | { kind: "start"; lesson: { slug: string; title: string } }
  | { kind: "review"; cards: number }
  | { kind: "domain"; step: NextStep };

export function todaysStep(input: { started: boolean; due: number; firstLesson: { slug: string; title: string } | null; nextStep: NextStep | null }): TodaysStep | null {
  if (!input.started && input.firstLesson) return { kind: "start", lesson: input.firstLesson };
  if (input.due > 0) return { kind: "review", cards: input.due };
  return input.nextStep ? { kind: "domain", step: input.nextStep } : null;
}

export type StudyPace =
  | { status: "no-date" }
  | { status: "no-time" }
  | { status: "all-seen"; days: number }
  | { status: "pace"; days: number; unseen: number; perDay: number };

/**
 * Items a day needed to meet every unseen bank item by the exam, counting
 * today and not the exam day itself. `daysLeft` is whole days from the
 * learner's today to the exam date (0 on the day).
 */
export function studyPace(unseen: number, daysLeft: number | null): StudyPace {
  if (daysLeft === null) return { status: "no-date" };
  if (daysLeft <= 0) return { status: "no-time" };
  if (unseen <= 0) return { status: "all-seen", days: daysLeft };
  return { status: "pace", days: daysLeft, unseen, perDay: Math.ceil(unseen / daysLeft) };
}
