import Link from "next/link";
import type { ReportItem } from "@/lib/exam/attempts";
import { formatItemTime } from "@/lib/exam/format";
import { FlagButton } from "./flag-button";
import { ReportProblem } from "./report-problem";

const LETTERS = ["A", "B", "C", "D"] as const;

/**
 * Every item of the attempt, each a disclosure: the summary line tells
 * right, wrong or unanswered at a glance; opened, it shows the vignette,
 * the learner's choice, the key and the rationale of every option.
 */
export function ItemReview({ items, flagged }: { items: readonly ReportItem[]; flagged: ReadonlySet<string> }) {
  return (
    <ol className="space-y-2">
      {items.map((item) => {
        const verdict = item.chosen === null ? "Unanswered" : item.correct ? "Correct" : "Incorrect";
        const tone =
          item.chosen === null
            ? "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200"
            : item.correct
              ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
              : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100";
        return (
          <li key={item.itemId} id={`q-${item.position + 1}`} className="scroll-mt-20">
            <details className="group rounded-xl border border-stone-200 bg-white open:shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="review-item">
              <summary className="flex min-h-12 cursor-pointer list-none items-start gap-3 px-4 py-3 [&::-webkit-details-marker]:hidden">
                <span className="w-8 shrink-0 pt-0.5 text-sm font-semibold tabular-nums text-stone-500">{item.position + 1}.</span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{item.leadIn}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
                    <span className={`rounded px-1.5 py-0.5 font-semibold ${tone}`}>{verdict}</span>
                    <span>Domain {item.domain}</span>
                    <span aria-hidden="true">·</span>
                    <span className={item.long ? "font-semibold text-amber-800 dark:text-amber-300" : ""}>
                      {formatItemTime(item.timeMs)}
                      {item.long ? " (ran long)" : ""}
                    </span>
                    {item.marked && (
                      <>
                        <span aria-hidden="true">·</span>
                        <span>Marked for review</span>
                      </>
                    )}
                  </span>
                </span>
                <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-1 h-4 w-4 shrink-0 text-stone-500 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M6 9l6 6 6-6" />
                </svg>
              </summary>
              <div className="border-t border-stone-200 px-4 pb-4 pt-3 dark:border-stone-800">
                <p className="whitespace-pre-line leading-relaxed">{item.stem}</p>
                <p className="mt-3 font-semibold">{item.leadIn}</p>
                <ol className="mt-3 space-y-2" aria-label="Options">
                  {item.options.map((option, i) => {
                    const isKey = item.keyIndex === i;
                    const isChosen = item.chosen === i;
                    const border = isKey
                      ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50"
                      : isChosen
                        ? "border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950/50"
                        : "border-stone-200 dark:border-stone-800";
                    return (
                      <li key={i} className={`rounded-lg border px-3 py-2.5 ${border}`}>
                        <p className="flex items-start gap-3">
                          <span className="mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border border-current text-xs font-bold">{LETTERS[i]}</span>
                          <span className="flex-1">
                            {option.text}
                            {isKey && <span className="ml-2 text-sm font-semibold text-emerald-800 dark:text-emerald-300">Best answer</span>}
                            {isChosen && (
                              <span className={`ml-2 text-sm font-semibold ${isKey ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
                                {isKey ? "· Your answer" : "Your answer"}
                              </span>
                            )}
                          </span>
                        </p>
                        <p className="mt-1 pl-9 text-sm text-stone-700 dark:text-stone-300">{option.rationale}</p>
                      </li>
                    );
                  })}
                </ol>
                <div className="mt-3 flex flex-wrap items-center gap-1">
                  <Link className="inline-flex min-h-11 items-center px-3 text-sm font-semibold text-brand-700 underline dark:text-brand-300" href={`/learn/${item.lessonSlug}#${item.section}`}>
                    Review the lesson section
                  </Link>
                  <FlagButton itemId={item.itemId} initial={flagged.has(item.itemId)} />
                  <ReportProblem itemId={item.itemId} />
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
