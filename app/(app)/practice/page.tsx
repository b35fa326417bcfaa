import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { FinishedAttempts, RunningAttempts } from "@/components/practice/attempt-list";
import { MockStart } from "@/components/practice/mock-start";
import { SessionBuilder, type BuilderDefaults } from "@/components/practice/session-builder";
import { TrendChart } from "@/components/practice/trend-chart";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { attemptHistory } from "@/lib/exam/attempts";
import { formatShortDate } from "@/lib/exam/format";
import { mockOffers, practiceOptions } from "@/lib/exam/practice-sets";
import { PRACTICE_SOURCES, type PracticeSource } from "@/lib/exam/practice-spec";

export const metadata: Metadata = { title: "Practice" };

const MAX_RUNNING_SHOWN = 5;

/** Links (from the dashboard's next step, for instance) may preselect the builder: ?source=domain&domain=3. */
function builderDefaults(query: Record<string, string | string[] | undefined>): BuilderDefaults {
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  const source = one("source");
  const domain = Number(one("domain"));
  return {
    source: source && (PRACTICE_SOURCES as readonly string[]).includes(source) ? (source as PracticeSource) : "mixed",
    domain: Number.isInteger(domain) && domain >= 1 && domain <= 6 ? domain : undefined,
    concept: one("concept")?.match(/^[a-z0-9-]{1,100}$/)?.[0],
    lesson: one("lesson")?.match(/^[a-z0-9-]{1,100}$/)?.[0],
  };
}

export default async function PracticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/practice");
  const now = new Date();
  const [query, options, offers, history] = await Promise.all([searchParams, practiceOptions(user.id), mockOffers(), attemptHistory(user.id, now)]);
  const trend = [...history.finished]
    .filter((a) => a.percent !== null && a.submittedAt)
    .reverse()
    .map((a) => ({
      id: a.id,
      date: formatShortDate(a.submittedAt!, user.timeZone),
      label: a.label,
      mock: a.kind === "mock-full" || a.kind === "mock-short",
      percent: a.percent!,
      correct: a.correct ?? 0,
      total: a.total,
    }));

  return (
    <>
      <PageHeader
        title="Practice"
        description="Rehearse the exam with its length, clock and domain mix, or build a session on exactly what you need."
        actions={
          <ButtonLink href="/readiness" variant="secondary">
            Your readiness
          </ButtonLink>
        }
      />

      {history.running.length > 0 && (
        <section aria-labelledby="running-heading" className="mb-8">
          <h2 id="running-heading" className="text-lg font-semibold">
            In progress
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Your answers are saved. A mock exam&apos;s clock keeps running while you are away.</p>
          <div className="mt-3">
            <RunningAttempts attempts={history.running.slice(0, MAX_RUNNING_SHOWN)} timeZone={user.timeZone} />
            {history.running.length > MAX_RUNNING_SHOWN && (
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                and {history.running.length - MAX_RUNNING_SHOWN} older unfinished {history.running.length - MAX_RUNNING_SHOWN === 1 ? "session" : "sessions"}.
              </p>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="mock-heading">
        <h2 id="mock-heading" className="text-lg font-semibold">
          Mock exams
        </h2>
        <p className="mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          Items drawn to the exam&apos;s six-domain mix, timed at its pace of 80 seconds per item, one at a time with a navigator and marks for review. Results
          come at the end, by domain.
        </p>
        <div className="mt-3">
          <MockStart full={offers.full} short={offers.short} />
        </div>
      </section>

      <section aria-labelledby="builder-heading" id="builder" className="mt-10 scroll-mt-20 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="builder-heading" className="text-lg font-semibold">
          Build a practice session
        </h2>
        <p className="mt-1 mb-4 max-w-prose text-sm text-stone-600 dark:text-stone-400">Untimed. Unseen and missed items come first.</p>
        <SessionBuilder options={options} defaults={builderDefaults(query)} />
      </section>

      <section aria-labelledby="history-heading" className="mt-10">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {history.finished.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No finished attempts yet">Your score reports will be listed here, with a chart of how your scores move over time.</EmptyState>
          </div>
        ) : (
          <div className="mt-3 grid gap-6 lg:grid-cols-2">
            <div className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
              <TrendChart points={trend} />
            </div>
            <div className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
              <h3 className="text-base font-semibold">Score reports</h3>
              <div className="mt-2">
                <FinishedAttempts attempts={history.finished} timeZone={user.timeZone} />
              </div>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
