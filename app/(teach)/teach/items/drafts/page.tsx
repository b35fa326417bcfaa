import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { DraftList } from "@/components/teach/draft-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { listDrafts } from "@/lib/cohorts/drafts";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage() {
  const user = await requireInstructor("/teach/items/drafts");
  const drafts = await listDrafts(user.id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/items" className="text-brand-700 underline dark:text-brand-300">
          My items
        </Link>
      </nav>
      <PageHeader
        title="Drafts"
        description="Imported questions that do not yet meet the bank's checks. Set domain, concepts and difficulty for many at once, complete each draft, then publish it to put it in sets and assign it."
        actions={
          <ButtonLink href="/teach/items/import" variant="secondary">
            Import more
          </ButtonLink>
        }
      />
      {drafts.length === 0 ? (
        <EmptyState title="No drafts">Import a GIFT or CSV question bank: every multiple-choice question comes in as a draft.</EmptyState>
      ) : (
        <DraftList
          drafts={drafts.map((d) => ({ id: d.id, category: d.category, line: d.line, leadIn: d.draft.leadIn || d.draft.stem, warnings: d.warnings, blockers: d.blockers }))}
        />
      )}
    </>
  );
}
