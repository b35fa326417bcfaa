import { CELL_LABELS, type CellStatus, type MemberAssignmentState } from "@/lib/cohorts/progress";

type Tone = "done" | "late" | "progress" | "overdue" | "todo" | "later" | "soon";

const TONES: Record<Tone, string> = {
  done: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100",
  late: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100",
  progress: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100",
  overdue: "border-red-400 bg-red-50 font-semibold text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-100",
  soon: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100",
  todo: "border-stone-300 bg-white text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200",
  later: "border-dashed border-stone-300 bg-transparent text-stone-600 dark:border-stone-700 dark:text-stone-400",
};

// Each state has its own symbol as well as its colour, so it reads without colour too.
const ICONS: Record<Tone, string> = {
  done: "M5 12l5 5 9-10",
  late: "M5 12l5 5 9-10",
  progress: "M12 6v6l4 2",
  overdue: "M12 7v6M12 17h.01",
  soon: "M12 6v6l4 2",
  todo: "M6 12h12",
  later: "M8 12h.01M12 12h.01M16 12h.01",
};

function Badge({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs ${TONES[tone]}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
        {tone === "overdue" || tone === "progress" || tone === "soon" ? <circle cx="12" cy="12" r="9" /> : null}
        <path d={ICONS[tone]} />
      </svg>
      {label}
    </span>
  );
}

const CELL_TONES: Record<CellStatus, Tone> = {
  done: "done",
  "done-late": "late",
  "in-progress": "progress",
  overdue: "overdue",
  "not-started": "todo",
  "not-open": "later",
};

export function CellBadge({ status, label }: { status: CellStatus; label?: string }) {
  return <Badge tone={CELL_TONES[status]} label={label ?? CELL_LABELS[status]} />;
}

const STATE: Record<MemberAssignmentState, { tone: Tone; label: string }> = {
  done: { tone: "done", label: "Done" },
  "in-progress": { tone: "progress", label: "In progress" },
  overdue: { tone: "overdue", label: "Overdue" },
  "due-soon": { tone: "soon", label: "Due soon" },
  open: { tone: "todo", label: "To do" },
  upcoming: { tone: "later", label: "Opens later" },
};

export function StateBadge({ state }: { state: MemberAssignmentState }) {
  return <Badge tone={STATE[state].tone} label={STATE[state].label} />;
}
