"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startMockExam } from "@/lib/exam/actions";
import { formatSpan } from "@/lib/exam/format";

type Offer = { items: number; minutes: number };

/** The two mock exams, each a one-button form; the clock starts on the server when the exam is drawn. */
export function MockStart({ full, short }: { full: Offer; short: Offer }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <MockCard
        kind="short"
        title="Short mock"
        offer={short}
        description="The exam's domain mix and pace in about an hour: a rehearsal you can fit into a weekday."
      />
      <MockCard
        kind="full"
        title="Full mock"
        offer={full}
        description={
          full.items < 180
            ? `The real exam has 180 items in 4 hours. The bank can fill ${full.items} items with the exam's domain mix, at the same 80 seconds per item; it grows as items are added.`
            : "The real length and clock. Set aside the whole time, somewhere quiet, as on exam day."
        }
      />
    </div>
  );
}

function MockCard({ kind, title, offer, description }: { kind: "full" | "short"; title: string; offer: Offer; description: string }) {
  const [result, formAction, pending] = useActionState(startMockExam, null);
  const headingId = `mock-${kind}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      <p className="mt-1 text-2xl font-bold tabular-nums">
        {offer.items} items · {formatSpan(offer.minutes * 60_000)}
      </p>
      <p className="mt-2 flex-1 text-sm text-stone-600 dark:text-stone-400">{description}</p>
      {result && !result.ok && (
        <div className="mt-3">
          <Alert tone="error">{result.error}</Alert>
        </div>
      )}
      <form action={formAction} className="mt-4">
        <input type="hidden" name="kind" value={kind} />
        <Button type="submit" disabled={pending || offer.items === 0} variant={kind === "short" ? "primary" : "secondary"}>
          {pending ? "Drawing your exam…" : `Start ${title.toLowerCase()}`}
        </Button>
      </form>
    </section>
  );
}
