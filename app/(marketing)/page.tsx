import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: { absolute: "Systemic — study for the MFT national exam" } };

const FEATURES = [
  {
    title: "Lessons that teach the systemic idea",
    body: "Concept lessons on structural family therapy and the therapeutic alliance — coalitions, joining, unbalancing, multipartiality, split alliances, cultural humility — with family maps you can read at a glance.",
  },
  {
    title: "Vignette questions with a reason for every option",
    body: "Original exam-style items. After each answer you see why the best choice is best and what misconception each distractor stands for.",
  },
  {
    title: "Five minutes a day of real spaced repetition",
    body: "FSRS scheduling over flashcards and the questions you missed, tuned to your own memory, built for a phone and a patchy connection.",
  },
  {
    title: "Timed practice exams by domain",
    body: "Rehearse the 180-item, four-hour exam or a short version, with a score report for each of the six AMFTRB domains and an honest readiness band.",
  },
  {
    title: "Cohorts for study groups and instructors",
    body: "Join with a code, get assignments with due dates, and let your instructor see which items the group finds hard.",
  },
  {
    title: "Open source and original",
    body: "Every lesson and item is written for Systemic. No recalled exam questions, no paywall.",
  },
];

export default async function LandingPage() {
  // A signed-in learner is shown their way back in rather than "Sign in / Create account".
  const user = await getCurrentUser();
  return (
    <>
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-4">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          {user ? (
            <>
              <span className="hidden text-sm text-stone-600 sm:inline dark:text-stone-400">Signed in as {user.name || user.email}</span>
              <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
            </>
          ) : (
            <>
              <Link href="/signin" className="rounded-md px-3 py-2 text-sm font-medium hover:bg-stone-200/70 dark:hover:bg-stone-800">
                Sign in
              </Link>
              <ButtonLink href="/signup">Create account</ButtonLink>
            </>
          )}
        </nav>
      </header>
      <main id="main">
        <section className="mx-auto max-w-5xl px-4 pb-12 pt-10 sm:pt-16">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">For MFT licensure candidates</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Prepare for the AMFTRB national exam by thinking in systems.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-stone-700 dark:text-stone-300">
            Systemic is a free, open-source study app for people preparing for the Marriage and Family Therapy national examination:
            lessons, vignette questions with full rationales, daily spaced repetition and timed practice exams — and cohorts for the
            groups and instructors who study together.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {user ? <ButtonLink href="/dashboard">Continue studying</ButtonLink> : <ButtonLink href="/signup">Start studying — it’s free</ButtonLink>}
            <ButtonLink href="/learn" variant="secondary">
              Browse the lessons
            </ButtonLink>
          </div>
          <img
            src="/images/dashboard.png"
            width={1360}
            height={760}
            alt="The Systemic dashboard on a laptop and a lesson’s structural family map on a phone"
            className="mt-10 h-auto w-full rounded-xl border border-stone-200 shadow-sm dark:border-stone-800"
          />
        </section>
        <section aria-labelledby="features" className="border-t border-stone-200 bg-white py-12 dark:border-stone-800 dark:bg-stone-900/50">
          <div className="mx-auto max-w-5xl px-4">
            <h2 id="features" className="text-2xl font-bold tracking-tight">
              What you get
            </h2>
            <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {FEATURES.map((f) => (
                <li key={f.title} className="rounded-xl border border-stone-200 bg-stone-50 p-5 dark:border-stone-800 dark:bg-stone-950">
                  <h3 className="font-semibold">{f.title}</h3>
                  <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{f.body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-stone-600 dark:text-stone-400">
        Systemic is independent and not affiliated with or endorsed by the AMFTRB. The passing score of the real exam is set by
        equating and is not fixed; no practice score guarantees a result.
      </footer>
    </>
  );
}
