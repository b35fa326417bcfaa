import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { modeLabel } from "@/components/cohorts/assignment-list";
import { StartAssignmentButton } from "@/components/cohorts/start-assignment-button";
import { StateBadge } from "@/components/cohorts/status-badge";
import { ZonedTime } from "@/components/cohorts/zoned-time";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getMemberAssignment } from "@/lib/cohorts/assignments";
import { assignmentHref, markReadByHref } from "@/lib/cohorts/notifications";
import { percentOf } from "@/lib/cohorts/progress";
import { formatInZone } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "Assignment" };

const MODE_HELP = {
  tutor: "After each answer you see the best answer and why every option is right or wrong.",
  quiz: "Answer at your own pace; you see the key and rationales when you submit.",
  timed: "The clock runs on the server from when you start, like the real exam. You see the key and rationales when you submit.",
} as const;

export default async function MemberAssignmentPage({ params }: { params: Promise<{ cohortId: string; assignmentId: string }> }) {
  const { cohortId, assignmentId } = await params;
  const href = assignmentHref(cohortId, assignmentId);
  const user = await requireUser(href);
  const now = new Date();
  const assignment = await getMemberAssignment(user.id, cohortId, assignmentId, now);
  if (!assignment) notFound();
  // Opening the assignment is reading its notification.
  await markReadByHref(user.id, href, now);
  const { decision } = assignment;
  const submitted = assignment.attempts.filter((a) => a.submittedAt);
  const left = Math.max(0, assignment.attemptsAllowed - assignment.attempts.length);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/cohorts" className="text-brand-700 underline dark:text-brand-300">
          Cohorts
        </Link>{" "}
        /{" "}
        <Link href={`/cohorts/${cohortId}`} className="text-brand-700 underline dark:text-brand-300">
          {assignment.cohort.name}
        </Link>
      </nav>
      <PageHeader title={assignment.title} actions={<StateBadge state={assignment.state} />} />
      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="about" className="rounded-2xl border border-stone-200 bg-white p-5 md:col-span-2 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="about" className="sr-only">
            About this assignment
          </h2>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-stone-600 dark:text-stone-400">Opens</dt>
            <dd>
              <ZonedTime date={assignment.opensAt} cohortZone={assignment.cohort.timeZone} viewerZone={user.timeZone} />
            </dd>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Due</dt>
            <dd>
              <ZonedTime date={assignment.dueAt} cohortZone={assignment.cohort.timeZone} viewerZone={user.timeZone} />
            </dd>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Questions</dt>
            <dd>{assignment.itemCount}</dd>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Mode</dt>
            <dd>
              {modeLabel(assignment.mode, assignment.timeLimitMin)}. <span className="text-stone-600 dark:text-stone-400">{MODE_HELP[assignment.mode]}</span>
            </dd>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Attempts</dt>
            <dd>
              {assignment.attempts.length} of {assignment.attemptsAllowed} used
            </dd>
          </dl>
          {assignment.set.description && <p className="mt-4 whitespace-pre-line text-stone-700 dark:text-stone-300">{assignment.set.description}</p>}
        </section>
        <section aria-labelledby="your-turn" className="order-first h-fit rounded-2xl md:order-none border border-brand-200 bg-brand-50/60 p-5 dark:border-brand-800 dark:bg-brand-900/30">
          <h2 id="your-turn" className="mb-3 text-lg font-semibold">
            {decision.kind === "continue" ? "In progress" : submitted.length > 0 ? "Your results" : "Ready when you are"}
          </h2>
          {decision.kind === "continue" && (
            <ButtonLink href={`/cohorts/${cohortId}/assignments/${assignmentId}/attempts/${decision.attemptId}`}>Continue attempt</ButtonLink>
          )}
          {decision.kind === "start" && (
            <>
              {assignment.state === "overdue" && (
                <div className="mb-3">
                  <Alert tone="info">This assignment is past its due date. You can still do it; your instructor will see it as late.</Alert>
                </div>
              )}
              <p className="mb-3 text-sm text-stone-700 dark:text-stone-300">
                {left} {left === 1 ? "attempt" : "attempts"} left.{assignment.mode === "timed" ? " The timer starts as soon as you press Start." : ""}
              </p>
              <StartAssignmentButton cohortId={cohortId} assignmentId={assignmentId} label={submitted.length > 0 ? "Try again" : "Start assignment"} />
            </>
          )}
          {decision.kind === "refuse" && decision.reason === "not-open" && (
            <p className="text-sm">This assignment opens {formatInZone(assignment.opensAt, user.timeZone)}.</p>
          )}
          {decision.kind === "refuse" && decision.reason === "no-attempts-left" && <p className="text-sm">You have used every attempt this assignment allows.</p>}
        </section>
      </div>
      {submitted.length > 0 && (
        <section aria-labelledby="attempts" className="mt-8">
          <h2 id="attempts" className="mb-3 text-lg font-semibold">
            Your attempts
          </h2>
          <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {submitted.map((a, i) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <span>
                  Attempt {i + 1} · submitted {formatInZone(a.submittedAt!, user.timeZone)}
                  {a.submittedAt! > assignment.dueAt && <span className="ml-2 text-sm font-semibold text-amber-800 dark:text-amber-300">(late)</span>}
                </span>
                <span className="flex items-center gap-3">
                  <span className="font-semibold tabular-nums" data-testid="attempt-score">
                    {a.correct === null ? "Scoring…" : `${a.correct} of ${a.total} · ${Math.round(percentOf(a.correct, a.total))}%`}
                  </span>
                  <Link href={`/cohorts/${cohortId}/assignments/${assignmentId}/attempts/${a.id}`} className="text-sm font-semibold text-brand-700 underline dark:text-brand-300">
                    See report
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
