import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/cohorts/action-button";
import { CohortForm } from "@/components/teach/cohort-form";
import { CohortHeader } from "@/components/teach/cohort-header";
import { DeleteForm } from "@/components/teach/delete-form";
import { requireInstructor } from "@/lib/auth/session";
import { deleteCohortAction, leaveTeachingAction } from "@/lib/cohorts/actions";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { timeZones } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Cohort settings" };

export default async function CohortSettingsPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const user = await requireInstructor(`/teach/cohorts/${cohortId}/settings`);
  const cohort = await getTeachingCohort(user.id, cohortId);
  if (!cohort) notFound();
  return (
    <>
      <CohortHeader cohort={cohort} />
      <section aria-labelledby="details-heading" className="mb-8 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="details-heading" className="mb-4 text-lg font-semibold">
          Details
        </h2>
        <CohortForm
          cohortId={cohort.id}
          zones={timeZones()}
          initial={{
            name: cohort.name,
            description: cohort.description ?? "",
            examDate: cohort.examDate ? cohort.examDate.toISOString().slice(0, 10) : "",
            timeZone: cohort.timeZone,
          }}
        />
      </section>
      {cohort.isOwner ? (
        <section aria-labelledby="delete-heading" className="rounded-2xl border border-red-200 bg-white p-5 dark:border-red-900 dark:bg-stone-900">
          <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">
            Delete cohort
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-600 dark:text-stone-400">
            Deletes the cohort, its memberships and assignments, and the members&apos; attempts on those assignments. Members keep their own answers and review
            schedule. It cannot be undone.
          </p>
          <DeleteForm action={deleteCohortAction} hidden={{ cohortId: cohort.id }} label="Delete cohort" />
        </section>
      ) : (
        <section aria-labelledby="leave-heading" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="leave-heading" className="text-lg font-semibold">
            Stop co-teaching
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-600 dark:text-stone-400">You will no longer see this cohort. The owner can add you again.</p>
          <ActionButton action={leaveTeachingAction} input={{ cohortId: cohort.id }} label="Stop co-teaching" confirm="Stop co-teaching this cohort?" variant="danger" />
        </section>
      )}
    </>
  );
}
