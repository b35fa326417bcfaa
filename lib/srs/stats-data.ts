import "server-only";
import { db } from "@/lib/db";
import { todaysCounts } from "./session";
import { getSrsSettings } from "./settings-store";
import { dailyReviewCounts, forecast, retentionByWeek, stateCounts, streak, timeSpent } from "./stats";

/** Everything the stats page shows, for one learner, in their own days. */
export async function reviewStats(userId: string, timeZone: string, now = new Date()) {
  const settings = await getSrsSettings(userId);
  const since = new Date(now.getTime() - 366 * 86_400_000);
  const [logs, cards, leeches, today] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, undoneAt: null, reviewedAt: { gte: since } },
      select: { reviewedAt: true, rating: true, state: true, durationMs: true },
    }),
    db.reviewCard.findMany({ where: { userId }, select: { due: true, state: true, suspended: true, leech: true } }),
    db.reviewCard.findMany({
      where: { userId, leech: true },
      select: {
        id: true,
        lapses: true,
        suspended: true,
        flashcard: { select: { front: true, lessonSlug: true, section: true } },
        item: { select: { leadIn: true, stem: true, lessonSlug: true, section: true } },
      },
      orderBy: { updatedAt: "desc" },
    }),
    todaysCounts(userId, timeZone, now),
  ]);
  // Today's bar is what Review has now (the same count as the dashboard's), not every card whose date has passed.
  const ahead = forecast(cards, now, timeZone, settings.rolloverHour);
  if (ahead[0]) ahead[0] = { ...ahead[0], count: today.learning + today.review };
  const days = dailyReviewCounts(logs, now, timeZone, settings.rolloverHour);
  return {
    desiredRetention: settings.desiredRetention,
    heatmap: days,
    forecast: ahead,
    today,
    retention: retentionByWeek(logs, now, timeZone, 12, settings.rolloverHour),
    states: stateCounts(cards),
    streak: streak(days),
    time: timeSpent(logs, now, timeZone, settings.rolloverHour),
    totalReviews: logs.length,
    leeches: leeches.map((c) => {
      const content = c.flashcard ?? c.item;
      return {
        id: c.id,
        lapses: c.lapses,
        suspended: c.suspended,
        title: c.flashcard?.front ?? c.item?.leadIn ?? "Card",
        href: content ? `/learn/${content.lessonSlug}#${content.section}` : "/learn",
      };
    }),
  };
}
