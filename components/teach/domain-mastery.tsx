import type { DomainMastery as Mastery } from "@/lib/cohorts/results";

/** Share correct per blueprint domain across the cohort's submitted assignment work. */
export function DomainMastery({ mastery }: { mastery: Mastery[] }) {
  return (
    <ul className="space-y-3" data-testid="domain-mastery">
      {mastery.map((d) => (
        <li key={d.domain}>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span>
              <span className="font-semibold">Domain {d.domain}</span> <span className="text-stone-600 dark:text-stone-400">{d.name}</span>
            </span>
            <span className="shrink-0 tabular-nums">
              {d.percent === null ? <span className="text-stone-500">no answers yet</span> : <strong>{Math.round(d.percent)}%</strong>}
              {d.answered > 0 && <span className="text-stone-500"> of {d.answered}</span>}
            </span>
          </div>
          <div
            className="mt-1 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
            role="meter"
            aria-label={`Domain ${d.domain} mastery`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={d.percent === null ? undefined : Math.round(d.percent)}
            aria-valuetext={d.percent === null ? "no answers yet" : `${Math.round(d.percent)}% correct of ${d.answered} answers`}
          >
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${d.percent ?? 0}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
