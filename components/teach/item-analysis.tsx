import { FLAG_MIN_RESPONSES, type ItemFlag } from "@/lib/cohorts/item-analysis";
import type { AnalysedItem } from "@/lib/cohorts/results";

const LETTERS = ["A", "B", "C", "D"] as const;

const FLAG_TEXT: Record<ItemFlag, { label: string; help: string }> = {
  "possible-miskey": { label: "Possible miskey", help: "A distractor drew the top scorers more than the key did. Check the key and that distractor's wording." },
  "non-discriminating": { label: "Not discriminating", help: "Stronger and weaker members did about equally well on it, so it tells them apart poorly." },
  "too-easy": { label: "Very easy", help: "More than 90% got it right." },
  "too-hard": { label: "Very hard", help: "Fewer than 30% got it right; check it was taught, and its key." },
  "weak-distractor": { label: "Weak distractor", help: "A wrong option drew fewer than 5% of members: it does no work. Rewrite it as a plausible but inferior choice." },
};

const pct = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const coef = (value: number | null) => (value === null ? "—" : value.toFixed(2));
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Each item's facility, discrimination, option choices (all, top 27%, bottom 27%) and flags. */
export function ItemAnalysisList({ items }: { items: AnalysedItem[] }) {
  return (
    <ol className="space-y-4" data-testid="item-analysis">
      {items.map((item) => {
        const flagged = item.flags.length > 0;
        return (
          <li
            key={item.itemId}
            className={`rounded-2xl border bg-white p-4 dark:bg-stone-900 ${flagged ? "border-amber-400 dark:border-amber-700" : "border-stone-200 dark:border-stone-800"}`}
            data-testid={`analysis-${item.itemId}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">
                {item.position}. <span className="font-mono text-sm">{item.itemId}</span>{" "}
                <span className="text-sm font-normal text-stone-600 dark:text-stone-400">Domain {item.domain}</span>
              </h3>
              {flagged && (
                <ul className="flex flex-wrap gap-1.5" aria-label="Flags">
                  {item.flags.map((flag) => (
                    <li key={flag} className="inline-flex items-center gap-1 rounded-full border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
                      <span aria-hidden="true">⚑</span>
                      {FLAG_TEXT[flag].label}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <details className="mt-1">
              <summary className="cursor-pointer text-sm text-brand-700 underline dark:text-brand-300">{item.leadIn}</summary>
              <p className="mt-2 whitespace-pre-line text-sm text-stone-700 dark:text-stone-300">{item.stem}</p>
            </details>
            <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
              <div>
                <dt className="text-stone-500">
                  <abbr title="Facility: the proportion who answered correctly (p)" className="no-underline">
                    Facility
                  </abbr>
                </dt>
                <dd className="text-lg font-bold tabular-nums">{pct(item.facility)}</dd>
                <dd className="text-xs text-stone-500">
                  {item.correct} of {item.n}
                </dd>
              </div>
              <div>
                <dt className="text-stone-500">
                  <abbr title="Corrected point-biserial: correlation of this item with the score on the other items" className="no-underline">
                    Point-biserial
                  </abbr>
                </dt>
                <dd className="text-lg font-bold tabular-nums">{coef(item.pointBiserial)}</dd>
              </div>
              <div>
                <dt className="text-stone-500">
                  <abbr title="Facility in the top 27% by score minus facility in the bottom 27% (D)" className="no-underline">
                    Upper − lower
                  </abbr>
                </dt>
                <dd className="text-lg font-bold tabular-nums">{coef(item.upperLower)}</dd>
              </div>
            </dl>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[18rem] text-left text-sm">
                <caption className="sr-only">How often each option of item {item.position} was chosen</caption>
                <thead className="text-stone-600 dark:text-stone-400">
                  <tr className="border-b border-stone-200 dark:border-stone-800">
                    <th scope="col" className="py-1.5 pr-2 font-medium">
                      Option
                    </th>
                    <th scope="col" className="w-2/5 py-1.5 pr-2 font-medium">
                      Chosen by
                    </th>
                    <th scope="col" className="py-1.5 pr-2 text-right font-medium">
                      Top 27%
                    </th>
                    <th scope="col" className="py-1.5 text-right font-medium">
                      Bottom 27%
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {item.options.map((text, i) => {
                    const chosen = item.optionCounts[i] ?? 0;
                    const share = item.n ? chosen / item.n : 0;
                    const isKey = i === item.keyIndex;
                    return (
                      <tr key={i} className={`border-b border-stone-100 last:border-0 dark:border-stone-800/70 ${isKey ? "bg-emerald-50/70 dark:bg-emerald-950/30" : ""}`}>
                        <th scope="row" className="py-1.5 pr-2 align-top font-normal">
                          <span className="font-bold">{LETTERS[i]}</span>
                          {isKey && <span className="ml-1 text-xs font-semibold text-emerald-800 dark:text-emerald-300">(key)</span>}
                          <span className="block text-xs text-stone-600 dark:text-stone-400">
                            {text}
                          </span>
                        </th>
                        <td className="py-1.5 pr-2 align-top">
                          <span className="flex items-center gap-2">
                            <span className="h-2 flex-1 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden="true">
                              <span className={`block h-full ${isKey ? "bg-emerald-600" : "bg-stone-500"}`} style={{ width: `${share * 100}%` }} />
                            </span>
                            <span className="w-16 text-right tabular-nums">
                              {chosen} ({Math.round(share * 100)}%)
                            </span>
                          </span>
                        </td>
                        <td className="py-1.5 pr-2 text-right align-top tabular-nums">{count(item.upperOptionCounts[i] ?? 0)}</td>
                        <td className="py-1.5 text-right align-top tabular-nums">{count(item.lowerOptionCounts[i] ?? 0)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {item.omitted > 0 && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Left unanswered by {item.omitted}.</p>}
            </div>
            {flagged && (
              <ul className="mt-3 space-y-1 text-sm text-amber-900 dark:text-amber-200">
                {item.flags.map((flag) => (
                  <li key={flag}>
                    <strong>{FLAG_TEXT[flag].label}:</strong> {FLAG_TEXT[flag].help}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export { FLAG_MIN_RESPONSES };
