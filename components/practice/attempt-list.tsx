import Link from "next/link";
import type { AttemptSummary } from "@/lib/exam/attempts";
import { formatMoment, formatPercent, formatSpan } from "@/lib/exam/format";

/** Attempts still running, each with its progress, the time left and a way back in. */
export function RunningAttempts({ attempts, timeZone }: { attempts: readonly AttemptSummary[]; timeZone: string }) {
  return (
    <ul className="space-y-2">
      {attempts.map((a) => (
        <li key={a.id}>
          <Link
            href={`/practice/attempts/${a.id}`}
            className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 hover:border-amber-500 dark:border-amber-800 dark:bg-amber-950/40"
          >
            <span className="min-w-0">
              <span className="block font-semibold">{a.label}</span>
              <span className="block text-sm text-stone-700 dark:text-stone-300">
                Started {formatMoment(a.startedAt, timeZone)} · {a.answered} of {a.total} answered
                {a.remainingMs !== null ? ` · ${formatSpan(a.remainingMs)} left on the clock` : ""}
              </span>
            </span>
            <span className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white dark:bg-brand-500 dark:text-stone-950">
              Resume
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Finished attempts, newest first, each linking to its score report. */
export function FinishedAttempts({ attempts, timeZone }: { attempts: readonly AttemptSummary[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">Finished attempts, newest first</caption>
        <thead className="text-stone-600 dark:text-stone-400">
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Attempt
            </th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
              Date
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Correct
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Score
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
          {attempts.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/practice/attempts/${a.id}/report`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
                  {a.label}
                </Link>
                <span className="block text-xs text-stone-500 sm:hidden">{a.submittedAt ? formatMoment(a.submittedAt, timeZone) : ""}</span>
              </th>
              <td className="hidden py-2 pr-3 sm:table-cell">{a.submittedAt ? formatMoment(a.submittedAt, timeZone) : ""}</td>
              <td className="py-2 pr-3 text-right">
                {a.correct ?? "—"} / {a.total}
              </td>
              <td className="py-2 text-right font-semibold">{a.percent === null ? "—" : formatPercent(a.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
