"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/teach", label: "Cohorts", match: (p: string) => p === "/teach" || p.startsWith("/teach/cohorts") },
  { href: "/teach/sets", label: "Question sets", match: (p: string) => p.startsWith("/teach/sets") },
  { href: "/teach/items", label: "My items", match: (p: string) => p.startsWith("/teach/items") },
];

/** The Teach area's own sections, under the main navigation. */
export function TeachNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Teach" className="-mx-4 mb-6 overflow-x-auto border-b border-stone-200 px-4 dark:border-stone-800">
      <ul className="flex gap-1">
        {SECTIONS.map((s) => {
          const current = s.match(pathname);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className="inline-flex min-h-11 items-center whitespace-nowrap border-b-2 border-transparent px-3 text-sm font-semibold text-stone-600 hover:text-stone-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-800 dark:text-stone-400 dark:hover:text-stone-100 dark:aria-[current=page]:border-brand-400 dark:aria-[current=page]:text-brand-200"
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Tabs of one cohort: overview, members, settings. */
export function CohortTabs({ cohortId }: { cohortId: string }) {
  const pathname = usePathname();
  const base = `/teach/cohorts/${cohortId}`;
  const tabs = [
    { href: base, label: "Overview", current: pathname === base || pathname.startsWith(`${base}/assignments`) },
    { href: `${base}/members`, label: "Members", current: pathname.startsWith(`${base}/members`) },
    { href: `${base}/settings`, label: "Settings", current: pathname.startsWith(`${base}/settings`) },
  ];
  return (
    <nav aria-label="Cohort" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.current ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-4 text-sm font-semibold text-stone-700 hover:bg-stone-100 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:border-brand-400 dark:aria-[current=page]:bg-brand-500 dark:aria-[current=page]:text-stone-950"
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
