import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JoinForm } from "@/components/cohorts/join-form";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { formatJoinCode, normaliseJoinCode } from "@/lib/cohorts/join-code";
import { cohortByJoinCode } from "@/lib/cohorts/members";
import { formatCalendarDate } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "Join a cohort" };

/**
 * A join link: /join/KM4P7QRW. Signed-out visitors go to sign-in (or sign
 * up from there) and come back here; then one press joins.
 */
export default async function JoinLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = normaliseJoinCode(decodeURIComponent(raw));
  const user = await requireUser(`/join/${code ?? encodeURIComponent(raw)}`);
  const cohort = code ? await cohortByJoinCode(code, user.id) : null;
  if (cohort?.isMember) redirect(`/cohorts/${cohort.id}`);
  if (cohort?.isInstructor) redirect(`/teach/cohorts/${cohort.id}`);

  if (!cohort) {
    return (
      <>
        <PageHeader title="Join a cohort" />
        <EmptyState title="This join link does not work" action={<ButtonLink href="/cohorts">Enter a code instead</ButtonLink>}>
          The code may have been mistyped, or your instructor may have replaced it with a new one. Ask them for the current code or link.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Join ${cohort.name}`} description={cohort.owner.name ? `A cohort run by ${cohort.owner.name}.` : undefined} />
      <section aria-labelledby="join-heading" className="max-w-xl rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="join-heading" className="sr-only">
          Join
        </h2>
        {cohort.description && <p className="mb-3 whitespace-pre-line text-stone-700 dark:text-stone-300">{cohort.description}</p>}
        <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
          Join code <span className="font-mono font-semibold">{formatJoinCode(cohort.joinCode)}</span>
          {cohort.examDate && <> · exam date {formatCalendarDate(cohort.examDate)}</>}. Once you join, the cohort&apos;s instructors see your assignment results
          and readiness band; other members do not see your results.
        </p>
        <JoinForm code={cohort.joinCode} buttonLabel={`Join ${cohort.name}`} />
        <p className="mt-4 text-sm">
          <Link href="/dashboard" className="text-brand-700 underline dark:text-brand-300">
            Not now
          </Link>
        </p>
      </section>
    </>
  );
}
