import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/cohorts/action-button";
import { AssignmentList } from "@/components/cohorts/assignment-list";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { leaveCohortAction } from "@/lib/cohorts/actions";
import { listMemberAssignments } from "@/lib/cohorts/assignments";
import { getMemberCohort } from "@/lib/cohorts/cohorts";
import { touchMembership } from "@/lib/cohorts/members";
import { formatCalendarDate } from "@/lib/cohorts/time";
import { OneTimeNotice } from "@/components/ui/one-time-notice";

export const metadata: Metadata = { title: "Cohort" };

export default async function MemberCohortPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ joined?: string }> }) {
  const { cohortId } = await params;
  const user = await requireUser(`/cohorts/${cohortId}`);
  const { joined } = await searchParams;
  const now = new Date();
  const cohort = await getMemberCohort(user.id, cohortId);
  if (!cohort) notFound();
  const [assignments] = await Promise.all([listMemberAssignments(user.id, now, cohortId), touchMembership(user.id, cohortId, now)]);
  const instructors = cohort.instructors.map((i) => i.user.name).filter(Boolean);
  const current = assignments.filter((a) => a.state !== "done");
  const done = assignments.filter((a) => a.state === "done");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/cohorts" className="text-brand-700 underline dark:text-brand-300">
          Cohorts
        </Link>
      </nav>
      <PageHeader
        title={cohort.name}
        description={
          <>
            {instructors.length > 0 && <>Taught by {instructors.join(", ")}. </>}
            {cohort.examDate && <>Exam date {formatCalendarDate(cohort.examDate)}. </>}
            Due dates are set in {cohort.timeZone.replaceAll("_", " ")}.
          </>
        }
      />
      <OneTimeNotice params={["joined"]} />
      {joined && (
        <div className="mb-6">
          <Alert tone="success">You joined {cohort.name}. Your instructors can now see your assignment results and readiness band; other members cannot.</Alert>
        </div>
      )}
      {cohort.description && <p className="mb-6 max-w-prose whitespace-pre-line text-stone-700 dark:text-stone-300">{cohort.description}</p>}
      <section aria-labelledby="assignments" className="mb-8">
        <h2 id="assignments" className="mb-3 text-lg font-semibold">
          Assignments
        </h2>
        {current.length === 0 ? (
          <EmptyState title={assignments.length === 0 ? "No assignments yet" : "All caught up"}>
            {assignments.length === 0
              ? "When your instructor assigns a question set, it appears here and in your notifications."
              : "You have done every assignment so far. New ones will appear here."}
          </EmptyState>
        ) : (
          <AssignmentList assignments={current} viewerZone={user.timeZone} />
        )}
      </section>
      {done.length > 0 && (
        <section aria-labelledby="done" className="mb-8">
          <h2 id="done" className="mb-3 text-lg font-semibold">
            Done
          </h2>
          <AssignmentList assignments={done} viewerZone={user.timeZone} />
        </section>
      )}
      <section aria-labelledby="leave" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="leave" className="text-lg font-semibold">
          Leave this cohort
        </h2>
        <p className="mb-3 mt-1 text-sm text-stone-600 dark:text-stone-400">
          Your instructors will no longer see your results. Your own answers and review schedule stay with you. You can rejoin with a current join code.
        </p>
        <ActionButton action={leaveCohortAction} input={{ cohortId }} label="Leave cohort" pendingLabel="Leaving…" confirm={`Leave ${cohort.name}?`} variant="danger" />
      </section>
    </>
  );
}
