import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { DomainScoreTable } from "@/components/practice/domain-score-table";
import { ItemReview } from "@/components/practice/item-review";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { attemptReport, type ReportItem } from "@/lib/exam/attempts";
import { flaggedAmong } from "@/lib/exam/flags";
import { formatItemTime, formatMoment, formatPercent, formatSpan } from "@/lib/exam/format";
import { PACE_SECONDS } from "@/lib/exam/timing";

export const metadata: Metadata = { title: "Score report" };

const FILTERS = {
  all: { label: "All", keep: () => true },
  incorrect: { label: "Incorrect", keep: (i: ReportItem) => i.chosen !== null && !i.correct },
  unanswered: { label: "Unanswered", keep: (i: ReportItem) => i.chosen === null },
  marked: { label: "Marked", keep: (i: ReportItem) => i.marked },
  long: { label: "Ran long", keep: (i: ReportItem) => i.long },
} as const;
type Filter = keyof typeof FILTERS;

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ show?: string }> }) {
  const [{ id }, { show }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/practice/attempts/${encodeURIComponent(id)}/report`);
  const result = await attemptReport(user.id, id);
  if (!result.ok) {
    if (result.reason === "in-progress") redirect(`/practice/attempts/${id}`);
    notFound();
  }
  const { report } = result;
  const filter: Filter = show && show in FILTERS ? (show as Filter) : "all";
  const shown = report.items.filter(FILTERS[filter].keep);
  const flagged = await flaggedAmong(user.id, report.items.map((i) => i.itemId));
  const { score } = report;
  const mock = report.kind === "mock-full" || report.kind === "mock-short";
  const longItems = report.items.filter((i) => i.long);

  // The mean is the time used spread over the items, so the two figures always agree; per-item times (for the items
  // that ran long) count only the time an item was on screen before its answer, which is less.
  const meanMs = score.total > 0 ? Math.round(report.elapsedMs / score.total) : 0;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-stone-600 dark:text-stone-400">
        <Link href="/practice" className="underline-offset-2 hover:underline">
          Practice
        </Link>{" "}
        / <span>Score report</span>
      </nav>
      <PageHeader
        title={report.label}
        description={`Submitted ${formatMoment(report.submittedAt, user.timeZone)}${report.timedOut ? " when time ran out" : ""}.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/readiness" variant="secondary">
              Readiness
            </ButtonLink>
            <ButtonLink href="/practice">Practice again</ButtonLink>
          </div>
        }
      />

      <section aria-labelledby="overall-heading" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="overall-heading" className="text-lg font-semibold">
          Overall
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label="Score" value={formatPercent(score.percent)} detail={`${score.correct} of ${score.total} correct`} testId="overall-score" />
          <Figure label="Answered" value={`${report.answered} / ${score.total}`} detail={report.answered < score.total ? "Unanswered items count as wrong" : "Every item answered"} />
          <Figure
            label="Time used"
            value={formatSpan(report.elapsedMs)}
            detail={report.timeLimitSec ? `of ${formatSpan(report.timeLimitSec * 1000)} allowed` : "Untimed"}
          />
          <Figure
            label="Mean per item"
            value={formatItemTime(meanMs)}
            detail={`Time used ÷ ${score.total} items · exam pace ${PACE_SECONDS} s`}
            tone={meanMs > score.timing.paceMs ? "warn" : "ok"}
          />
        </dl>
        <p className="mt-4 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          This is your share of correct answers on these {score.total} items{mock ? ", drawn to the exam's domain mix" : ""}. It is not a pass or fail: the real
          passing score is set for each exam form by equating and is not a fixed percentage. Your{" "}
          <Link href="/readiness" className="font-medium text-brand-700 underline dark:text-brand-300">
            readiness estimate
          </Link>{" "}
          combines all your answers, with how sure it can be.
        </p>
      </section>

      <section aria-labelledby="domains-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="domains-heading" className="text-lg font-semibold">
          By domain
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Exam weight is each domain&apos;s share of the real exam&apos;s items, from the {report.blueprint.name}.
        </p>
        <div className="mt-3">
          <DomainScoreTable domains={score.byDomain.filter((d) => d.total > 0 || d.weight > 0)} />
        </div>
      </section>

      <section aria-labelledby="timing-heading" className="mt-6 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="timing-heading" className="text-lg font-semibold">
          Pacing
        </h2>
        <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
          The exam gives {PACE_SECONDS} seconds per item. You averaged {formatItemTime(score.timing.meanMs)}
          {score.timing.meanMs > score.timing.paceMs ? ", slower than that pace" : ", within that pace"}.{" "}
          {longItems.length === 0
            ? "No item took more than one and a half times the pace."
            : `${longItems.length} ${longItems.length === 1 ? "item" : "items"} took more than ${formatItemTime(score.timing.paceMs * 1.5)}, time that would be missed elsewhere on exam day:`}
        </p>
        {longItems.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2 text-sm">
            {longItems.map((i) => (
              <li key={i.itemId}>
                <a
                  href={`?show=long#q-${i.position + 1}`}
                  className="inline-flex min-h-11 items-center rounded-lg border border-amber-400 bg-amber-50 px-3 tabular-nums text-amber-950 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100"
                >
                  Question {i.position + 1} · {formatItemTime(i.timeMs)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="review-heading" className="mt-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="review-heading" className="text-lg font-semibold">
            Item review
          </h2>
          <nav aria-label="Filter items" className="flex flex-wrap gap-1 text-sm">
            {(Object.keys(FILTERS) as Filter[]).map((key) => {
              const count = report.items.filter(FILTERS[key].keep).length;
              if (count === 0 && key !== "all" && key !== filter) return null;
              return (
                <Link
                  key={key}
                  href={key === "all" ? "?" : `?show=${key}`}
                  scroll={false}
                  aria-current={filter === key ? "page" : undefined}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-stone-700 hover:bg-stone-200/70 aria-[current=page]:bg-brand-100 aria-[current=page]:text-brand-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-brand-900 dark:aria-[current=page]:text-brand-100"
                >
                  {FILTERS[key].label} ({count})
                </Link>
              );
            })}
          </nav>
        </div>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Open an item to see your answer, the best answer and why each option is right or wrong. Every item you answered is now a review card, so the ones you missed come back in your daily review.
        </p>
        <div className="mt-3">
          {shown.length === 0 ? (
            <EmptyState title="Nothing to show here">No items match this filter.</EmptyState>
          ) : (
            <ItemReview items={shown} flagged={flagged} />
          )}
        </div>
      </section>
    </>
  );
}

function Figure({ label, value, detail, tone, testId }: { label: string; value: string; detail: string; tone?: "ok" | "warn"; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wider text-stone-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-bold tabular-nums ${tone === "warn" ? "text-amber-800 dark:text-amber-300" : ""}`} data-testid={testId}>
        {value}
      </dd>
      <dd className="text-xs text-stone-600 dark:text-stone-400">{detail}</dd>
    </div>
  );
}
