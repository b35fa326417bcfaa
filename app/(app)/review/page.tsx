import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  await requireUser("/review");
  return (
    <>
      <PageHeader title="Review" description="A few minutes of spaced repetition each day keeps what you learn." />
      <EmptyState title="Nothing to review yet" action={<ButtonLink href="/learn">Go to lessons</ButtonLink>}>
        Flashcards from the lessons you read and the questions you answer will be scheduled here, at the moment you are about to forget them.
      </EmptyState>
    </>
  );
}
