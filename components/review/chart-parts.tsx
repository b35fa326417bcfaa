import type { ReactNode } from "react";

/** Frameless: the page decides the card around each chart, as the stats page does. */
export function ChartSection({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={titleId} className="min-w-0">
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A chart's data as a table, folded under "Show as a table": the chart's text alternative. */
export function ChartTable({ caption, scroll = "overflow-x-auto", children }: { caption: string; scroll?: string; children: ReactNode }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">Show as a table</summary>
      <div className={`mt-2 ${scroll}`}>
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
