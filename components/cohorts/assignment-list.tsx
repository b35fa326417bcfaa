import Link from "next/link";
import type { MemberAssignment } from "@/lib/cohorts/assignments";
import { formatInZone } from "@/lib/cohorts/time";
import { StateBadge } from "./status-badge";

const MODE_LABELS = { tutor: "Tutor mode", quiz: "Quiz", timed: "Timed" } as const;

export const modeLabel = (mode: keyof typeof MODE_LABELS, timeLimitMin: number | null) =>
  mode === "timed" && timeLimitMin ? `Timed, ${timeLimitMin} min` : MODE_LABELS[mode];

/** A member's assignments as a list of links, each with its state, due date and score. */
export function AssignmentList({ assignments, viewerZone, showCohort = false }: { assignments: MemberAssignment[]; viewerZone: string; showCohort?: boolean }) {
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
      {assignments.map((a) => {
        const dueLabel = a.state === "upcoming" ? `Opens ${formatInZone(a.opensAt, viewerZone)}` : `Due ${formatInZone(a.dueAt, viewerZone)}`;
        return (
          <li key={a.id} className={a.state === "overdue" ? "border-l-4 border-l-red-600 dark:border-l-red-500" : ""}>
            <Link
              href={`/cohorts/${a.cohortId}/assignments/${a.id}`}
              className="flex flex-col gap-1 px-4 py-3 hover:bg-stone-50 sm:flex-row sm:items-center sm:justify-between sm:gap-4 dark:hover:bg-stone-800/60"
            >
              <span className="min-w-0">
                <span className="block font-semibold text-brand-800 underline-offset-2 hover:underline dark:text-brand-200">{a.title}</span>
                <span className="block text-sm text-stone-600 dark:text-stone-400">
                  {showCohort && <>{a.cohortName} · </>}
                  {a.itemCount} {a.itemCount === 1 ? "question" : "questions"} · {modeLabel(a.mode, a.timeLimitMin)} · {dueLabel}
                </span>
              </span>
              <span className="flex shrink-0 items-center gap-2">
                {a.cell.bestPercent !== null && <span className="text-sm font-semibold tabular-nums">{Math.round(a.cell.bestPercent)}%</span>}
                <StateBadge state={a.state} />
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
