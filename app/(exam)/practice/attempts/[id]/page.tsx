import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AttemptRunner } from "@/components/practice/attempt-runner";
import { requireUser } from "@/lib/auth/session";
import { getAttemptForOwner } from "@/lib/exam/attempts";
import { flaggedAmong } from "@/lib/exam/flags";

export const metadata: Metadata = { title: "Practice" };

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/practice/attempts/${encodeURIComponent(id)}`);
  // Someone else's attempt is indistinguishable from a missing one.
  const attempt = await getAttemptForOwner(user.id, id);
  if (!attempt) notFound();
  if (attempt.submitted) redirect(`/practice/attempts/${attempt.id}/report`);
  const flagged = attempt.kind === "practice" ? await flaggedAmong(user.id, attempt.items.map((i) => i.id)) : new Set<string>();
  return <AttemptRunner initial={attempt} flagged={[...flagged]} />;
}
