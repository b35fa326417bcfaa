import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 rounded-md text-lg font-bold tracking-tight">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
        <circle cx="16" cy="7" r="4.5" className="fill-brand-600 dark:fill-brand-400" />
        <circle cx="7" cy="24" r="4.5" className="fill-brand-500 dark:fill-brand-300" />
        <circle cx="25" cy="24" r="4.5" className="fill-brand-400 dark:fill-brand-200" />
        <path d="M16 11.5 8.5 20M16 11.5l7.5 8.5M11.5 24h9" className="stroke-stone-500" strokeWidth="1.6" fill="none" />
      </svg>
      <span>Systemic</span>
    </Link>
  );
}
