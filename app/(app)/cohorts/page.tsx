import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentList } from "@/components/cohorts/assignment-list";
import { JoinForm } from "@/components/cohorts/join-form";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listMemberAssignments } from "@/lib/cohorts/assignments";
import { listMemberCohorts } from "@/lib/cohorts/cohorts";
import { formatCalendarDate } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage({ searchParams }: { searchParams: Promise<{ left?: string }> }) {
  const user = await requireUser("/cohorts");
  const { left } = await searchParams;
  const now = new Date();
  const [cohorts, assignments] = await Promise.all([listMemberCohorts(user.id), listMemberAssignments(user.id, now)]);
  const open = assignments.filter((a) => a.state !== "done" && a.state !== "upcoming");
  return (
    <>
      <PageHeader title="Cohorts" description="Study groups you belong to, with the work your instructors assign." />
      {left && (
        <div className="mb-6">
          <Alert tone="success">You left the cohort. Your own answers and progress are still yours.</Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="my-cohorts">
            <h2 id="my-cohorts" className="mb-3 text-lg font-semibold">
              My cohorts
            </h2>
            {cohorts.length === 0 ? (
              <EmptyState title="You are not in a cohort yet">
                If your instructor or study group uses Systemic, ask them for a join code or link and enter it here.
              </EmptyState>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {cohorts.map((c) => (
                  <li key={c.id}>
                    <Link
                      href={`/cohorts/${c.id}`}
                      className="block h-full rounded-2xl border border-stone-200 bg-white p-4 hover:border-brand-400 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-brand-600"
                    >
                      <span className="block font-semibold text-brand-800 dark:text-brand-200">{c.name}</span>
                      <span className="mt-1 block text-sm text-stone-600 dark:text-stone-400">
                        {c.owner.name ? `With ${c.owner.name} · ` : ""}
                        {c._count.assignments} {c._count.assignments === 1 ? "assignment" : "assignments"}
                        {c.examDate ? ` · exam ${formatCalendarDate(c.examDate)}` : ""}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {open.length > 0 && (
            <section aria-labelledby="to-do">
              <h2 id="to-do" className="mb-3 text-lg font-semibold">
                To do
              </h2>
              <AssignmentList assignments={open} viewerZone={user.timeZone} showCohort />
            </section>
          )}
        </div>
        <section aria-labelledby="join" className="h-fit rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="join" className="mb-3 text-lg font-semibold">
            Join a cohort
          </h2>
          <JoinForm />
        </section>
      </div>
    </>
  );
}
