import { useId } from "react";
import { formatPercent } from "@/lib/exam/format";
import { ChartTable } from "@/components/review/chart-parts";

export type TrendPoint = {
  id: string;
  /** Short date label, e.g. "Nov 22". */
  date: string;
  label: string;
  mock: boolean;
  /** 0–100. */
  percent: number;
  correct: number;
  total: number;
};

const SLOT = 10;
const TICKS = [0, 50, 100];

/**
 * Score per finished attempt, oldest to newest: a line with a dot per
 * attempt, mock exams filled and practice sessions hollow. The SVG carries
 * the summary as its name; the table below gives every value.
 */
export function TrendChart({ points, title = "Scores over time" }: { points: readonly TrendPoint[]; title?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  if (points.length === 0) return null;

  const width = Math.max(points.length, 2) * SLOT;
  const x = (i: number) => (points.length === 1 ? width / 2 : i * SLOT + SLOT / 2);
  const y = (percent: number) => Math.round((100 - Math.min(100, Math.max(0, percent))) * 100) / 100;
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i)} ${y(p.percent)}`).join(" ");
  const first = points[0]!;
  const latest = points.at(-1)!;
  const mocks = points.filter((p) => p.mock);
  const change = latest.percent - first.percent;

  return (
    <section aria-labelledby={titleId} className="min-w-0">
      <h3 id={titleId} className="text-base font-semibold">
        {title}
      </h3>
      <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {points.length === 1
          ? `One finished attempt so far: ${formatPercent(latest.percent)}.`
          : `${points.length} finished attempts, from ${formatPercent(first.percent)} to ${formatPercent(latest.percent)} (${change >= 0 ? "+" : ""}${Math.round(change * 10) / 10} points)${
              mocks.length > 0 ? `; ${mocks.length} ${mocks.length === 1 ? "was a mock exam" : "were mock exams"}` : ""
            }.`}
      </p>
      <div className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <div aria-hidden="true" className="relative h-36 w-9 text-right text-xs tabular-nums text-stone-600 dark:text-stone-400">
          {TICKS.map((t) => (
            <span key={t} className="absolute right-0 translate-y-1/2 leading-none" style={{ bottom: `${t}%` }}>
              {t}%
            </span>
          ))}
        </div>
        <div className="relative h-36">
          <svg
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby={`${titleId} ${summaryId}`}
            className="absolute inset-0 block h-full w-full overflow-visible"
            fill="none"
          >
            {TICKS.map((t) => (
              <line
                key={t}
                x1={0}
                x2={width}
                y1={y(t)}
                y2={y(t)}
                vectorEffect="non-scaling-stroke"
                className={t === 0 ? "stroke-stone-400 dark:stroke-stone-600" : "stroke-stone-200 dark:stroke-stone-800"}
              />
            ))}
            {points.length > 1 && <path d={line} vectorEffect="non-scaling-stroke" strokeWidth={2} strokeLinejoin="round" className="stroke-brand-600 dark:stroke-brand-300" />}
            {points.map((p, i) => (
              <g key={p.id}>
                {/* Zero-length round-capped strokes stay round however the SVG is stretched. */}
                <path d={`M${x(i)} ${y(p.percent)}h0`} vectorEffect="non-scaling-stroke" strokeWidth={10} strokeLinecap="round" className="stroke-brand-600 dark:stroke-brand-300" />
                {!p.mock && (
                  <path d={`M${x(i)} ${y(p.percent)}h0`} vectorEffect="non-scaling-stroke" strokeWidth={5} strokeLinecap="round" className="stroke-white dark:stroke-stone-900" />
                )}
                <title>{`${p.date} · ${p.label}: ${formatPercent(p.percent)} (${p.correct} of ${p.total})`}</title>
              </g>
            ))}
          </svg>
        </div>
        <div aria-hidden="true" className="col-start-2 mt-2 flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
          <span>
            {first.date}
            {points.length > 1 ? ` → ${latest.date}` : ""}
          </span>
          <span className="flex items-center gap-3">
            <span className="flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-full bg-brand-600 dark:bg-brand-300" />
              Mock exam
            </span>
            <span className="flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-full border-2 border-brand-600 dark:border-brand-300" />
              Practice
            </span>
          </span>
        </div>
      </div>
      <ChartTable caption={title}>
            <thead className="text-stone-600 dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Date
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Attempt
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Correct
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Score
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {points.map((p) => (
                <tr key={p.id}>
                  <td className="py-1 pr-4">{p.date}</td>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {p.label}
                  </th>
                  <td className="py-1 pr-4 text-right">
                    {p.correct} / {p.total}
                  </td>
                  <td className="py-1 text-right">{formatPercent(p.percent)}</td>
                </tr>
              ))}
            </tbody>
          </ChartTable>
    </section>
  );
}
