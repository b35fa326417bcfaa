import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/cohorts/action-button";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { markAllNotificationsReadAction } from "@/lib/cohorts/actions";
import { listNotifications } from "@/lib/cohorts/notifications";
import { formatInZone } from "@/lib/cohorts/time";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const notifications = await listNotifications(user.id);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread. Opening an assignment marks its notice as read.` : "You are all caught up."}
        actions={unread > 0 ? <ActionButton action={markAllNotificationsReadAction} input={{}} label="Mark all as read" pendingLabel="Marking…" /> : undefined}
      />
      {notifications.length === 0 ? (
        <EmptyState title="No notifications yet">When an instructor assigns work to a cohort you are in, you will be told here.</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "" : "border-l-4 border-l-brand-500 bg-brand-50/50 dark:bg-brand-900/30"}>
              <Link href={n.href} className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60">
                <span className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className={`text-brand-800 dark:text-brand-200 ${n.readAt ? "" : "font-semibold"}`}>
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    {n.title}
                  </span>
                  <time dateTime={n.createdAt.toISOString()} className="text-xs text-stone-500">
                    {formatInZone(n.createdAt, user.timeZone)}
                  </time>
                </span>
                <span className="mt-0.5 block text-sm text-stone-600 dark:text-stone-400">{n.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
