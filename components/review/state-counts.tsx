import { useId } from "react";
import type { CardStateCounts } from "@/lib/srs/stats";

type Segment = { key: keyof CardStateCounts; label: string; fill: string; swatch: string };

// Suspended is the last segment because suspended cards are counted only
// there (see stateCounts), so the segments add up to every card; leeches
// overlap the other groups and get a figure but no segment.
const SEGMENTS: Segment[] = [
  { key: "new", label: "New", fill: "fill-sky-500 dark:fill-sky-400", swatch: "bg-sky-500 dark:bg-sky-400" },
  { key: "learning", label: "Learning", fill: "fill-amber-500 dark:fill-amber-400", swatch: "bg-amber-500 dark:bg-amber-400" },
  { key: "review", label: "Review", fill: "fill-brand-600 dark:fill-brand-400", swatch: "bg-brand-600 dark:bg-brand-400" },
  { key: "relearning", label: "Relearning", fill: "fill-red-600 dark:fill-red-400", swatch: "bg-red-600 dark:bg-red-400" },
  { key: "suspended", label: "Suspended", fill: "fill-stone-400 dark:fill-stone-500", swatch: "bg-stone-400 dark:bg-stone-500" },
];

const wholeNumber = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string, many = `${word}s`) => `${wholeNumber.format(n)} ${n === 1 ? word : many}`;

/**
 * How many cards are in each scheduling state: a stacked bar for the
 * proportions and a grid of figures, which is also the bar's text alternative.
 * Frameless, like the charts: the page puts it in a card.
 */
export function StateCounts({ counts, title = "Cards by state" }: { counts: CardStateCounts; title?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const total = SEGMENTS.reduce((sum, segment) => sum + counts[segment.key], 0);

  return (
    <section aria-labelledby={titleId} className="min-w-0">
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {total === 0 ? (
        <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          You have no review cards yet. Cards are added as you read lessons and answer questions.
        </p>
      ) : (
        <>
          <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {plural(total, "card")}: {wholeNumber.format(counts.new)} new, {wholeNumber.format(counts.learning)} learning,{" "}
            {wholeNumber.format(counts.review)} in review, {wholeNumber.format(counts.relearning)} relearning and{" "}
            {wholeNumber.format(counts.suspended)} suspended; {plural(counts.leech, "leech", "leeches")}.
          </p>
          <div className="mt-4 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800">
          <svg
            viewBox={`0 0 ${total} 1`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby={`${titleId} ${summaryId}`}
            className="block h-3 w-full"
          >
            {stack(counts).map(({ segment, start }) => (
              <rect key={segment.key} x={start} width={counts[segment.key]} y={0} height={1} className={segment.fill}>
                <title>{`${segment.label}: ${plural(counts[segment.key], "card")}`}</title>
              </rect>
            ))}
          </svg>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {[...SEGMENTS, { key: "leech" as const, label: "Leeches", fill: "", swatch: "" }].map((segment) => (
              <div key={segment.key} className="rounded-xl bg-stone-50 px-3 py-2 dark:bg-stone-800/60">
                <dt className="flex items-center gap-2 text-xs font-medium text-stone-600 dark:text-stone-400">
                  {segment.swatch ? <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-sm ${segment.swatch}`} /> : null}
                  {segment.label}
                </dt>
                <dd className="mt-0.5 text-2xl font-bold tabular-nums">{wholeNumber.format(counts[segment.key])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function stack(counts: CardStateCounts): { segment: Segment; start: number }[] {
  let start = 0;
  return SEGMENTS.flatMap((segment) => {
    const size = counts[segment.key];
    if (size <= 0) return [];
    const placed = { segment, start };
    start += size;
    return [placed];
  });
}
