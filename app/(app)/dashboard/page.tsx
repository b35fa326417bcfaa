import type { Metadata } from "next";
import Link from "next/link";
import { DashboardAssignments } from "@/components/cohorts/dashboard-assignments";
import { PageHeader } from "@/components/layout/page-header";
import { ReadinessBadge } from "@/components/practice/readiness-band";
import { ReadinessBars } from "@/components/practice/readiness-bars";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { daysUntil, formatLongDate } from "@/lib/dates";
import { formatShare } from "@/lib/exam/format";
import { REFERENCE_ZONE } from "@/lib/exam/readiness";
import { todaysStep, type TodaysStep } from "@/lib/exam/next-step";
import { studyPlan } from "@/lib/exam/readiness-data";
import { todaysCounts } from "@/lib/srs/session";
import { OneTimeNotice } from "@/components/ui/one-time-notice";

export const metadata: Metadata = { title: "Dashboard" };

const card = "rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = await requireUser("/dashboard");
  const { welcome } = await searchParams;
  const now = new Date();
  const firstName = user.name?.split(" ")[0] ?? "there";
  const days = user.examDate ? daysUntil(user.examDate, now, user.timeZone) : null;
  const [due, plan] = await Promise.all([todaysCounts(user.id, user.timeZone, now), studyPlan(user.id, user.examDate, user.timeZone, now)]);
  const { readiness, pace } = plan;
  const step = todaysStep({ started: plan.started || due.total > 0, due: due.total, firstLesson: plan.firstLesson, nextStep: plan.nextStep });

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description="Here is your study plan for today."
        actions={
          <Link href="/cohorts" className="text-sm font-semibold text-brand-700 underline dark:text-brand-300">
            Cohorts · join with a code
          </Link>
        }
      />
      <OneTimeNotice params={["welcome"]} />
      {welcome && (
        <div className="mb-6">
          <Alert tone="success">Your account is ready. Your next step is below; come back each day for a few minutes of review.</Alert>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="exam-date" className={`${card} md:col-span-3`}>
          <h2 id="exam-date" className="text-sm font-semibold uppercase tracking-wider text-stone-500">
            Exam date
          </h2>
          {user.examDate && days !== null ? (
            <>
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
              {pace.status === "pace" && (
                <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="daily-pace">
                  To meet all {pace.unseen} questions you have not seen yet, answer about <strong>{pace.perDay}</strong> new{" "}
                  {pace.perDay === 1 ? "question" : "questions"} a day.
                </p>
              )}
              {pace.status === "all-seen" && (
                <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="daily-pace">
                  You have seen every question in the bank. Keep up your daily review and take a mock exam to check your pace.
                </p>
              )}
            </>
          ) : (
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              Add your exam date in <a className="font-semibold text-brand-700 underline dark:text-brand-300" href="/settings">settings</a> to see
              a countdown and the daily pace you need.
            </p>
          )}
        </section>

        <section aria-labelledby="readiness-heading" className={`${card} md:col-span-2`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="readiness-heading" className="text-lg font-semibold">
              Readiness
            </h2>
            <ReadinessBadge band={readiness.band} />
          </div>
          {readiness.band === "not-enough-data" ? (
            <>
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{readiness.explanation}</p>
              <ul className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" aria-label="Recent answers by domain">
                {readiness.domains
                  .filter((d) => d.weight > 0)
                  .map((d) => {
                    const n = Math.round(d.evidence);
                    return (
                      <li key={d.domain} className="rounded-lg bg-stone-100 px-3 py-2 dark:bg-stone-800">
                        <span className="block text-xs text-stone-600 dark:text-stone-400">Domain {d.domain}</span>
                        <span className="font-semibold tabular-nums">
                          {n} {n === 1 ? "answer" : "answers"}
                        </span>
                      </li>
                    );
                  })}
              </ul>
            </>
          ) : (
            <div className="mt-3">
              <ReadinessBars zone={REFERENCE_ZONE} rows={[{ key: "overall", title: "Estimated share correct, all domains", ...readiness.overall }]} />
              <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
                Hatched: {formatShare(REFERENCE_ZONE.low)}–{formatShare(REFERENCE_ZONE.high)}, where passing scores usually fall. The real cut is set per exam
                form, not fixed.
              </p>
            </div>
          )}
          <Link href="/readiness" className="mt-3 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline dark:text-brand-300">
            See readiness by domain
          </Link>
        </section>

        <section aria-labelledby="next-heading" className={`${card} flex flex-col`}>
          <h2 id="next-heading" className="text-lg font-semibold">
            Next step
          </h2>
          <NextStepBody step={step} />
        </section>

        <div className="empty:hidden md:col-span-3">
          <DashboardAssignments userId={user.id} />
        </div>

        <DashboardCard title="Learn" href="/learn" cta="Open lessons">
          Concept lessons with vignette questions that explain every option.
        </DashboardCard>
        <DashboardCard title="Review" href="/review" cta={due.total > 0 ? `Review ${due.total} ${due.total === 1 ? "card" : "cards"}` : "Open review"}>
          {due.total > 0 ? (
            <span data-testid="dashboard-due">
              {due.total} left today: {due.review} to review, {due.learning} learning, {due.new} new.
            </span>
          ) : (
            "Nothing is left for today. Cards arrive as you read lessons and answer questions, or start with the basics in Review."
          )}
        </DashboardCard>
        <DashboardCard title="Practice" href="/practice" cta="Practice">
          Timed mock exams with the real length, clock and domain mix, and practice sessions with a score report by exam domain.
        </DashboardCard>
      </div>
    </>
  );
}

/** One thing to do now, never three: see `todaysStep`. */
function NextStepBody({ step }: { step: TodaysStep | null }) {
  if (!step) return <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Open a lesson to begin.</p>;
  const text = "mt-1 flex-1 text-sm text-stone-600 dark:text-stone-400";
  const strong = "text-stone-900 dark:text-stone-100";
  if (step.kind === "start")
    return (
      <>
        <p className={text} data-testid="next-step">
          Start the course with its first lesson, <strong className={strong}>{step.lesson.title}</strong>, then try its ten questions.
        </p>
        <div className="mt-4">
          <ButtonLink href={`/learn/${step.lesson.slug}`}>Open the first lesson</ButtonLink>
        </div>
      </>
    );
  if (step.kind === "review")
    return (
      <>
        <p className={text} data-testid="next-step">
          Review first: <strong className={strong}>{step.cards}</strong> {step.cards === 1 ? "card is" : "cards are"} waiting. A few minutes now keeps what you have
          learned; the weakest domain comes after.
        </p>
        <div className="mt-4">
          <ButtonLink href="/review">Start review</ButtonLink>
        </div>
      </>
    );
  const next = step.step;
  return (
    <>
      <p className={text} data-testid="next-step">
        {next.unexplored ? "Start on " : "Strengthen "}
        <strong className={strong}>Domain {next.domain}</strong> ({next.name}), {formatShare(next.weight, true)} of the exam
        {next.lesson ? (
          <>
            : {next.lesson.read ? "reread" : "read"} <em>{next.lesson.title}</em>, then practise the domain.
          </>
        ) : (
          ": practise the domain."
        )}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {next.lesson && (
          <ButtonLink href={`/learn/${next.lesson.slug}`} variant="secondary">
            Open lesson
          </ButtonLink>
        )}
        <ButtonLink href={next.practiceHref} variant="secondary">
          Practise Domain {next.domain}
        </ButtonLink>
      </div>
    </>
  );
}

function DashboardCard({ title, href, cta, children }: { title: string; href: string; cta: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`card-${title}`} className={`${card} flex flex-col`}>
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
