import type { ReactNode } from "react";

/**
 * One headline figure (streak, time spent) with its label and an optional
 * line of context. A one-entry description list keeps label and value paired
 * for screen readers.
 */
export function StatTile({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <dl className="min-w-0 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <dt className="text-sm font-semibold uppercase tracking-wider text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className="mt-2 text-3xl font-bold tabular-nums">{value}</dd>
      {detail ? <dd className="mt-1 text-sm text-stone-600 dark:text-stone-400">{detail}</dd> : null}
    </dl>
  );
}
