import Link from "next/link";
import { findUserById } from "@/lib/auth/users";
import { listMemberAssignments } from "@/lib/cohorts/assignments";
import { AssignmentList } from "./assignment-list";

const DONE_SHOWN = 3;

/**
 * The member's cohort assignments for the dashboard: overdue first, then
 * those to do (due soonest first), then the last few done. Renders nothing
 * for someone in no cohort with no assignments.
 */
export async function DashboardAssignments({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const [user, assignments] = await Promise.all([findUserById(userId), listMemberAssignments(userId, now)]);
  if (!user || assignments.length === 0) return null;
  const overdue = assignments.filter((a) => a.state === "overdue");
  const soon = assignments.filter((a) => a.state === "due-soon" || a.state === "in-progress");
  const later = assignments.filter((a) => a.state === "open" || a.state === "upcoming");
  const done = assignments
    .filter((a) => a.state === "done")
    .sort((a, b) => (b.cell.firstSubmittedAt?.getTime() ?? 0) - (a.cell.firstSubmittedAt?.getTime() ?? 0))
    .slice(0, DONE_SHOWN);
  const groups = [
    { key: "overdue", title: "Overdue", items: overdue },
    { key: "soon", title: "Due soon", items: soon },
    { key: "later", title: "Later", items: later },
    { key: "done", title: "Recently done", items: done },
  ].filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="dashboard-assignments" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="dashboard-assignments" className="text-lg font-semibold">
          Cohort assignments
        </h2>
        <Link href="/cohorts" className="text-sm font-semibold text-brand-700 underline dark:text-brand-300">
          All cohorts
        </Link>
      </div>
      {groups.map((g) => (
        <div key={g.key}>
          <h3 className={`mb-2 text-sm font-semibold uppercase tracking-wider ${g.key === "overdue" ? "text-red-800 dark:text-red-300" : "text-stone-500"}`}>
            {g.title} <span className="sr-only">({g.items.length})</span>
          </h3>
          <AssignmentList assignments={g.items} viewerZone={user.timeZone} showCohort />
        </div>
      ))}
    </section>
  );
}
