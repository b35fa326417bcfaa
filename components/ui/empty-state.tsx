import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="rounded-2xl border border-dashed border-stone-300 bg-white/60 px-6 py-10 text-center dark:border-stone-700 dark:bg-stone-900/40">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-stone-600 dark:text-stone-400">{children}</div>
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </section>
  );
}
