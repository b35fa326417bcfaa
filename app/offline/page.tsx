import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Offline" };
export const dynamic = "force-static";

/** What the service worker shows for a page that needs the server while there is no connection. */
export default function OfflinePage() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">You are offline</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        This page needs a connection to the server. Review and the lessons you have already opened on this device work without one; your grades are
        kept here and sent when you are back online.
      </p>
      <div className="mt-6 flex justify-center gap-4">
        <Link href="/review" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">
          Go to Review
        </Link>
        <Link href="/learn" className="rounded-lg px-4 py-2 font-semibold text-brand-700 underline dark:text-brand-300">
          Lessons
        </Link>
      </div>
    </main>
  );
}
