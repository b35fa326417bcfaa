import { json, withUser } from "@/lib/api";
import { unreadNotificationCount } from "@/lib/cohorts/notifications";

export const dynamic = "force-dynamic";

/** How many of the learner's notifications are unread: the bell of statically rendered pages (lessons). */
export const GET = withUser(async (_request, user) => json({ unread: await unreadNotificationCount(user.id) }));
