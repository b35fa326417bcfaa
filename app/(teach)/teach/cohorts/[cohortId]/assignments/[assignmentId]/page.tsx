import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { modeLabel } from "@/components/cohorts/assignment-list";
import { ZonedTime } from "@/components/cohorts/zoned-time";
import { AssignmentForm } from "@/components/teach/assignment-form";
import { CohortHeader } from "@/components/teach/cohort-header";
import { DeleteForm } from "@/components/teach/delete-form";
import { FLAG_MIN_RESPONSES, ItemAnalysisList } from "@/components/teach/item-analysis";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { deleteAssignmentAction } from "@/lib/cohorts/actions";
import { getTeachingAssignment } from "@/lib/cohorts/assignments";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { percentOf } from "@/lib/cohorts/progress";
import { assignmentResults } from "@/lib/cohorts/results";
import { formatInZone, utcToZonedLocal } from "@/lib/cohorts/time";
import type { AssignmentMode } from "@/lib/cohorts/validation";

export const metadata: Metadata = { title: "Assignment results" };

export default async function AssignmentResultsPage({ params }: { params: Promise<{ cohortId: string; assignmentId: string }> }) {
  const { cohortId, assignmentId } = await params;
  const user = await requireInstructor(`/teach/cohorts/${cohortId}/assignments/${assignmentId}`);
  const now = new Date();
  const [cohort, assignment, results] = await Promise.all([
    getTeachingCohort(user.id, cohortId),
    getTeachingAssignment(user.id, cohortId, assignmentId),
    assignmentResults(user.id, cohortId, assignmentId, now),
  ]);
  if (!cohort || !assignment || !results) notFound();
  const flagged = results.items.filter((i) => i.flags.length > 0).length;
  const mode = assignment.mode as AssignmentMode;

  return (
    <>
      <CohortHeader
        cohort={cohort}
        title={assignment.title}
        description={`${modeLabel(mode, assignment.timeLimitMin)} · ${assignment.attemptsAllowed} ${assignment.attemptsAllowed === 1 ? "attempt" : "attempts"} allowed`}
        trail={[{ href: `/teach/cohorts/${cohortId}/assignments/${assignmentId}`, label: assignment.title }]}
        actions={
          results.submitted > 0 ? (
            <a href={`/teach/cohorts/${cohortId}/assignments/${assignmentId}/export`} download className={buttonClass("secondary")}>
              Download answers (CSV)
            </a>
          ) : undefined
        }
      />
      <section aria-labelledby="window-heading" className="mb-8 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="window-heading" className="sr-only">
          Window
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-stone-600 dark:text-stone-400">Opens</dt>
          <dd>
            <ZonedTime date={assignment.opensAt} cohortZone={assignment.cohort.timeZone} viewerZone={user.timeZone} />
          </dd>
          <dt className="font-medium text-stone-600 dark:text-stone-400">Due</dt>
          <dd>
            <ZonedTime date={assignment.dueAt} cohortZone={assignment.cohort.timeZone} viewerZone={user.timeZone} />
          </dd>
          <dt className="font-medium text-stone-600 dark:text-stone-400">Question set</dt>
          <dd>
            {assignment.set.ownerId === user.id ? (
              <Link href={`/teach/sets/${assignment.set.id}`} className="text-brand-700 underline dark:text-brand-300">
                {assignment.set.title}
              </Link>
            ) : (
              assignment.set.title
            )}
          </dd>
          <dt className="font-medium text-stone-600 dark:text-stone-400">Submitted</dt>
          <dd>
            {results.submitted} of {results.members.length} members
          </dd>
        </dl>
      </section>

      <section aria-labelledby="members-heading" className="mb-8">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold">
          Members
        </h2>
        {results.members.length === 0 ? (
          <EmptyState title="No members yet">Members appear here once they join the cohort.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
            <table className="w-full text-left text-sm" data-testid="assignment-members">
              <caption className="sr-only">Each member&apos;s first submitted attempt</caption>
              <thead className="text-stone-600 dark:text-stone-400">
                <tr className="border-b border-stone-200 dark:border-stone-800">
                  <th scope="col" className="px-3 py-2 font-medium">
                    Member
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    First submitted
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Score
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Attempts
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.members.map((m) => (
                  <tr key={m.userId} className="border-b border-stone-100 last:border-0 dark:border-stone-800/70">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {m.name}
                    </th>
                    <td className="px-3 py-2">
                      {m.first ? (
                        <>
                          {formatInZone(m.first.submittedAt, user.timeZone)}
                          {m.first.submittedAt > assignment.dueAt && <span className="ml-1 font-semibold text-amber-800 dark:text-amber-300">(late)</span>}
                        </>
                      ) : now > assignment.dueAt ? (
                        <span className="font-semibold text-red-800 dark:text-red-300">Overdue</span>
                      ) : (
                        <span className="text-stone-500">Not yet</span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {m.first && m.first.correct !== null ? `${m.first.correct}/${m.first.total} (${Math.round(percentOf(m.first.correct, m.first.total))}%)` : "—"}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{m.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="analysis-heading" className="mb-8">
        <h2 id="analysis-heading" className="text-lg font-semibold">
          Item analysis
        </h2>
        <p className="mb-4 mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          From each member&apos;s first submitted attempt. Facility is the share correct; the point-biserial and the upper − lower difference show how well an
          item separates stronger from weaker members (0.2 and above is usually good). Flags appear from {FLAG_MIN_RESPONSES} responses.
        </p>
        {results.submitted === 0 ? (
          <EmptyState title="No submissions yet">The analysis appears once members submit their attempts.</EmptyState>
        ) : (
          <>
            {flagged > 0 && (
              <div className="mb-4">
                <Alert tone="info">
                  {flagged} {flagged === 1 ? "item is" : "items are"} flagged for a look.
                </Alert>
              </div>
            )}
            {results.submitted < FLAG_MIN_RESPONSES && (
              <div className="mb-4">
                <Alert tone="info">
                  Only {results.submitted} {results.submitted === 1 ? "member has" : "members have"} submitted; with so few responses the figures move a lot, so nothing
                  is flagged yet.
                </Alert>
              </div>
            )}
            <ItemAnalysisList items={results.items} />
          </>
        )}
      </section>

      <details className="mb-8 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <summary className="cursor-pointer text-lg font-semibold">Edit assignment</summary>
        <div className="mt-4">
          <AssignmentForm
            cohortId={cohortId}
            assignmentId={assignment.id}
            timeZone={assignment.cohort.timeZone}
            sets={[]}
            initial={{
              setId: assignment.set.id,
              title: assignment.title,
              opensAt: utcToZonedLocal(assignment.opensAt, assignment.cohort.timeZone),
              dueAt: utcToZonedLocal(assignment.dueAt, assignment.cohort.timeZone),
              mode,
              timeLimitMin: assignment.timeLimitMin ? String(assignment.timeLimitMin) : "",
              attemptsAllowed: String(assignment.attemptsAllowed),
            }}
          />
        </div>
      </details>
      <details className="rounded-2xl border border-red-200 bg-white p-5 dark:border-red-900 dark:bg-stone-900">
        <summary className="cursor-pointer text-lg font-semibold text-red-800 dark:text-red-300">Delete assignment</summary>
        <p className="mb-4 mt-2 text-sm text-stone-600 dark:text-stone-400">
          Deletes the assignment and every member&apos;s attempts on it (their answers stay in their own history). It cannot be undone.
        </p>
        <DeleteForm action={deleteAssignmentAction} hidden={{ assignmentId: assignment.id }} label="Delete assignment" />
      </details>
    </>
  );
}
