import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentSummaryList } from "@/components/teach/assignment-summary-list";
import { CohortHeader } from "@/components/teach/cohort-header";
import { CompletionGrid } from "@/components/teach/completion-grid";
import { DomainMastery } from "@/components/teach/domain-mastery";
import { JoinCodeCard } from "@/components/teach/join-code-card";
import { StatTile } from "@/components/teach/stat-tile";
import { Alert } from "@/components/ui/alert";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { formatJoinCode } from "@/lib/cohorts/join-code";
import { cohortOverview } from "@/lib/cohorts/results";
import { OneTimeNotice } from "@/components/ui/one-time-notice";

export const metadata: Metadata = { title: "Cohort" };

export default async function CohortOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<{ created?: string; assigned?: string }>;
}) {
  const { cohortId } = await params;
  const user = await requireInstructor(`/teach/cohorts/${cohortId}`);
  const { created, assigned } = await searchParams;
  const now = new Date();
  const [cohort, overview] = await Promise.all([getTeachingCohort(user.id, cohortId), cohortOverview(user.id, cohortId, now)]);
  if (!cohort || !overview) notFound();
  const overdue = overview.members.reduce((n, m) => n + m.overdue, 0);

  return (
    <>
      <CohortHeader cohort={cohort} />
      <OneTimeNotice params={["created", "assigned"]} />
      {created && (
        <div className="mb-6">
          <Alert tone="success">Cohort created. Share the join code or link below with your candidates.</Alert>
        </div>
      )}
      {assigned !== undefined && (
        <div className="mb-6">
          <Alert tone="success">
            Assignment created.{" "}
            {Number(assigned) > 0 ? `${assigned} ${assigned === "1" ? "member was" : "members were"} notified in the app.` : "Members who join later will be told about it."}
          </Alert>
        </div>
      )}
      <div className="mb-8 grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <StatTile label="Members" value={overview.members.length} />
            <StatTile label="Assignments" value={overview.assignments.length} />
            <StatTile label="Mean score" value={overview.meanPercent === null ? "—" : `${Math.round(overview.meanPercent)}%`} detail="best attempts" />
            <StatTile label="Overdue" value={overdue} detail="member × assignment" />
          </dl>
          <section aria-labelledby="mastery-heading" className="mt-4 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
            <h2 id="mastery-heading" className="text-lg font-semibold">
              Mastery by exam domain
            </h2>
            <p className="mb-4 mt-1 text-sm text-stone-600 dark:text-stone-400">Share of correct answers in the cohort&apos;s submitted assignments.</p>
            <DomainMastery mastery={overview.mastery} />
          </section>
        </div>
        <JoinCodeCard cohortId={cohort.id} code={cohort.joinCode} displayCode={formatJoinCode(cohort.joinCode)} />
      </div>

      <section aria-labelledby="grid-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="grid-heading" className="text-lg font-semibold">
            Assignments and completion
          </h2>
          <div className="flex flex-wrap gap-2">
            {overview.assignments.length > 0 && overview.members.length > 0 && (
              <a href={`/teach/cohorts/${cohort.id}/export`} download className={buttonClass("secondary")}>
                Download results (CSV)
              </a>
            )}
            <ButtonLink href={`/teach/cohorts/${cohort.id}/assignments/new`}>New assignment</ButtonLink>
          </div>
        </div>
        {overview.assignments.length === 0 ? (
          <EmptyState title="Nothing assigned yet">Build a question set, then assign it here with open and due dates. Members are notified in the app.</EmptyState>
        ) : overview.members.length === 0 ? (
          <>
            <EmptyState title="No members yet">Share the join code. The completion grid fills in as members join and work.</EmptyState>
            <AssignmentSummaryList cohortId={cohort.id} assignments={overview.assignments} members={0} timeZone={cohort.timeZone} />
          </>
        ) : (
          <CompletionGrid cohortId={cohort.id} assignments={overview.assignments} members={overview.members} timeZone={cohort.timeZone} />
        )}
      </section>
    </>
  );
}
