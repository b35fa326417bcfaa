import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { DeleteForm } from "@/components/teach/delete-form";
import { SetBuilder } from "@/components/teach/set-builder";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requireInstructor } from "@/lib/auth/session";
import { deleteQuestionSetAction } from "@/lib/cohorts/actions";
import { listTeachingCohorts } from "@/lib/cohorts/cohorts";
import { builderItems, getQuestionSet, lessonTitles } from "@/lib/cohorts/question-sets";
import { getBlueprint } from "@/lib/exam/blueprints";
import { OneTimeNotice } from "@/components/ui/one-time-notice";

export const metadata: Metadata = { title: "Question set" };

export default async function SetPage({ params, searchParams }: { params: Promise<{ setId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { setId } = await params;
  const user = await requireInstructor(`/teach/sets/${setId}`);
  const { saved } = await searchParams;
  const [set, items, titles, cohorts] = await Promise.all([getQuestionSet(user.id, setId), builderItems(user.id), lessonTitles(), listTeachingCohorts(user.id)]);
  if (!set) notFound();
  const blueprint = getBlueprint();
  const retired = set.items.filter((i) => i.retired).length;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/sets" className="text-brand-700 underline dark:text-brand-300">
          Question sets
        </Link>
      </nav>
      <PageHeader
        title={set.title}
        description={`${set.itemIds.length} ${set.itemIds.length === 1 ? "item" : "items"} · assigned ${set._count.assignments} ${set._count.assignments === 1 ? "time" : "times"}`}
      />
      <OneTimeNotice params={["saved"]} />
      {saved && (
        <div className="mb-6">
          <Alert tone="success">Set created. Assign it to a cohort or download it below.</Alert>
        </div>
      )}
      {retired > 0 && (
        <div className="mb-6">
          <Alert tone="info">
            {retired} {retired === 1 ? "item in this set has" : "items in this set have"} been retired and will not be served in new attempts.
          </Alert>
        </div>
      )}
      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="assign-heading" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="assign-heading" className="text-lg font-semibold">
            Assign
          </h2>
          {cohorts.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              <Link href="/teach/cohorts/new" className="text-brand-700 underline dark:text-brand-300">
                Create a cohort
              </Link>{" "}
              first, then assign this set to it.
            </p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-2">
              {cohorts.map((c) => (
                <li key={c.id}>
                  <Link href={`/teach/cohorts/${c.id}/assignments/new?setId=${set.id}`} className={buttonClass("secondary")}>
                    Assign to {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="export-heading" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="export-heading" className="text-lg font-semibold">
            Download
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">CSV and GIFT import back into Systemic; GIFT and Moodle XML import into Moodle; the QTI package imports into Canvas and other LMSs.</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            <li>
              <a href={`/teach/sets/${set.id}/export?format=csv`} download className={buttonClass("secondary")}>
                CSV
              </a>
            </li>
            <li>
              <a href={`/teach/sets/${set.id}/export?format=gift`} download className={buttonClass("secondary")}>
                GIFT
              </a>
            </li>
            <li>
              <a href={`/teach/sets/${set.id}/export?format=xml`} download className={buttonClass("secondary")}>
                Moodle XML
              </a>
            </li>
            <li>
              <a href={`/teach/sets/${set.id}/export?format=qti`} download className={buttonClass("secondary")}>
                QTI 1.2 (Canvas, Blackboard)
              </a>
            </li>
          </ul>
        </section>
      </div>
      <SetBuilder
        items={items}
        domains={blueprint.domains.map((d) => ({ id: d.id, name: d.name, share: d.share }))}
        lessonTitles={titles}
        initial={{ setId: set.id, title: set.title, description: set.description ?? "", itemIds: set.itemIds }}
      />
      <details className="mt-10 rounded-2xl border border-red-200 bg-white p-5 dark:border-red-900 dark:bg-stone-900">
        <summary className="cursor-pointer text-lg font-semibold text-red-800 dark:text-red-300">Delete set</summary>
        <p className="mb-4 mt-2 text-sm text-stone-600 dark:text-stone-400">
          {set._count.assignments > 0
            ? "This set is assigned to a cohort, so it cannot be deleted until those assignments are deleted."
            : "Deletes the set. The items stay in the bank or in your items."}
        </p>
        {set._count.assignments === 0 && <DeleteForm action={deleteQuestionSetAction} hidden={{ setId: set.id }} label="Delete set" />}
      </details>
    </>
  );
}
