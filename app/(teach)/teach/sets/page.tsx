import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { listQuestionSets } from "@/lib/cohorts/question-sets";

export const metadata: Metadata = { title: "Question sets" };

export default async function QuestionSetsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireInstructor("/teach/sets");
  const { deleted } = await searchParams;
  const sets = await listQuestionSets(user.id);
  return (
    <>
      <PageHeader
        title="Question sets"
        description="Sets of items from the bank and your own, reusable across your cohorts."
        actions={sets.length > 0 ? <ButtonLink href="/teach/sets/new">New set</ButtonLink> : undefined}
      />
      {deleted && (
        <div className="mb-6">
          <Alert tone="success">The set was deleted.</Alert>
        </div>
      )}
      {sets.length === 0 ? (
        <EmptyState title="No question sets yet" action={<ButtonLink href="/teach/sets/new">Build a set</ButtonLink>}>
          Pick items by domain, concept, lesson or difficulty, search the bank, or draw a random set spread like the exam. Then assign it to a cohort.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {sets.map((s) => (
            <li key={s.id}>
              <Link href={`/teach/sets/${s.id}`} className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60">
                <span className="block font-semibold text-brand-800 dark:text-brand-200">{s.title}</span>
                <span className="block text-sm text-stone-600 dark:text-stone-400">
                  {s.itemCount} {s.itemCount === 1 ? "item" : "items"} · assigned {s._count.assignments} {s._count.assignments === 1 ? "time" : "times"}
                  {s.description ? ` · ${s.description}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
