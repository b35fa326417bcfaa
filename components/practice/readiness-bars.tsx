import { formatShare } from "@/lib/exam/format";

export type IntervalRow = {
  key: string;
  title: string;
  subtitle?: string;
  /** 0–1. */
  mean: number;
  lower: number;
  upper: number;
  /** Effective number of answers; omitted for the overall row. */
  evidence?: number;
  weight?: number;
  /** False: nothing answered yet, so no estimate is shown. */
  hasAnswers?: boolean;
};

const pct = (share: number) => `${Math.min(100, Math.max(0, share * 100))}%`;

/** How many answers an estimate rests on, in words (recent answers count fully, older ones less). */
function evidenceText(evidence: number): string {
  const n = Math.round(evidence);
  if (n === 0) return "no answers yet";
  return `about ${n} recent ${n === 1 ? "answer" : "answers"}`;
}

/**
 * Estimates with their uncertainty: each row is a track from 0 to 100%
 * with the 90% credible interval shaded and the estimate marked. The text
 * beside it says the same in numbers, so the drawing is decoration for
 * screen readers. An optional zone marks where passing scores usually fall.
 */
export function ReadinessBars({ rows, zone }: { rows: readonly IntervalRow[]; zone?: { low: number; high: number } }) {
  return (
    <ul className="space-y-4">
      {rows.map((row) => (
        <li key={row.key} data-testid={`readiness-${row.key}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <p className="min-w-0">
              {row.subtitle && <span className="block text-xs text-stone-500">{row.subtitle}</span>}
              <span className="font-medium">{row.title}</span>
            </p>
            {row.hasAnswers === false ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">No estimate yet</p>
            ) : (
              <p className="text-sm tabular-nums text-stone-700 dark:text-stone-300">
                <span className="font-semibold">{formatShare(row.mean)}</span>{" "}
                <span className="text-stone-600 dark:text-stone-400">
                  (likely {formatShare(row.lower)}–{formatShare(row.upper)})
                </span>
              </p>
            )}
          </div>
          <div aria-hidden="true" className={`relative mt-1.5 h-4 rounded-full bg-stone-200 dark:bg-stone-800 ${row.hasAnswers === false ? "hidden" : ""}`}>
            {zone && (
              <span
                className="absolute inset-y-0 bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(217_119_6/0.35)_4px_6px)] dark:bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(251_191_36/0.35)_4px_6px)]"
                style={{ left: pct(zone.low), width: `calc(${pct(zone.high)} - ${pct(zone.low)})` }}
              />
            )}
            <span
              className="absolute inset-y-0.5 rounded-full bg-brand-300/80 dark:bg-brand-700/80"
              style={{ left: pct(row.lower), width: `calc(${pct(row.upper)} - ${pct(row.lower)})` }}
            />
            <span className="absolute inset-y-[-3px] w-1 -translate-x-1/2 rounded-full bg-brand-800 dark:bg-brand-100" style={{ left: pct(row.mean) }} />
          </div>
          {(row.evidence !== undefined || row.weight !== undefined) && (
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              {row.weight !== undefined && <>{formatShare(row.weight, true)} of the exam</>}
              {row.weight !== undefined && row.evidence !== undefined && " · "}
              {row.evidence !== undefined && <>based on {evidenceText(row.evidence)}</>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
