import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  await requireUser("/practice");
  return (
    <>
      <PageHeader title="Practice" description="Timed practice exams with the real exam's length, clock and domain mix." />
      <EmptyState title="No practice exams yet" action={<ButtonLink href="/learn">Practise by lesson</ButtonLink>}>
        Mock exams and custom practice sessions will appear here. Meanwhile, each lesson has ten practice questions in tutor mode.
      </EmptyState>
    </>
  );
}
