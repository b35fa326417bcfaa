import type { Metadata } from "next";
import Link from "next/link";
import { ContentSearch } from "@/components/learn/content-search";
import { PageHeader } from "@/components/layout/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { listLessons, type LessonSummary } from "@/lib/content/lessons";
import { getBlueprint } from "@/lib/exam/blueprints";
import { lessonProgressByLesson } from "@/lib/learn/progress";
import type { LessonProgressSummary } from "@/lib/learn/selection";

export const metadata: Metadata = { title: "Learn" };

export default async function LearnPage() {
  const [user, lessons] = await Promise.all([getCurrentUser(), listLessons()]);
  const progress = user ? await lessonProgressByLesson(user.id) : new Map<string, LessonProgressSummary>();
  const blueprint = getBlueprint();
  const groups = blueprint.domains
    .map((domain) => ({ domain, lessons: lessons.filter((l) => l.frontmatter.domains[0] === domain.id) }))
    .filter((g) => g.lessons.length > 0);
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
      <div className="mb-8">
        <ContentSearch />
      </div>
      {lessons.length === 0 && <p>No lessons are published yet.</p>}
      <div className="space-y-10">
        {groups.map(({ domain, lessons: inDomain }) => (
          <section key={domain.id} aria-labelledby={`domain-${domain.id}`}>
            <h2 id={`domain-${domain.id}`} className="text-lg font-semibold">
              <span className="text-stone-500">Domain {domain.id} ·</span> {domain.name}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {inDomain.map((lesson) => (
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
          {fm.readingMinutes} min · {lesson.itemCount} questions · {lesson.flashcardCount} flashcards
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
