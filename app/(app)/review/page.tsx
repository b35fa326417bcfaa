import type { Metadata } from "next";
import Link from "next/link";
import { InstallHint } from "@/components/pwa/install-hint";
import { ReviewScreen } from "@/components/review/review-screen";
import { requireUser } from "@/lib/auth/session";
import { getReviewSession } from "@/lib/srs/session";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const session = await getReviewSession(user.id, user.timeZone);
  return (
    <>
      <div className="mx-auto mb-4 flex max-w-2xl items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Review</h1>
        <nav aria-label="Review" className="flex gap-3 text-sm">
          <Link href="/stats" className="text-brand-700 underline dark:text-brand-300">
            Stats
          </Link>
          <Link href="/settings#review" className="text-brand-700 underline dark:text-brand-300">
            Review settings
          </Link>
        </nav>
      </div>
      <ReviewScreen initial={session} userId={user.id} />
      <InstallHint />
    </>
  );
}
