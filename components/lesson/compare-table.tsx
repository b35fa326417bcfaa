import type { ReactNode } from "react";

/** A titled contrast table; the table scrolls sideways inside its own box on narrow screens. */
export function Compare({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <figure className="my-6">
      <figcaption className="mb-2 font-semibold text-slate-950 dark:text-white">{title}</figcaption>
      <div className="overflow-x-auto rounded-lg border border-slate-300 dark:border-slate-600 [&>div]:my-0">{children}</div>
    </figure>
  );
}
