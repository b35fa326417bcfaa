import { useId } from "react";
import { formatDayKey, type WeekRetention } from "@/lib/srs/stats";
import { ChartSection, ChartTable } from "@/components/review/chart-parts";

// Each week gets a 10-unit slot and the SVG stretches to its box; strokes and
// dots use non-scaling strokes so they keep their shape, and all text is HTML.
const SLOT = 10;
const LABEL_EVERY = 4;

const wholeNumber = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string) => `${wholeNumber.format(n)} ${n === 1 ? word : `${word}s`}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The bottom of the retention axis: 50% while everything shown is at least
 * that, since retention usually sits between 70% and 95% and a zero-based
 * axis would flatten the differences that matter; 0% otherwise.
 */
export function retentionFloor(values: readonly number[]): number {
  return values.every((v) => v >= 0.5) ? 0.5 : 0;
}

/**
 * True retention per week as a line with a dot per week, against the
 * learner's desired retention. Weeks without reviews of cards in the Review
 * state break the line rather than dropping to zero.
 */
export function RetentionChart({ weeks, target = 0.9, title = "True retention by week" }: { weeks: readonly WeekRetention[]; target?: number; title?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const reviews = weeks.reduce((sum, week) => sum + week.reviews, 0);
  const passed = weeks.reduce((sum, week) => sum + week.passed, 0);

  if (reviews === 0) {
    return (
      <ChartSection titleId={titleId} title={title}>
        <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          No cards in the Review state were reviewed in the last {plural(weeks.length, "week")}, so there is no retention to show yet.
        </p>
      </ChartSection>
    );
  }

  const measured = weeks.flatMap((week) => (week.retention === null ? [] : [week.retention]));
  const floor = retentionFloor([...measured, target]);
  const ticks = [floor, (floor + 1) / 2, 1];
  const width = weeks.length * SLOT;
  // Rounded so the markup carries coordinates, not floating-point noise.
  const y = (share: number) => Math.round((1 - (Math.min(1, Math.max(floor, share)) - floor) / (1 - floor)) * 10_000) / 100;
  const x = (i: number) => i * SLOT + SLOT / 2;
  const gaps = weeks.length - measured.length;
  // One "M" per run of consecutive measured weeks, so an empty week leaves a gap.
  const line = weeks
    .map((week, i) => (week.retention === null ? null : `${(weeks[i - 1]?.retention ?? null) === null ? "M" : "L"}${x(i)} ${y(week.retention)}`))
    .filter((segment) => segment !== null)
    .join(" ");

  return (
    <ChartSection titleId={titleId} title={title}>
      <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Over the last {plural(weeks.length, "week")} you recalled {percent(passed / reviews)} of cards in the Review state ({wholeNumber.format(passed)}{" "}
        of {plural(reviews, "review")}), against a target of {percent(target)}
        {gaps > 0 ? `; ${plural(gaps, "week")} had no such reviews and ${gaps === 1 ? "is" : "are"} left blank` : ""}.
      </p>
      {/* Axis labels repeat what the summary and table say, so only the SVG is exposed. */}
      <div className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <div aria-hidden="true" className="relative h-40 w-9 text-right text-xs tabular-nums text-stone-600 dark:text-stone-400">
          {ticks.map((tick) => (
            <span key={tick} className="absolute right-0 translate-y-1/2 leading-none" style={{ bottom: `${100 - y(tick)}%` }}>
              {percent(tick)}
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
            fill="none"
          >
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={width}
                y1={y(tick)}
                y2={y(tick)}
                vectorEffect="non-scaling-stroke"
                className={tick === floor ? "stroke-stone-400 dark:stroke-stone-600" : "stroke-stone-200 dark:stroke-stone-800"}
              />
            ))}
            <line
              x1={0}
              x2={width}
              y1={y(target)}
              y2={y(target)}
              vectorEffect="non-scaling-stroke"
              strokeDasharray="5 4"
              strokeWidth={1.5}
              className="stroke-amber-600 dark:stroke-amber-400"
            />
            <path d={line} vectorEffect="non-scaling-stroke" strokeWidth={2} strokeLinejoin="round" className="stroke-brand-600 dark:stroke-brand-300" />
            {weeks.map((week, i) =>
              week.retention === null ? null : (
                // A zero-length round-capped stroke draws a dot that stays
                // round however the SVG is stretched.
                <path
                  key={week.weekStart}
                  d={`M${x(i)} ${y(week.retention)}h0`}
                  vectorEffect="non-scaling-stroke"
                  strokeWidth={8}
                  strokeLinecap="round"
                  className="stroke-brand-600 dark:stroke-brand-300"
                >
                  <title>{`Week of ${formatDayKey(week.weekStart)}: ${percent(week.retention)} (${wholeNumber.format(week.passed)} of ${plural(week.reviews, "review")})`}</title>
                </path>
              ),
            )}
          </svg>
        </div>
        <div aria-hidden="true" className="relative col-start-2 mt-1 h-4 text-xs text-stone-600 dark:text-stone-400">
          {weeks.map((week, i) =>
            // Labels sit at the start of their week's slot; the last slots stay
            // unlabelled so text cannot run past the chart's edge.
            i % LABEL_EVERY === 0 && weeks.length - i > LABEL_EVERY / 2 ? (
              <span
                key={week.weekStart}
                className="absolute top-0 whitespace-nowrap border-l border-stone-400 pl-1 leading-none dark:border-stone-600"
                style={{ left: `${(i / weeks.length) * 100}%` }}
              >
                {formatDayKey(week.weekStart)}
              </span>
            ) : null,
          )}
        </div>
        {/* A key rather than a label on the line, which would cover the latest weeks' dots. */}
        <div aria-hidden="true" className="col-start-2 mt-1 flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
          <span>Week starting</span>
          <span className="flex items-center gap-1.5 font-medium text-amber-800 dark:text-amber-300">
            <span className="w-4 border-t-2 border-dashed border-amber-600 dark:border-amber-400" />
            Target {percent(target)}
          </span>
        </div>
      </div>
      <ChartTable caption="True retention by week">
            <thead className="text-stone-600 dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Week of
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Reviews
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Passed
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Retention
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {formatDayKey(week.weekStart)}
                  </th>
                  <td className="py-1 pr-4 text-right">{wholeNumber.format(week.reviews)}</td>
                  <td className="py-1 pr-4 text-right">{wholeNumber.format(week.passed)}</td>
                  <td className="py-1 text-right">{week.retention === null ? "No reviews" : percent(week.retention)}</td>
                </tr>
              ))}
            </tbody>
          </ChartTable>
    </ChartSection>
  );
}

