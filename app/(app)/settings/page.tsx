import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { AnkiPanel } from "@/components/settings/anki-panel";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { OptimizePanel } from "@/components/settings/optimize-panel";
import { ReviewSettingsForm } from "@/components/settings/review-settings-form";
import { SignOutEverywhereForm } from "@/components/settings/sign-out-everywhere-form";
import { SettingsForm } from "@/components/settings/settings-form";
import { buttonClass } from "@/components/ui/button";
import type { DataExportPart } from "@/lib/account/data-export";
import { ankiDeckCounts } from "@/lib/anki/export";
import { importedHistorySummary, MAX_HISTORY_FILE_BYTES } from "@/lib/anki/history-import";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countTrainingReviews, latestOptimization, MIN_REVIEWS_FOR_OPTIMIZATION } from "@/lib/srs/optimizer";
import { getSrsSettings } from "@/lib/srs/settings-store";
import { timeZones } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Settings" };

const EXPORT_CSV_LINKS: [DataExportPart, string][] = [
  ["account", "Account"],
  ["answers", "Answers"],
  ["review-log", "Review log"],
  ["review-cards", "Review cards"],
  ["settings", "Settings"],
  ["attempts", "Attempts"],
];

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [srs, reviewCount, latest, credentials, deck, imported] = await Promise.all([
    getSrsSettings(user.id),
    countTrainingReviews(db, user.id),
    latestOptimization(db, user.id),
    db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } }),
    ankiDeckCounts(user.id),
    importedHistorySummary(db, user.id),
  ]);
  const hasPassword = !!credentials?.passwordHash;
  const { parameters: _parameters, parametersFitAt, ...srsValues } = srs;
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${user.email}.`} />
      <div className="space-y-8">
        <section aria-labelledby="profile" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="profile" className="text-lg font-semibold">
            Profile and schedule
          </h2>
          <SettingsForm
            zones={timeZones()}
            initial={{ name: user.name ?? "", timeZone: user.timeZone, examDate: user.examDate ? user.examDate.toISOString().slice(0, 10) : "" }}
          />
        </section>
        <section id="review" aria-labelledby="review-heading" className="scroll-mt-20 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="review-heading" className="text-lg font-semibold">
            Review schedule
          </h2>
          <ReviewSettingsForm initial={srsValues} />
          <h3 className="mt-8 font-semibold">Optimize my schedule</h3>
          <OptimizePanel
            reviewCount={reviewCount}
            threshold={MIN_REVIEWS_FOR_OPTIMIZATION}
            fittedAt={parametersFitAt?.toISOString() ?? null}
            latest={
              latest
                ? {
                    id: latest.id,
                    status: latest.status,
                    progress: latest.progress,
                    reviews: latest.reviews,
                    result: latest.result,
                    error: latest.error,
                  }
                : null
            }
          />
        </section>
        <section id="anki" aria-labelledby="anki-heading" className="scroll-mt-20 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="anki-heading" className="text-lg font-semibold">
            Anki
          </h2>
          <AnkiPanel flashcards={deck.flashcards} missedItems={deck.missedItems} importedReviews={imported.reviews} maxFileBytes={MAX_HISTORY_FILE_BYTES} />
        </section>
        <section aria-labelledby="sign-in-details" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="sign-in-details" className="text-lg font-semibold">
            Password and email
          </h2>
          {hasPassword ? (
            <>
              <h3 className="mt-4 font-semibold">Change password</h3>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Every other device signed in to your account is signed out.</p>
              <ChangePasswordForm />
              <h3 className="mt-8 font-semibold">Change email</h3>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                We send a link to the new address; your email changes when you open it. Until then, keep signing in with {user.email}.
              </p>
              <ChangeEmailForm />
            </>
          ) : (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              You sign in through GitHub or Google, so there is no password here. To set one, use “Forgot your password?” on the sign-in page with {user.email}.
            </p>
          )}
        </section>
        <section aria-labelledby="sessions" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="sessions" className="text-lg font-semibold">
            Sessions
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Signs you out on every phone and computer where you are signed in, this one included.
          </p>
          <SignOutEverywhereForm />
        </section>
        <section aria-labelledby="my-data" className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="my-data" className="text-lg font-semibold">
            Your data
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Download everything Systemic keeps about you: your account, every answer, your review history and cards, your settings and your attempts.
          </p>
          <ul className="mt-3 flex flex-wrap gap-2 text-sm">
            <li>
              <a href="/settings/export?format=json" className={buttonClass("secondary")} download>
                All my data (JSON)
              </a>
            </li>
            {EXPORT_CSV_LINKS.map(([part, label]) => (
              <li key={part}>
                <a href={`/settings/export?format=csv&part=${part}`} className={buttonClass("secondary")} download>
                  {label} (CSV)
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="danger" className="rounded-2xl border border-red-200 bg-white p-5 dark:border-red-900 dark:bg-stone-900">
          <h2 id="danger" className="text-lg font-semibold text-red-800 dark:text-red-300">
            Delete account
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            This permanently deletes your account and everything in it: answers, review history, progress and cohort memberships. It cannot be undone.
          </p>
          <DeleteAccountForm email={user.email} />
        </section>
      </div>
    </>
  );
}
