import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { DraftEditor } from "@/components/teach/draft-editor";
import { requireInstructor } from "@/lib/auth/session";
import { getDraft } from "@/lib/cohorts/drafts";

export const metadata: Metadata = { title: "Edit draft" };

export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const user = await requireInstructor(`/teach/items/drafts/${encodeURIComponent(draftId)}`);
  const found = await getDraft(user.id, draftId);
  if (!found) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/items/drafts" className="text-brand-700 underline dark:text-brand-300">
          Drafts
        </Link>
      </nav>
      <PageHeader title="Edit draft" description={`Imported from line ${found.line} of a ${found.source.toUpperCase()} file${found.category ? `, category “${found.category}”` : ""}.`} />
      <DraftEditor draftId={found.id} initial={found.draft} warnings={found.warnings} blockers={found.blockers} />
    </>
  );
}
