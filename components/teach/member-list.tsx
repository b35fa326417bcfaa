import { ActionButton } from "@/components/cohorts/action-button";
import { removeMemberAction } from "@/lib/cohorts/actions";
import type { MemberRow } from "@/lib/cohorts/members";
import { formatInZone } from "@/lib/cohorts/time";
import type { ReadinessBand } from "@/lib/exam/readiness";

export const READINESS_LABELS: Record<ReadinessBand, string> = {
  "not-enough-data": "Not enough data",
  building: "Building",
  approaching: "Approaching",
  "on-track": "On track",
};

const dateOnly = (date: Date, zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone, dateStyle: "medium" }).format(date);

/** The cohort's members with their progress; each can be removed (with a confirmation). */
export function MemberList({ cohortId, members, viewerZone }: { cohortId: string; members: MemberRow[]; viewerZone: string }) {
  return (
    <ul className="space-y-3" data-testid="member-list">
      {members.map((m) => (
        <li key={m.userId} className="rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 className="font-semibold">{m.name}</h3>
              <p className="break-all text-sm text-stone-600 dark:text-stone-400">{m.email}</p>
            </div>
            <ActionButton
              action={removeMemberAction}
              input={{ cohortId, userId: m.userId }}
              label="Remove"
              pendingLabel="Removing…"
              confirm={`Remove ${m.name} from the cohort?`}
              variant="ghost"
            />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
            <div>
              <dt className="text-stone-500">Joined</dt>
              <dd>{dateOnly(m.joinedAt, viewerZone)}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Last active</dt>
              <dd>{m.lastActiveAt ? formatInZone(m.lastActiveAt, viewerZone) : "—"}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Assignments done</dt>
              <dd className="tabular-nums">
                {m.assignmentsDone} of {m.assignmentsDue}
                {m.overdue > 0 && <span className="ml-1 font-semibold text-red-800 dark:text-red-300">({m.overdue} overdue)</span>}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">Mean score</dt>
              <dd className="tabular-nums">{m.meanPercent === null ? "—" : `${Math.round(m.meanPercent)}%`}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Readiness</dt>
              <dd>{READINESS_LABELS[m.readiness]}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
