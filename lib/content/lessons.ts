/**
 * Lessons for the app: the course list and compiled lesson pages. Read from
 * content/ at build time (static generation) and by scripts, so this module
 * stays free of React and of "server-only".
 */
import { loadContent, type LoadedContent } from "./load";
import { compileLesson, lessonToc, type TocEntry } from "./mdx";
import type { LessonFrontmatter } from "./schema";

export interface LessonSummary {
  slug: string;
  frontmatter: LessonFrontmatter;
  toc: TocEntry[];
  itemCount: number;
  flashcardCount: number;
}

export interface LessonPage {
  frontmatter: LessonFrontmatter;
  /** mdx-bundler output, for getMDXComponent. */
  code: string;
  toc: TocEntry[];
}

const contentCache = new Map<string, Promise<LoadedContent>>();
const pageCache = new Map<string, Promise<LessonPage>>();
const orderCache = new Map<string, Promise<Map<string, number>>>();

// In development authors edit lessons while the server runs, so a cached copy would hide their edits.
const caching = () => process.env.NODE_ENV !== "development";

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  if (!caching()) return load();
  const hit = cache.get(key);
  if (hit) return hit;
  const promise = load();
  cache.set(key, promise);
  // A failed load is not remembered, so the next request can succeed after a fix.
  promise.catch(() => cache.delete(key));
  return promise;
}

const content = (root: string) => cached(contentCache, root, () => loadContent(root));

/** Lessons with valid frontmatter, sorted by their course order. */
export async function listLessons(root: string = process.cwd()): Promise<LessonSummary[]> {
  const { lessons, items, flashcards } = await content(root);
  return [...lessons]
    .sort((a, b) => a.frontmatter.order - b.frontmatter.order)
    .map((lesson) => ({
      slug: lesson.slug,
      frontmatter: lesson.frontmatter,
      toc: lessonToc(lesson),
      itemCount: items.filter((i) => i.lesson === lesson.slug).length,
      flashcardCount: flashcards.filter((c) => c.lessonSlug === lesson.slug).length,
    }));
}

/**
 * Each lesson's course order (frontmatter `order`) by slug, for putting new
 * review cards in reading order. Cached with the content, since the review
 * queue asks on every request.
 */
export function lessonOrders(root: string = process.cwd()): Promise<Map<string, number>> {
  return cached(orderCache, root, async () => new Map((await content(root)).lessons.map((l) => [l.slug, l.frontmatter.order])));
}

/** Slugs in course order, e.g. for generateStaticParams. */
export async function getLessonSlugs(root: string = process.cwd()): Promise<string[]> {
  return (await listLessons(root)).map((l) => l.slug);
}

/**
 * A lesson's frontmatter, compiled MDX and table of contents; null when no
 * lesson has this slug. Throws when the lesson's MDX does not compile.
 */
export async function getLesson(slug: string, root: string = process.cwd()): Promise<LessonPage | null> {
  const lesson = (await content(root)).lessons.find((l) => l.slug === slug);
  if (lesson === undefined) return null;
  return cached(pageCache, `${root}\u0000${slug}`, async () => {
    const { code, toc } = await compileLesson(lesson);
    return { frontmatter: lesson.frontmatter, code, toc };
  });
}

/** Forgets cached lessons (tests, or a long-running process after content changed). */
export function clearLessonCache(): void {
  contentCache.clear();
  pageCache.clear();
  orderCache.clear();
}
