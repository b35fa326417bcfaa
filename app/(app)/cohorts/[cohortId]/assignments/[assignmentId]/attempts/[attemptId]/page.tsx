import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DomainScoreTable } from "@/components/practice/domain-score-table";
import { ItemReview } from "@/components/practice/item-review";
import { PageHeader } from "@/components/layout/page-header";
import { requireUser } from "@/lib/auth/session";
import { memberAttemptOnAssignment } from "@/lib/cohorts/assignments";
import { attemptReport } from "@/lib/exam/attempts";
import { flaggedAmong } from "@/lib/exam/flags";
import { formatPercent, formatSpan } from "@/lib/exam/format";

export const metadata: Metadata = { title: "Assignment report" };

/**
 * One attempt at an assignment. While it runs, the exam screen does the work
 * (its own full-screen route); once submitted, this is the member's report,
 * with a way back to the cohort.
 */
export default async function AssignmentAttemptPage({ params }: { params: Promise<{ cohortId: string; assignmentId: string; attemptId: string }> }) {
  const { cohortId, assignmentId, attemptId } = await params;
  const back = `/cohorts/${cohortId}/assignments/${assignmentId}`;
  const user = await requireUser(`${back}/attempts/${attemptId}`);
  const attempt = await memberAttemptOnAssignment(user.id, cohortId, assignmentId, attemptId);
  if (!attempt) notFound();
  const result = await attemptReport(user.id, attemptId);
  if (!result.ok) {
    if (result.reason === "in-progress") redirect(`/practice/attempts/${attemptId}`);
    notFound();
  }
  const { report } = result;
  const flagged = await flaggedAmong(user.id, report.items.map((i) => i.itemId));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={back} className="text-brand-700 underline dark:text-brand-300">
          Back to the assignment
        </Link>
      </nav>
      <PageHeader
        title={report.label}
        description={`${report.score.correct} of ${report.score.total} correct (${formatPercent(report.score.percent)}) · ${report.answered} answered · ${formatSpan(report.elapsedMs)}${report.timedOut ? " · time ran out" : ""}`}
      />
      <section aria-labelledby="by-domain" className="mb-8 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="by-domain" className="mb-2 text-lg font-semibold">
          By exam domain
        </h2>
        <DomainScoreTable domains={report.score.byDomain} />
      </section>
      <section aria-labelledby="items">
        <h2 id="items" className="mb-3 text-lg font-semibold">
          Every question, with rationales
        </h2>
        <ItemReview items={report.items} flagged={flagged} />
      </section>
    </>
  );
}
