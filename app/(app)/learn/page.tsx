import type { Metadata } from "next";
import Link from "next/link";
import { ContentSearch } from "@/components/learn/content-search";
import { PageHeader } from "@/components/layout/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { listLessons, type LessonSummary } from "@/lib/content/lessons";
import { getBlueprint } from "@/lib/exam/blueprints";
import { LESSON_PRACTICE_SIZE } from "@/lib/learn/practice";
import { lessonProgressByLesson } from "@/lib/learn/progress";
import type { LessonProgressSummary } from "@/lib/learn/selection";

export const metadata: Metadata = { title: "Learn" };

type Grouping = "domain" | "model";

interface LessonGroup {
  id: string;
  label: string;
  prefix?: string;
  lessons: LessonSummary[];
}

/** Lessons by primary exam domain (blueprint order) or by model or practice area (in the order the course first reaches each). */
function groupLessons(lessons: readonly LessonSummary[], by: Grouping): LessonGroup[] {
  if (by === "domain") {
    return getBlueprint()
      .domains.map((domain) => ({
        id: `domain-${domain.id}`,
        label: domain.name,
        prefix: `Domain ${domain.id}`,
        lessons: lessons.filter((l) => l.frontmatter.domains[0] === domain.id),
      }))
      .filter((g) => g.lessons.length > 0);
  }
  const groups = new Map<string, LessonGroup>();
  for (const lesson of lessons) {
    const label = lesson.frontmatter.model ?? "Other topics";
    const id = `model-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    const group = groups.get(label) ?? { id, label, lessons: [] };
    group.lessons.push(lesson);
    groups.set(label, group);
  }
  return [...groups.values()];
}

export default async function LearnPage({ searchParams }: { searchParams: Promise<{ by?: string | string[] }> }) {
  const by: Grouping = (await searchParams).by === "model" ? "model" : "domain";
  const [user, lessons] = await Promise.all([getCurrentUser(), listLessons()]);
  const progress = user ? await lessonProgressByLesson(user.id) : new Map<string, LessonProgressSummary>();
  const groups = groupLessons(lessons, by);
  const read = lessons.filter((l) => progress.get(l.slug)?.read).length;

  return (
    <>
      <PageHeader
        title="Learn"
        description={
          user
            ? `${read} of ${lessons.length} lessons read. Each lesson ends with ten practice questions in tutor mode.`
            : "Concept lessons for the exam. Sign in to practise and track your progress."
        }
      />
      <div className="mb-6">
        <ContentSearch />
      </div>
      {lessons.length === 0 && <p>No lessons are published yet.</p>}
      {lessons.length > 0 && (
        <nav aria-label="Group lessons" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600 dark:text-stone-400">Group by</span>
          {(
            [
              ["domain", "Exam domain"],
              ["model", "Model or area"],
            ] as const
          ).map(([value, label]) => (
            <Link
              key={value}
              href={value === "domain" ? "/learn" : "/learn?by=model"}
              aria-current={by === value ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-4 font-medium aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-900 dark:border-stone-700 dark:aria-[current=page]:bg-brand-900/40 dark:aria-[current=page]:text-brand-100"
            >
              {label}
            </Link>
          ))}
        </nav>
      )}
      {groups.length > 1 && (
        <nav aria-label="Jump to a group" className="mb-8">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {groups.map((g) => (
              <li key={g.id}>
                <a href={`#${g.id}`} className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                  {g.prefix ? `${g.prefix}: ` : ""}
                  {g.label} <span className="text-stone-500">({g.lessons.length})</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="space-y-10">
        {groups.map(({ id, label, prefix, lessons: inGroup }) => (
          <section key={id} aria-labelledby={id}>
            <h2 id={id} className="scroll-mt-20 text-lg font-semibold">
              {prefix && <span className="text-stone-500">{prefix} ·</span>} {label}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {inGroup.map((lesson) => (
                <LessonCard key={lesson.slug} lesson={lesson} progress={user ? progress.get(lesson.slug) : undefined} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

function LessonCard({ lesson, progress }: { lesson: LessonSummary; progress?: LessonProgressSummary }) {
  const fm = lesson.frontmatter;
  const attempted = progress?.itemsAttempted ?? 0;
  const total = progress?.itemsTotal || lesson.itemCount;
  return (
    <li>
      <Link
        href={`/learn/${lesson.slug}`}
        className="flex h-full flex-col rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-500 dark:border-stone-800 dark:bg-stone-900"
        data-testid={`lesson-card-${lesson.slug}`}
      >
        <span className="flex items-start justify-between gap-2">
          <span className="font-semibold">
            {fm.order}. {fm.title}
          </span>
          {progress?.read && (
            <span className="shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
              Read
            </span>
          )}
        </span>
        <span className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">{fm.summary}</span>
        <span className="mt-2 flex flex-wrap gap-1.5">
          {fm.concepts.slice(0, 4).map((c) => (
            <span key={c} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300">
              {c.replaceAll("-", " ")}
            </span>
          ))}
        </span>
        <span className="mt-3 text-xs text-stone-600 dark:text-stone-400">
          {fm.readingMinutes} min · {lesson.itemCount} questions
          {lesson.itemCount > LESSON_PRACTICE_SIZE ? `, ${LESSON_PRACTICE_SIZE} per practice round` : ""} · {lesson.flashcardCount} flashcards
        </span>
        {progress && (
          <span className="mt-2 block" data-testid="lesson-progress">
            <span className="flex justify-between text-xs">
              <span>
                {attempted} of {total} questions tried
              </span>
              <span>{progress.percentCorrect === null ? "—" : `${progress.percentCorrect}% correct`}</span>
            </span>
            <span
              className="mt-1 block h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
              role="progressbar"
              aria-label={`${fm.title}: questions tried`}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={attempted}
            >
              <span className="block h-full bg-brand-500" style={{ width: `${total ? (100 * attempted) / total : 0}%` }} />
            </span>
          </span>
        )}
      </Link>
    </li>
  );
}
