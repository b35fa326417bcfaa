import Link from "next/link";
import type { ReactNode } from "react";
import { formatCalendarDate } from "@/lib/cohorts/time";
import { CohortTabs } from "./teach-nav";

/** Breadcrumb, title and tabs shared by a cohort's pages. */
export function CohortHeader({
  cohort,
  title,
  description,
  actions,
  trail = [],
}: {
  cohort: { id: string; name: string; examDate: Date | null; timeZone: string; isOwner: boolean };
  title?: string;
  description?: ReactNode;
  actions?: ReactNode;
  trail?: { href: string; label: string }[];
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/teach" className="text-brand-700 underline dark:text-brand-300">
              Cohorts
            </Link>
          </li>
          {[{ href: `/teach/cohorts/${cohort.id}`, label: cohort.name }, ...trail].map((t) => (
            <li key={t.href} className="flex items-center gap-1">
              <span aria-hidden="true">/</span>
              <Link href={t.href} className="text-brand-700 underline dark:text-brand-300">
                {t.label}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title ?? cohort.name}</h1>
          <p className="mt-1 max-w-prose text-stone-600 dark:text-stone-400">
            {description ?? (
              <>
                {cohort.isOwner ? "You own this cohort" : "You co-teach this cohort"} · dates in {cohort.timeZone.replaceAll("_", " ")}
                {cohort.examDate ? ` · exam ${formatCalendarDate(cohort.examDate)}` : ""}
              </>
            )}
          </p>
        </div>
        {actions}
      </div>
      {!title && <CohortTabs cohortId={cohort.id} />}
    </>
  );
}
