import Link from "next/link";
import { CellBadge } from "@/components/cohorts/status-badge";
import type { OverviewAssignment, OverviewMember } from "@/lib/cohorts/results";

const short = (date: Date, zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "short", day: "numeric" }).format(date);

/**
 * Members × assignments. Each cell says its state in words and with a
 * symbol (overdue also with a heavier border), not by colour alone.
 */
export function CompletionGrid({ cohortId, assignments, members, timeZone }: { cohortId: string; assignments: OverviewAssignment[]; members: OverviewMember[]; timeZone: string }) {
  return (
    <div role="region" aria-labelledby="grid-heading" tabIndex={0} className="overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <table className="w-full border-collapse text-left text-sm" data-testid="completion-grid">
        <caption className="sr-only">Completion by member and assignment; scores are each member&apos;s best attempt.</caption>
        <thead>
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="col" className="sticky left-0 z-10 bg-white px-3 py-2 font-semibold dark:bg-stone-900">
              Member
            </th>
            {assignments.map((a) => (
              <th key={a.id} scope="col" className="min-w-32 px-3 py-2 align-bottom font-semibold">
                <Link href={`/teach/cohorts/${cohortId}/assignments/${a.id}`} className="text-brand-800 underline underline-offset-2 dark:text-brand-200">
                  {a.title}
                </Link>
                <span className="block text-xs font-normal text-stone-500">
                  due {short(a.dueAt, timeZone)} · {a.done}/{members.length} done
                </span>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Mean
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-stone-100 last:border-0 dark:border-stone-800/70">
              <th scope="row" className="sticky left-0 z-10 max-w-48 bg-white px-3 py-2 font-medium dark:bg-stone-900">
                <span className="block truncate">{m.name}</span>
                {m.overdue > 0 && <span className="block text-xs font-semibold text-red-800 dark:text-red-300">{m.overdue} overdue</span>}
              </th>
              {m.cells.map((cell, i) => {
                const assignment = assignments[i]!;
                return (
                  <td
                    key={assignment.id}
                    className={`px-3 py-2 ${cell.status === "overdue" ? "bg-red-50/70 dark:bg-red-950/30" : ""}`}
                    data-testid={`cell-${m.userId}-${assignment.id}`}
                  >
                    <span className="flex flex-wrap items-center gap-1.5">
                      <CellBadge status={cell.status} />
                      {cell.bestPercent !== null && <span className="tabular-nums font-semibold">{Math.round(cell.bestPercent)}%</span>}
                    </span>
                  </td>
                );
              })}
              <td className="px-3 py-2 text-right tabular-nums">{m.meanPercent === null ? "—" : `${Math.round(m.meanPercent)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
