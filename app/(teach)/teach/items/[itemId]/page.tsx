import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { ItemEditor } from "@/components/teach/item-editor";
import { Alert } from "@/components/ui/alert";
import { requireInstructor } from "@/lib/auth/session";
import { CUSTOM_LESSON, getInstructorItem } from "@/lib/cohorts/instructor-items";
import { lessonTitles } from "@/lib/cohorts/question-sets";
import { getBlueprint } from "@/lib/exam/blueprints";
import { OneTimeNotice } from "@/components/ui/one-time-notice";

export const metadata: Metadata = { title: "Edit item" };

export default async function EditItemPage({ params, searchParams }: { params: Promise<{ itemId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { itemId } = await params;
  const user = await requireInstructor(`/teach/items/${itemId}`);
  const { saved } = await searchParams;
  const [item, titles] = await Promise.all([getInstructorItem(user.id, itemId), lessonTitles()]);
  if (!item) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/teach/items" className="text-brand-700 underline dark:text-brand-300">
          My items
        </Link>
      </nav>
      <PageHeader title="Edit item" description={<span className="font-mono text-sm">{itemId}</span>} />
      <OneTimeNotice params={["saved"]} />
      {saved && (
        <div className="mb-6">
          <Alert tone="success">Item created. Add it to a question set from the set builder (filter by &ldquo;My own items&rdquo;).</Alert>
        </div>
      )}
      {item.retired && (
        <div className="mb-6">
          <Alert tone="info">This item is retired: it is not served in new attempts. Restore it from My items.</Alert>
        </div>
      )}
      <ItemEditor
        itemId={itemId}
        initial={{
          stem: item.stem,
          leadIn: item.leadIn,
          options: item.options.map((o) => ({ text: o.text, rationale: o.rationale })),
          key: item.key,
          domain: String(item.domain),
          difficulty: String(item.difficulty),
          concepts: item.concepts.join(", "),
          lesson: item.lesson ?? "",
          section: item.section ?? "",
        }}
        domains={getBlueprint().domains.map((d) => ({ id: d.id, name: d.name }))}
        lessons={Object.entries(titles)
          .filter(([slug]) => slug !== CUSTOM_LESSON)
          .map(([slug, title]) => ({ slug, title }))}
      />
    </>
  );
}
