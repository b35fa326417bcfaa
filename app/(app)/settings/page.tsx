import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { SettingsForm } from "@/components/settings/settings-form";
import { requireUser } from "@/lib/auth/session";
import { timeZones } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
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
