import { useId } from "react";
import { formatDayKey, type DayCount } from "@/lib/srs/stats";
import { ChartSection, ChartTable } from "@/components/review/chart-parts";

// Each day gets a 10-unit slot; the SVG stretches to the box, so only shapes
// live inside it and every label is HTML that keeps its size on any screen.
const SLOT = 10;
const BAR = 7;
const LABEL_EVERY = 7;

const wholeNumber = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string) => `${wholeNumber.format(n)} ${n === 1 ? word : `${word}s`}`;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max`, so axis ticks are round numbers. */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= max) ?? 10;
  return step * magnitude;
}

/** Ticks at 0, half way (when that is a whole number) and the top. */
export function axisTicks(top: number): number[] {
  return top % 2 === 0 ? [0, top / 2, top] : [0, top];
}

/**
 * Reviews due on each of the coming days as bars, today first. `days` is
 * `forecast` output; overdue cards are already counted on today.
 */
export function ForecastChart({ days, title }: { days: readonly DayCount[]; title?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const heading = title ?? `Reviews due in the next ${plural(days.length, "day")}`;
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiestIndex = days.reduce((best, day, i) => (day.count > (days[best]?.count ?? 0) ? i : best), 0);
  const busiest = days[busiestIndex];

  if (!busiest || total === 0) {
    return (
      <ChartSection titleId={titleId} title={heading}>
        <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          No reviews are due in the next {plural(days.length, "day")}.
        </p>
      </ChartSection>
    );
  }

  const dayName = (i: number, key: string) => (i === 0 ? "today" : formatDayKey(key));
  const top = niceCeiling(busiest.count);
  const ticks = axisTicks(top);
  const width = days.length * SLOT;
  const dueToday = days[0]?.count ?? 0;
  // Rounded so the markup carries coordinates, not floating-point noise.
  const barHeight = (count: number) => Math.round((count / top) * 10_000) / 100;

  return (
    <ChartSection titleId={titleId} title={heading}>
      <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {plural(total, "review")} due over the next {plural(days.length, "day")}, {wholeNumber.format(dueToday)} of them today; the busiest
        day is {dayName(busiestIndex, busiest.key)} with {wholeNumber.format(busiest.count)}.
      </p>
      {/* Axis labels repeat what the summary and table say, so only the SVG is exposed. */}
      <div className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <span aria-hidden="true" className="col-start-2 mb-1 text-xs text-stone-600 dark:text-stone-400">Cards due</span>
        <div aria-hidden="true" className="relative h-40 w-8 text-right text-xs tabular-nums text-stone-600 dark:text-stone-400">
          {ticks.map((tick) => (
            <span key={tick} className="absolute right-0 translate-y-1/2 leading-none" style={{ bottom: `${barHeight(tick)}%` }}>
              {wholeNumber.format(tick)}
            </span>
          ))}
        </div>
        <div className="relative h-40">
          <svg
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby={`${titleId} ${summaryId}`}
            className="absolute inset-0 block h-full w-full overflow-visible"
          >
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={width}
                y1={100 - barHeight(tick)}
                y2={100 - barHeight(tick)}
                vectorEffect="non-scaling-stroke"
                className={tick === 0 ? "stroke-stone-400 dark:stroke-stone-600" : "stroke-stone-200 dark:stroke-stone-800"}
              />
            ))}
            {days.map((day, i) =>
              day.count > 0 ? (
                <rect
                  key={day.key}
                  x={i * SLOT + (SLOT - BAR) / 2}
                  width={BAR}
                  y={100 - barHeight(day.count)}
                  height={barHeight(day.count)}
                  className={i === 0 ? "fill-brand-700 dark:fill-brand-300" : "fill-brand-500 dark:fill-brand-400"}
                >
                  <title>{`${plural(day.count, "card")} due ${dayName(i, day.key)}`}</title>
                </rect>
              ) : null,
            )}
          </svg>
        </div>
        <div aria-hidden="true" className="relative col-start-2 mt-1 h-4 text-xs text-stone-600 dark:text-stone-400">
          {days.map((day, i) =>
            // Labels sit at the start of their day's slot; the last week is
            // left unlabelled so its text cannot run past the chart's edge.
            i % LABEL_EVERY === 0 && days.length - i > LABEL_EVERY / 2 ? (
              <span key={day.key} className="absolute top-0 whitespace-nowrap border-l border-stone-400 pl-1 leading-none dark:border-stone-600" style={{ left: `${(i / days.length) * 100}%` }}>
                {i === 0 ? "Today" : formatDayKey(day.key)}
              </span>
            ) : null,
          )}
        </div>
      </div>
      <ChartTable caption="Cards due by day" scroll="max-h-72 overflow-y-auto">
            <thead className="text-stone-600 dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Day
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Cards due
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {days.map((day, i) => (
                <tr key={day.key}>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {i === 0 ? `Today (${formatDayKey(day.key)})` : formatDayKey(day.key)}
                  </th>
                  <td className="py-1 text-right">{wholeNumber.format(day.count)}</td>
                </tr>
              ))}
            </tbody>
          </ChartTable>
    </ChartSection>
  );
}

