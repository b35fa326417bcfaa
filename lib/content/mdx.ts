/**
 * Compiles a lesson's MDX into the code the lesson page renders with
 * mdx-bundler's getMDXComponent, plus its table of contents.
 */
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { padBody, type ContentProblem, type LessonSource } from "./load";
import remarkFamilyMap from "./remark-family-map";

export interface TocEntry {
  depth: 2 | 3;
  text: string;
  /** The heading's anchor, as rehype-slug sets it in the compiled code. */
  id: string;
}

export interface CompiledLesson {
  code: string;
  toc: TocEntry[];
}

/** The ## and ### headings of a lesson, for the page's table of contents. */
export function lessonToc(lesson: Pick<LessonSource, "headings">): TocEntry[] {
  return lesson.headings.flatMap((h) => (h.depth === 2 || h.depth === 3 ? [{ depth: h.depth, text: h.text.trim(), id: h.id }] : []));
}

/**
 * Bundles the lesson body with mdx-bundler (GFM, family maps, heading
 * anchors). Throws when the MDX does not compile; the message names the line
 * in the lesson file.
 */
export async function compileLesson(source: Pick<LessonSource, "body" | "bodyLine" | "headings">): Promise<CompiledLesson> {
  const { code } = await bundleMDX({
    source: padBody(source.body, source.bodyLine),
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkFamilyMap];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug];
      return options;
    },
    esbuildOptions(options) {
      // Errors are thrown to the caller; esbuild's own console report would duplicate them.
      options.logLevel = "silent";
      return options;
    },
  });
  return { code, toc: lessonToc(source) };
}

interface EsbuildFailure {
  errors?: { text?: string }[];
  message?: string;
}

/**
 * The file line and a one-line message for a compile failure. esbuild's own
 * locations point into the JavaScript generated from the MDX, so the line
 * comes from the MDX compiler's message, or from where an unresolved import
 * is written in `source`.
 */
export function compileErrorPosition(error: unknown, source: string, fallbackLine: number): { line: number; message: string } {
  const failure = error as EsbuildFailure;
  const text = (failure.errors?.[0]?.text ?? failure.message ?? String(error)).replace(/^Cannot process MDX file with esbuild:\s*/, "");
  const message = text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? text;
  const fromMdx = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(text)?.[1] ?? /\bline (\d+)\b/.exec(text)?.[1];
  if (fromMdx) return { line: Number(fromMdx), message };
  const unresolved = /Could not resolve "([^"]+)"/.exec(text)?.[1];
  const importLine = unresolved ? source.split(/\r?\n/).findIndex((l) => l.includes(unresolved)) : -1;
  return { line: importLine >= 0 ? importLine + 1 : fallbackLine, message };
}

/** Rules whose problem already explains why a lesson would not compile. */
const COMPILE_BLOCKERS = new Set(["mdx-compile", "family-map"]);

/**
 * Compiles every lesson and reports the ones that fail, skipping lessons
 * that already have a problem explaining the failure (`reported`: MDX that
 * does not parse, an invalid family map).
 */
export async function findCompileProblems(lessons: readonly LessonSource[], reported: readonly ContentProblem[] = []): Promise<ContentProblem[]> {
  const blocked = new Set(reported.filter((p) => COMPILE_BLOCKERS.has(p.rule)).map((p) => p.file));
  const results = await Promise.all(
    lessons
      .filter((lesson) => lesson.tree !== null && !blocked.has(lesson.file))
      .map(async (lesson): Promise<ContentProblem | null> => {
        try {
          await compileLesson(lesson);
          return null;
        } catch (error) {
          const { line, message } = compileErrorPosition(error, padBody(lesson.body, lesson.bodyLine), lesson.bodyLine);
          return { file: lesson.file, line, message: `MDX does not compile: ${message}`, rule: "mdx-compile" };
        }
      }),
  );
  return results.filter((p): p is ContentProblem => p !== null);
}
