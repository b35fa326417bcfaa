import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/teach/assignment-form";
import { CohortHeader } from "@/components/teach/cohort-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { listQuestionSets } from "@/lib/cohorts/question-sets";
import { utcToZonedLocal } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "New assignment" };

const WEEK_MS = 7 * 86_400_000;

export default async function NewAssignmentPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ setId?: string }> }) {
  const { cohortId } = await params;
  const user = await requireInstructor(`/teach/cohorts/${cohortId}/assignments/new`);
  const { setId } = await searchParams;
  const [cohort, sets] = await Promise.all([getTeachingCohort(user.id, cohortId), listQuestionSets(user.id)]);
  if (!cohort) notFound();
  const now = new Date();
  const preset = sets.find((s) => s.id === setId);
  const opensAt = utcToZonedLocal(now, cohort.timeZone);
  // A week from today, at the end of the day in the cohort's zone.
  const dueAt = `${utcToZonedLocal(new Date(now.getTime() + WEEK_MS), cohort.timeZone).slice(0, 10)}T23:59`;
  return (
    <>
      <CohortHeader cohort={cohort} title="New assignment" description={`Assign one of your question sets to ${cohort.name}.`} />
      {sets.length === 0 ? (
        <EmptyState title="You have no question sets yet" action={<ButtonLink href="/teach/sets/new">Build a question set</ButtonLink>}>
          Build a set from the bank (by domain, concept or lesson, or random by the exam blueprint) or from your own items, then come back to assign it.
        </EmptyState>
      ) : (
        <AssignmentForm
          cohortId={cohort.id}
          timeZone={cohort.timeZone}
          sets={sets.map((s) => ({ id: s.id, title: s.title, itemCount: s.itemCount }))}
          initial={{
            setId: preset?.id ?? "",
            title: preset?.title ?? "",
            opensAt,
            dueAt,
            mode: "quiz",
            timeLimitMin: preset ? String(Math.max(1, Math.ceil((preset.itemCount * 80) / 60))) : "",
            attemptsAllowed: "1",
          }}
        />
      )}
    </>
  );
}
