import Link from "next/link";

/** The nav's link to /notifications with the number of unread notices (rendered on the server or in the browser). */
export function BellLink({ unread, className = "" }: { unread: number; className?: string }) {
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className={`relative inline-flex h-11 w-11 items-center justify-center rounded-md text-stone-700 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800 ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span
          data-testid="notification-count"
          className="absolute right-1 top-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-[11px] font-bold leading-5 text-white dark:bg-red-500 dark:text-stone-950"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
