import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/cohorts/action-button";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { retireInstructorItemAction } from "@/lib/cohorts/actions";
import { listInstructorItems } from "@/lib/cohorts/instructor-items";

export const metadata: Metadata = { title: "My items" };

export default async function MyItemsPage() {
  const user = await requireInstructor("/teach/items");
  const items = await listInstructorItems(user.id);
  const actions = (
    <div className="flex flex-wrap gap-2">
      <ButtonLink href="/teach/items/import" variant="secondary">
        Import CSV or GIFT
      </ButtonLink>
      <ButtonLink href="/teach/items/drafts" variant="secondary">
        Drafts
      </ButtonLink>
      <ButtonLink href="/teach/items/new">Write an item</ButtonLink>
    </div>
  );
  return (
    <>
      <PageHeader
        title="My items"
        description="Items you write or import. They pass the same checks as the bank and are seen only by members of cohorts you assign them to."
        actions={actions}
      />
      {items.length === 0 ? (
        <EmptyState title="No items of your own yet">Write a vignette item in the bank&apos;s format, or import a CSV or GIFT file (for example, from Moodle).</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900" data-testid="my-items">
          {items.map((item) => (
            <li key={item.id} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${item.retiredAt ? "opacity-70" : ""}`}>
              <Link href={`/teach/items/${item.id}`} className="min-w-0 flex-1">
                <span className="block text-xs text-stone-600 dark:text-stone-400">
                  <span className="font-mono">{item.id}</span> · Domain {item.domain}
                  {item.retiredAt ? " · retired" : ""}
                </span>
                <span className="block font-medium text-brand-800 underline-offset-2 hover:underline dark:text-brand-200">{item.leadIn}</span>
                <span className="line-clamp-2 text-sm text-stone-600 dark:text-stone-400">{item.stem}</span>
              </Link>
              <ActionButton
                action={retireInstructorItemAction}
                input={{ itemId: item.id, retired: item.retiredAt ? "" : "true" }}
                label={item.retiredAt ? "Restore" : "Retire"}
                pendingLabel="Saving…"
                variant="ghost"
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
