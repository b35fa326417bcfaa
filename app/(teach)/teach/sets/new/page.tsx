import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { SetBuilder } from "@/components/teach/set-builder";
import { requireInstructor } from "@/lib/auth/session";
import { getBlueprint } from "@/lib/exam/blueprints";
import { builderItems, lessonTitles } from "@/lib/cohorts/question-sets";

export const metadata: Metadata = { title: "New question set" };

export default async function NewSetPage() {
  const user = await requireInstructor("/teach/sets/new");
  const [items, titles] = await Promise.all([builderItems(user.id), lessonTitles()]);
  const blueprint = getBlueprint();
  return (
    <>
      <PageHeader title="New question set" description={`${items.length} live items to choose from: the Systemic bank and your own.`} />
      <SetBuilder
        items={items}
        domains={blueprint.domains.map((d) => ({ id: d.id, name: d.name, share: d.share }))}
        lessonTitles={titles}
        initial={{ title: "", description: "", itemIds: [] }}
      />
    </>
  );
}
