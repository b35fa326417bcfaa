import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
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
        description="From a spreadsheet (CSV) or Moodle (GIFT). Every row is checked like a bank item; problems are listed by line before anything is imported."
      />
      <ImportForm csvColumns={ITEM_CSV_COLUMNS} giftExample={GIFT_METADATA_EXAMPLE} />
    </>
  );
}
