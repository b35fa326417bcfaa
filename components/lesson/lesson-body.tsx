import type { MDXComponents } from "mdx/types";
import { getMDXComponent } from "mdx-bundler/client";
import Link from "next/link";
import type { ComponentProps } from "react";
import { Callout } from "./callout";
import { Compare } from "./compare-table";
import { FamilyMap } from "./family-map";
import { Card } from "./flashcard-block";
import { LessonH2, LessonH3 } from "./heading";
import { KeyTerm, asParagraphComponent } from "./key-term";
import { Vignette } from "./vignette";

const LINK_STYLE =
  "font-medium text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:text-sky-300 dark:decoration-sky-300/40 dark:hover:decoration-sky-300";

function LessonLink({ href = "", className, ...rest }: ComponentProps<"a">) {
  const style = `${LINK_STYLE} ${className ?? ""}`;
  // Same-site pages go through the router so navigation stays client-side; anchors and other sites stay plain links.
  if (href.startsWith("/") && !href.startsWith("//")) return <Link href={href} className={style} {...rest} />;
  return <a href={href} className={style} {...rest} />;
}

/** Markdown tables scroll sideways in their own box so a wide table never widens the page. */
function LessonTable(props: ComponentProps<"table">) {
  return (
    <div className="my-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table className="w-full border-collapse text-left text-sm" {...props} />
    </div>
  );
}

const components: MDXComponents = {
  KeyTerm,
  Card,
  Compare,
  Vignette,
  Callout,
  FamilyMap,
  h2: LessonH2,
  h3: LessonH3,
  a: LessonLink,
  table: LessonTable,
  th: (props) => (
    <th
      className="border-b-2 border-slate-300 bg-slate-50 px-3 py-2 align-bottom font-semibold text-slate-950 dark:border-slate-600 dark:bg-slate-800 dark:text-white"
      {...props}
    />
  ),
  td: (props) => <td className="border-b border-slate-200 px-3 py-2 align-top dark:border-slate-700" {...props} />,
  p: asParagraphComponent((props: ComponentProps<"p">) => <p className="my-4" {...props} />),
  ul: (props) => <ul className="my-4 list-disc space-y-1.5 pl-6" {...props} />,
  ol: (props) => <ol className="my-4 list-decimal space-y-1.5 pl-6" {...props} />,
  blockquote: (props) => <blockquote className="my-5 border-l-4 border-slate-300 pl-4 text-slate-700 dark:border-slate-600 dark:text-slate-300" {...props} />,
  code: (props) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800" {...props} />,
  hr: (props) => <hr className="my-10 border-slate-200 dark:border-slate-700" {...props} />,
  strong: (props) => <strong className="font-semibold text-slate-950 dark:text-white" {...props} />,
};

// Raw <details> blocks (the Self-check answers) are literal HTML in the MDX,
// which the components map does not reach, so they are styled from here;
// only direct children, to leave the Card's own <details> alone.
const BODY_STYLE = [
  "text-base leading-7 break-words text-slate-800 dark:text-slate-200",
  "[&>details]:my-3 [&>details]:rounded-lg [&>details]:border [&>details]:border-slate-200 [&>details]:px-4 [&>details]:py-2 dark:[&>details]:border-slate-700",
  "[&>details>summary]:cursor-pointer [&>details>summary]:font-medium [&>details>summary]:text-slate-950 dark:[&>details>summary]:text-white",
  "[&_summary:focus-visible]:outline-2 [&_summary:focus-visible]:outline-offset-2 [&_summary:focus-visible]:outline-sky-600",
].join(" ");

/**
 * Renders a lesson compiled by mdx-bundler. A server component: the lesson's
 * components need no client JavaScript (raw <details> blocks in Self-check
 * open natively).
 */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return (
    <div className={BODY_STYLE}>
      <Content components={components} />
    </div>
  );
}
