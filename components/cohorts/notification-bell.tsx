import { unreadNotificationCount } from "@/lib/cohorts/notifications";
import { BellLink } from "./bell-link";

/**
 * The nav's link to /notifications with the number of unread notices.
 * An async server component: place it where the signed-in user is known.
 */
export async function NotificationBell({ userId, className = "" }: { userId: string; className?: string }) {
  return <BellLink unread={await unreadNotificationCount(userId)} className={className} />;
}
