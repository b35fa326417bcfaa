import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { DraftImportForm } from "@/components/teach/draft-import-form";
import { ImportForm } from "@/components/teach/import-form";
import { requireInstructor } from "@/lib/auth/session";
import { GIFT_METADATA_EXAMPLE, ITEM_CSV_COLUMNS } from "@/lib/cohorts/formats";

export const metadata: Metadata = { title: "Import items" };

export default async function ImportItemsPage() {
  await requireInstructor("/teach/items/import");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/items" className="text-brand-700 underline dark:text-brand-300">
          My items
        </Link>
      </nav>
      <PageHeader
        title="Import items"
        description="From Moodle (GIFT) or a spreadsheet (CSV). Bring any bank of multiple-choice questions as drafts, or import finished items that already meet the bank's checks."
      />
      <section aria-labelledby="drafts-heading" className="space-y-3">
        <h2 id="drafts-heading" className="text-xl font-semibold">
          Import a question bank as drafts
        </h2>
        <DraftImportForm />
      </section>
      <section aria-labelledby="finished-heading" className="mt-10 space-y-3">
        <h2 id="finished-heading" className="text-xl font-semibold">
          Import finished items
        </h2>
        <p className="text-sm text-stone-700 dark:text-stone-300">Every row is checked like a bank item; problems are listed by line before anything is imported.</p>
        <ImportForm csvColumns={ITEM_CSV_COLUMNS} giftExample={GIFT_METADATA_EXAMPLE} />
      </section>
    </>
  );
}
