import Link from "next/link";
import { modeLabel } from "@/components/cohorts/assignment-list";
import type { OverviewAssignment } from "@/lib/cohorts/results";
import { formatInZone } from "@/lib/cohorts/time";

/** The cohort's assignments with their window, mode and completion, each linking to its results. */
export function AssignmentSummaryList({ cohortId, assignments, members, timeZone }: { cohortId: string; assignments: OverviewAssignment[]; members: number; timeZone: string }) {
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
      {assignments.map((a) => (
        <li key={a.id}>
          <Link href={`/teach/cohorts/${cohortId}/assignments/${a.id}`} className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60">
            <span className="block font-semibold text-brand-800 dark:text-brand-200">{a.title}</span>
            <span className="block text-sm text-stone-600 dark:text-stone-400">
              {a.itemCount} questions · {modeLabel(a.mode, a.timeLimitMin)} · due {formatInZone(a.dueAt, timeZone)} · {a.done}/{members} done
              {a.meanPercent !== null ? ` · mean ${Math.round(a.meanPercent)}%` : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
