import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonPractice } from "@/components/learn/lesson-practice";
import { MarkRead } from "@/components/learn/mark-read";
import { LessonBody } from "@/components/lesson/lesson-body";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { getLesson, listLessons } from "@/lib/content/lessons";
import type { TocEntry } from "@/lib/content/mdx";
import { domainName } from "@/lib/exam/blueprints";
import { formatLongDate } from "@/lib/dates";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listLessons()).map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  return lesson ? { title: lesson.frontmatter.title, description: lesson.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [lesson, lessons] = await Promise.all([getLesson(slug), listLessons()]);
  if (!lesson) notFound();
  const { frontmatter: fm } = lesson;
  // The page's own sections after the lesson's: its practice round and references.
  const toc: TocEntry[] = [...lesson.toc, { depth: 2, text: "Practise this concept", id: "practice-heading" }, { depth: 2, text: "References", id: "references" }];
  const index = lessons.findIndex((l) => l.slug === slug);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-10">
      <article className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-sm text-stone-600 dark:text-stone-400">
          <Link href="/learn" className="underline-offset-2 hover:underline">
            Learn
          </Link>{" "}
          / <span>Lesson {fm.order}</span>
        </nav>
        <header className="mt-2">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{fm.title}</h1>
          <p className="mt-3 text-lg text-stone-700 dark:text-stone-300">{fm.summary}</p>
          <ul className="mt-4 flex flex-wrap gap-2 text-xs" aria-label="About this lesson">
            {fm.domains.map((d) => (
              <li key={d} className="rounded-full bg-brand-100 px-2.5 py-1 font-medium text-brand-900 dark:bg-brand-900 dark:text-brand-100">
                Domain {d}: {domainName(d)}
              </li>
            ))}
            <li className="rounded-full bg-stone-200 px-2.5 py-1 dark:bg-stone-800">{fm.readingMinutes} min read</li>
            <li className="rounded-full bg-stone-200 px-2.5 py-1 dark:bg-stone-800">Reviewed {formatLongDate(new Date(`${fm.lastReviewed}T00:00:00Z`))}</li>
          </ul>
        </header>
        <details className="mt-6 rounded-lg border border-stone-200 p-3 lg:hidden dark:border-stone-800">
          <summary className="cursor-pointer text-sm font-semibold">On this page</summary>
          <TableOfContents toc={toc} />
        </details>
        <div className="mt-8">
          <LessonBody code={lesson.code} />
        </div>
        <MarkRead lessonSlug={slug} />
        <LessonPractice lessonSlug={slug} lessonTitle={fm.title} sections={Object.fromEntries(lesson.toc.map((t) => [t.id, t.text]))} />
        <section aria-labelledby="references" className="mt-12 border-t border-stone-200 pt-6 text-sm dark:border-stone-800">
          <h2 id="references" className="font-semibold">
            References
          </h2>
          <ul className="mt-2 space-y-1 text-stone-700 dark:text-stone-300">
            {fm.references.map((r) => (
              <li key={`${r.author}-${r.year}-${r.title}`}>
                {r.author} ({r.year}). <cite>{r.title}</cite>. {r.publisher ?? [r.journal, r.volume, r.pages].filter(Boolean).join(", ")}.
              </li>
            ))}
          </ul>
        </section>
        <nav aria-label="Lessons" className="mt-10 grid gap-3 sm:grid-cols-2">
          {previous ? (
            <Link href={`/learn/${previous.slug}`} rel="prev" className="rounded-xl border border-stone-200 p-4 hover:border-brand-500 dark:border-stone-800">
              <span className="text-xs text-stone-500">Previous</span>
              <span className="block font-semibold">{previous.frontmatter.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/learn/${next.slug}`} rel="next" className="rounded-xl border border-stone-200 p-4 text-right hover:border-brand-500 dark:border-stone-800">
              <span className="text-xs text-stone-500">Next</span>
              <span className="block font-semibold">{next.frontmatter.title}</span>
            </Link>
          )}
        </nav>
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto">
          <TableOfContents toc={toc} />
        </div>
      </aside>
    </div>
  );
}
