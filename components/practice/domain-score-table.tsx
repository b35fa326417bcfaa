import type { DomainScore } from "@/lib/exam/scoring";
import { formatPercent, formatShare } from "@/lib/exam/format";

/**
 * Score per blueprint domain: correct of total, percentage with a bar, and
 * the domain's weight on the exam, so a weak heavy domain stands out.
 * Domains the attempt had no items from are listed as such.
 */
export function DomainScoreTable({ domains, caption = "Score by exam domain" }: { domains: readonly DomainScore[]; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-stone-600 dark:text-stone-400">
          <tr className="border-b border-stone-200 dark:border-stone-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Domain
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Correct
            </th>
            <th scope="col" className="py-2 pr-3 font-medium sm:w-1/3">
              Score
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              <span className="sm:hidden">Weight</span>
              <span className="hidden sm:inline">Exam weight</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
          {domains.map((d) => (
            <tr key={d.domain} data-testid={`domain-row-${d.domain}`}>
              <th scope="row" className="py-2.5 pr-3 align-top font-normal">
                <span className="block text-xs text-stone-500">Domain {d.domain}</span>
                <span className="font-medium">{d.name}</span>
              </th>
              <td className="py-2.5 pr-3 text-right align-top">{d.total > 0 ? `${d.correct} / ${d.total}` : "—"}</td>
              <td className="py-2.5 pr-3 align-top">
                {d.percent === null ? (
                  <span className="text-stone-500">No items</span>
                ) : (
                  <span className="flex items-center gap-2">
                    <span className="w-12 shrink-0 text-right font-semibold">{formatPercent(d.percent)}</span>
                    <span aria-hidden="true" className="hidden h-2 flex-1 overflow-hidden rounded-full bg-stone-200 sm:block dark:bg-stone-800">
                      <span className="block h-full rounded-full bg-brand-600 dark:bg-brand-400" style={{ width: `${d.percent}%` }} />
                    </span>
                  </span>
                )}
              </td>
              <td className="py-2.5 text-right align-top">{formatShare(d.weight, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
