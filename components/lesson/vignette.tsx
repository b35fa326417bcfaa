import type { ReactNode } from "react";

/** A worked clinical example, set apart like a case file. */
export function Vignette({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <aside
      aria-label={`Clinical vignette: ${title}`}
      className="my-8 rounded-xl border border-teal-300 bg-teal-50/60 px-5 py-4 dark:border-teal-800 dark:bg-teal-950/40"
    >
      <p className="flex flex-wrap items-baseline gap-x-2 border-b border-teal-200 pb-2 dark:border-teal-800">
        <span className="text-xs font-semibold tracking-wide text-teal-800 uppercase dark:text-teal-300">Clinical vignette</span>
        <span className="font-semibold text-slate-950 dark:text-white">{title}</span>
      </p>
      <div className="mt-3 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </aside>
  );
}
