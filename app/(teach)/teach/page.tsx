import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Teach" };

export default function TeachPage() {
  return (
    <>
      <PageHeader title="Teach" description="Run a prep cohort: invite candidates, assign question sets and see where the group struggles." />
      <EmptyState title="No cohorts yet">
        Cohorts you create or co-teach will be listed here, with their members, assignments and item analysis.
      </EmptyState>
    </>
  );
}
