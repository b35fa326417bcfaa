import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { listTeachingCohorts } from "@/lib/cohorts/cohorts";
import { formatCalendarDate } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireInstructor("/teach");
  const { deleted } = await searchParams;
  const cohorts = await listTeachingCohorts(user.id);
  return (
    <>
      <PageHeader
        title="Teach"
        description="Run a prep cohort: invite candidates, assign question sets and see where the group struggles."
        actions={cohorts.length > 0 ? <ButtonLink href="/teach/cohorts/new">New cohort</ButtonLink> : undefined}
      />
      {deleted && (
        <div className="mb-6">
          <Alert tone="success">The cohort was deleted.</Alert>
        </div>
      )}
      {cohorts.length === 0 ? (
        <EmptyState title="No cohorts yet" action={<ButtonLink href="/teach/cohorts/new">Create your first cohort</ButtonLink>}>
          A cohort is a study group: you get a join code to share, assign question sets with due dates and see who is behind and which items the group
          gets wrong. Cohorts you co-teach appear here too.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {cohorts.map((c) => (
            <li key={c.id}>
              <Link
                href={`/teach/cohorts/${c.id}`}
                className="flex h-full flex-col rounded-2xl border border-stone-200 bg-white p-5 hover:border-brand-400 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-brand-600"
              >
                <span className="flex items-start justify-between gap-3">
                  <span className="text-lg font-semibold text-brand-800 dark:text-brand-200">{c.name}</span>
                  <span className="shrink-0 rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700 dark:bg-stone-800 dark:text-stone-300">
                    {c.isOwner ? "Owner" : "Co-instructor"}
                  </span>
                </span>
                {c.description && <span className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">{c.description}</span>}
                <span className="mt-3 text-sm text-stone-700 dark:text-stone-300">
                  {c._count.members} {c._count.members === 1 ? "member" : "members"} · {c._count.assignments}{" "}
                  {c._count.assignments === 1 ? "assignment" : "assignments"}
                  {c.examDate ? ` · exam ${formatCalendarDate(c.examDate)}` : ""}
                </span>
                {!c.isOwner && <span className="mt-1 text-xs text-stone-500">Owned by {c.owner.name ?? c.owner.email}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
