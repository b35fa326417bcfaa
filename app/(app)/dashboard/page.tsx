import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { daysUntil, formatLongDate } from "@/lib/dates";
import { dueTodayCount } from "@/lib/srs/stats-data";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = await requireUser("/dashboard");
  const { welcome } = await searchParams;
  const firstName = user.name?.split(" ")[0] ?? "there";
  const days = user.examDate ? daysUntil(user.examDate, new Date(), user.timeZone) : null;
  const due = await dueTodayCount(user.id, user.timeZone);

  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description="Here is your study plan for today." />
      {welcome && (
        <div className="mb-6">
          <Alert tone="success">Your account is ready. Start with a lesson, then come back each day for a few minutes of review.</Alert>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="exam-date" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900 md:col-span-3">
          <h2 id="exam-date" className="text-sm font-semibold uppercase tracking-wider text-stone-500">
            Exam date
          </h2>
          {user.examDate && days !== null ? (
            <p className="mt-2 text-lg">
              {days > 0 ? (
                <>
                  <strong className="text-3xl font-bold">{days}</strong> {days === 1 ? "day" : "days"} until your exam on {formatLongDate(user.examDate)}.
                </>
              ) : days === 0 ? (
                <>Your exam is today. Good luck — trust your preparation.</>
              ) : (
                <>Your exam date ({formatLongDate(user.examDate)}) has passed. Set a new one in settings if you are sitting it again.</>
              )}
            </p>
          ) : (
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              Add your exam date in <a className="font-semibold text-brand-700 underline dark:text-brand-300" href="/settings">settings</a> to see
              a countdown and the daily pace you need.
            </p>
          )}
        </section>
        <DashboardCard title="Learn" href="/learn" cta="Open lessons">
          Concept lessons with vignette questions that explain every option.
        </DashboardCard>
        <DashboardCard title="Review" href="/review" cta={due > 0 ? `Review ${due} cards` : "Open review"}>
          {due > 0
            ? `${due} ${due === 1 ? "card is" : "cards are"} due today, plus any new flashcards from lessons you have read.`
            : "Nothing is due yet. Cards appear here once you read lessons and answer questions."}
        </DashboardCard>
        <DashboardCard title="Practice" href="/practice" cta="Practice">
          Timed practice exams with a score report by exam domain.
        </DashboardCard>
      </div>
    </>
  );
}

function DashboardCard({ title, href, cta, children }: { title: string; href: string; cta: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`card-${title}`} className="flex flex-col rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <h2 id={`card-${title}`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 flex-1 text-sm text-stone-600 dark:text-stone-400">{children}</p>
      <ButtonLink href={href} variant="secondary" className="mt-4 self-start">
        {cta}
      </ButtonLink>
    </section>
  );
}
