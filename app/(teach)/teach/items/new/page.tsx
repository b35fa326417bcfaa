import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { EMPTY_ITEM, ItemEditor } from "@/components/teach/item-editor";
import { requireInstructor } from "@/lib/auth/session";
import { lessonTitles } from "@/lib/cohorts/question-sets";
import { getBlueprint } from "@/lib/exam/blueprints";
import { CUSTOM_LESSON } from "@/lib/cohorts/instructor-items";

export const metadata: Metadata = { title: "Write an item" };

export default async function NewItemPage() {
  await requireInstructor("/teach/items/new");
  const titles = await lessonTitles();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/items" className="text-brand-700 underline dark:text-brand-300">
          My items
        </Link>
      </nav>
      <PageHeader title="Write an item" description="A four-option vignette item with a rationale for every option, as in the bank." />
      <ItemEditor
        initial={EMPTY_ITEM}
        domains={getBlueprint().domains.map((d) => ({ id: d.id, name: d.name }))}
        lessons={Object.entries(titles)
          .filter(([slug]) => slug !== CUSTOM_LESSON)
          .map(([slug, title]) => ({ slug, title }))}
      />
    </>
  );
}
