import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { ForecastChart } from "@/components/review/forecast-chart";
import { RetentionChart } from "@/components/review/retention-chart";
import { ReviewHeatmap } from "@/components/review/review-heatmap";
import { StatTile } from "@/components/review/stat-tile";
import { StateCounts } from "@/components/review/state-counts";
import { UnsuspendButton } from "@/components/review/unsuspend-button";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { formatDuration } from "@/lib/srs/stats";
import { reviewStats } from "@/lib/srs/stats-data";

export const metadata: Metadata = { title: "Stats" };

export default async function StatsPage() {
  const user = await requireUser("/stats");
  const stats = await reviewStats(user.id, user.timeZone);
  return (
    <>
      <PageHeader
        title="Your stats"
        description="How your reviews are going, counted in your own days."
        actions={<ButtonLink href="/review">Review now</ButtonLink>}
      />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatTile label="Current streak" value={`${stats.streak.current} ${stats.streak.current === 1 ? "day" : "days"}`} detail={`Longest: ${stats.streak.longest}`} />
        <StatTile label="Time today" value={formatDuration(stats.time.todayMs)} detail={`Last 7 days: ${formatDuration(stats.time.last7DaysMs)}`} />
        <StatTile label="Reviews this year" value={stats.totalReviews.toLocaleString()} detail={`Total time: ${formatDuration(stats.time.totalMs)}`} />
        <StatTile label="Due tomorrow" value={String(stats.forecast[1]?.count ?? 0)} detail={`Left today: ${stats.today.total}${stats.today.new ? ` (${stats.today.new} new)` : ""}`} />
      </div>
      <div className="mt-6 space-y-6">
        <Panel>
          <ReviewHeatmap days={stats.heatmap} />
        </Panel>
        <div className="grid gap-6 lg:grid-cols-2">
          <Panel>
            <ForecastChart days={stats.forecast} title="Cards due in the next 30 days" />
          </Panel>
          <Panel>
            <RetentionChart weeks={stats.retention} target={stats.desiredRetention} />
          </Panel>
        </div>
        <Panel>
          <StateCounts counts={stats.states} />
        </Panel>
        <Panel>
          <h2 className="text-lg font-semibold">Leeches</h2>
          {stats.leeches.length === 0 ? (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              No leeches. A card you forget 8 times is set aside here so you can reread its section before it comes back.
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
              {stats.leeches.map((leech) => (
                <li key={leech.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{leech.title}</p>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      Forgotten {leech.lapses} times ·{" "}
                      <Link className="text-brand-700 underline dark:text-brand-300" href={leech.href}>
                        Reread its section
                      </Link>
                    </p>
                  </div>
                  {leech.suspended && <UnsuspendButton cardId={leech.id} />}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return <section className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">{children}</section>;
}
