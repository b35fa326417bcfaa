import { useId } from "react";
import { formatDayKey, weekdayIndex, type DayCount } from "@/lib/srs/stats";
import { ChartSection, ChartTable } from "@/components/review/chart-parts";

// Pixel geometry at its smallest: on narrow screens the grid keeps this size
// and scrolls, so its labels never shrink below a readable size; on wide ones
// it scales up to fill its card.
const CELL = 11;
const STEP = 14;
const LEFT = 30;
const TOP = 18;
// Room after the last week, so a month label that starts there is not cut off.
const RIGHT = 24;
const MONTH_LABEL_MIN_COLUMNS = 3;

// Index = intensity level; 0 is a day without reviews. The fill and bg lists
// must stay in step, and are written out whole so Tailwind finds them.
const LEVEL_FILL = [
  "fill-stone-200 dark:fill-stone-800",
  "fill-brand-200 dark:fill-brand-800",
  "fill-brand-400 dark:fill-brand-600",
  "fill-brand-600 dark:fill-brand-400",
  "fill-brand-800 dark:fill-brand-200",
] as const;
const LEVEL_BG = [
  "bg-stone-200 dark:bg-stone-800",
  "bg-brand-200 dark:bg-brand-800",
  "bg-brand-400 dark:bg-brand-600",
  "bg-brand-600 dark:bg-brand-400",
  "bg-brand-800 dark:bg-brand-200",
] as const;
const WEEKDAY_LABELS = [
  { row: 0, label: "Mon" },
  { row: 2, label: "Wed" },
  { row: 4, label: "Fri" },
];

const wholeNumber = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string) => `${wholeNumber.format(n)} ${n === 1 ? word : `${word}s`}`;
const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });
const monthAndYear = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** 0 for no reviews, then 1–4 by quarters of the busiest day, as GitHub does. */
export function intensityLevel(count: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || busiest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / busiest))) as 1 | 2 | 3 | 4;
}

type MonthRow = { month: string; daysReviewed: number; reviews: number };

function byMonth(days: readonly DayCount[]): MonthRow[] {
  const rows = new Map<string, MonthRow>();
  for (const day of days) {
    const monthKey = day.key.slice(0, 7);
    let row = rows.get(monthKey);
    if (!row) {
      row = { month: monthAndYear.format(new Date(`${monthKey}-01T00:00:00Z`)), daysReviewed: 0, reviews: 0 };
      rows.set(monthKey, row);
    }
    row.reviews += day.count;
    if (day.count > 0) row.daysReviewed += 1;
  }
  return [...rows.values()];
}

/**
 * A year of reviews as a GitHub-style grid: one column per week (Monday at
 * the top), one square per learner day, darker for busier days. `days` is
 * `dailyReviewCounts` output, oldest first, the last entry today.
 */
export function ReviewHeatmap({ days, title = "Reviews in the last 12 months" }: { days: readonly DayCount[]; title?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiest = days.reduce<DayCount | undefined>((best, day) => (!best || day.count > best.count ? day : best), undefined);

  if (!busiest || total === 0) {
    return (
      <ChartSection titleId={titleId} title={title}>
        <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          No reviews in the last 12 months yet. Each day you review fills in a square here.
        </p>
      </ChartSection>
    );
  }

  const daysReviewed = days.filter((day) => day.count > 0).length;
  const firstKey = days[0]?.key ?? busiest.key;
  // Leading cells before the first day keep the first column aligned to Monday.
  const lead = weekdayIndex(firstKey);
  const cells = days.map((day, i) => ({
    ...day,
    column: Math.floor((i + lead) / 7),
    row: (i + lead) % 7,
    level: intensityLevel(day.count, busiest.count),
  }));
  const columns = Math.ceil((days.length + lead) / 7);
  const width = LEFT + columns * STEP + RIGHT;
  const height = TOP + 7 * STEP - (STEP - CELL);
  const monthLabels = cells
    .filter((cell, i) => i === 0 || cell.key.endsWith("-01"))
    .map((cell) => ({ column: cell.column, label: monthName.format(new Date(`${cell.key}T00:00:00Z`)) }))
    // The partial first month gets a label only if it does not crowd the next one.
    .filter((label, i, all) => i > 0 || (all[1]?.column ?? Infinity) - label.column >= MONTH_LABEL_MIN_COLUMNS);
  const todayKey = days.at(-1)?.key;

  return (
    <ChartSection titleId={titleId} title={title}>
      <p id={summaryId} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        You reviewed on {wholeNumber.format(daysReviewed)} of the last {plural(days.length, "day")}, {plural(total, "review")} in all; your
        busiest day was {formatDayKey(busiest.key, "long")} with {plural(busiest.count, "review")}.
      </p>
      {/* Right-to-left scrolling starts the box at its end, so phones show the
          most recent weeks first without any script; the inner box restores
          left-to-right and its auto margin keeps it left-aligned when it fits. */}
      <div
        className="mt-4 overflow-x-auto rounded-lg pb-2 [direction:rtl] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        tabIndex={0}
        role="group"
        aria-label="Review heatmap, scrolls sideways"
      >
        <div className="w-full min-w-max [direction:ltr]">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${titleId} ${summaryId}`}
            className="block h-auto w-full"
            style={{ minWidth: width }}
            fontFamily="inherit"
            data-testid="heatmap"
          >
            <g className="fill-stone-500 dark:fill-stone-400" fontSize={10}>
              {monthLabels.map((m) => (
                <text key={`${m.column}-${m.label}`} x={LEFT + m.column * STEP} y={TOP - 6}>
                  {m.label}
                </text>
              ))}
              {WEEKDAY_LABELS.map((d) => (
                <text key={d.label} x={0} y={TOP + d.row * STEP + CELL - 2}>
                  {d.label}
                </text>
              ))}
            </g>
            {cells.map((cell) => (
              <rect
                key={cell.key}
                x={LEFT + cell.column * STEP}
                y={TOP + cell.row * STEP}
                width={CELL}
                height={CELL}
                rx={2}
                className={`${LEVEL_FILL[cell.level]}${cell.key === todayKey ? " stroke-stone-900 dark:stroke-stone-100" : ""}`}
                strokeWidth={cell.key === todayKey ? 1.5 : undefined}
              >
                <title>{`${plural(cell.count, "review")} on ${formatDayKey(cell.key, "long")}`}</title>
              </rect>
            ))}
          </svg>
        </div>
      </div>
      <div aria-hidden="true" className="mt-2 flex items-center justify-end gap-1 text-xs text-stone-600 dark:text-stone-400">
        <span className="mr-1">Less</span>
        {LEVEL_BG.map((bg, level) => (
          <span key={level} className={`size-[11px] rounded-[2px] ${bg}`} />
        ))}
        <span className="ml-1">More</span>
      </div>
      <ChartTable caption="Reviews by month">
            <thead className="text-stone-600 dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Month
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Days reviewed
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Reviews
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {byMonth(days).map((row) => (
                <tr key={row.month}>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {row.month}
                  </th>
                  <td className="py-1 pr-4 text-right">{wholeNumber.format(row.daysReviewed)}</td>
                  <td className="py-1 text-right">{wholeNumber.format(row.reviews)}</td>
                </tr>
              ))}
            </tbody>
          </ChartTable>
    </ChartSection>
  );
}

