import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ForecastChart, axisTicks, niceCeiling } from "@/components/review/forecast-chart";
import { RetentionChart, retentionFloor } from "@/components/review/retention-chart";
import { ReviewHeatmap, intensityLevel } from "@/components/review/review-heatmap";
import { StatTile } from "@/components/review/stat-tile";
import { StateCounts } from "@/components/review/state-counts";
import { addDays, dailyReviewCounts, type DayCount, type WeekRetention } from "@/lib/srs/stats";

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .trim();

/** Each body row of the first table, as the text of its cells. */
function tableRows(html: string): string[][] {
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => stripTags(cell[1] ?? "")));
}

function headerCells(html: string): string[] {
  const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? "";
  return [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => stripTags(cell[1] ?? ""));
}

/** The text an SVG with role="img" is named by, following aria-labelledby. */
function imageLabel(html: string): string {
  const svg = /<svg[^>]*role="img"[^>]*>/.exec(html)?.[0];
  expect(svg, "an SVG with role=img").toBeDefined();
  const ids = /aria-labelledby="([^"]+)"/.exec(svg ?? "")?.[1]?.split(" ") ?? [];
  expect(ids.length).toBeGreaterThan(0);
  return ids
    .map((id) => {
      const element = new RegExp(`<(\\w+)[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
      expect(element, `element #${id}`).not.toBeNull();
      return stripTags(element?.[2] ?? "").replace(/\s+/g, " ");
    })
    .join(" ");
}

const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length;

describe("ReviewHeatmap", () => {
  // 23 April (a Thursday) to 6 May 2026.
  const days: DayCount[] = [0, 2, 0, 0, 5, 1, 0, 0, 8, 0, 3, 0, 4, 1].map((n, i) => ({ key: addDays("2026-04-23", i), count: n }));
  const html = renderToStaticMarkup(<ReviewHeatmap days={days} />);

  it("is an image named by its heading and a one-sentence summary", () => {
    expect(imageLabel(html)).toBe(
      "Reviews in the last 12 months You reviewed on 7 of the last 14 days, 24 reviews in all; your busiest day was Friday, May 1, 2026 with 8 reviews.",
    );
  });

  it("draws a square per day in Monday-first week columns, today outlined", () => {
    expect(count(html, /<rect /g)).toBe(14);
    // Thursday 23 April is the fourth row of the first column.
    expect(html).toContain('<rect x="30" y="60" width="11" height="11" rx="2" class="fill-stone-200 dark:fill-stone-800">');
    expect(html).toContain("<title>8 reviews on Friday, May 1, 2026</title>");
    expect(html).toContain("<title>1 review on Wednesday, May 6, 2026</title>");
    expect(count(html, /stroke-stone-900/g)).toBe(1);
    expect(html).toContain(">Mon</text>");
    expect(html).toContain(">May</text>");
    // April's partial column is too close to May's to carry a label.
    expect(html).not.toContain(">Apr</text>");
  });

  it("scales up to fill its card where there is room", () => {
    expect(html).toMatch(/<svg viewBox="0 0 \d+ \d+"[^>]*class="block h-auto w-full"/);
  });

  it("scrolls in its own box, starting at the most recent weeks, with a Less–More legend", () => {
    expect(html).toMatch(/class="[^"]*overflow-x-auto[^"]*\[direction:rtl\]/);
    expect(html).toContain("[direction:ltr]");
    expect(html).toMatch(/<span class="mr-1">Less<\/span>(<span class="[^"]*"><\/span>){5}<span class="ml-1">More<\/span>/);
  });

  it("has a table of reviews by month as its text alternative", () => {
    expect(headerCells(html)).toEqual(["Month", "Days reviewed", "Reviews"]);
    expect(tableRows(html)).toEqual([
      ["April 2026", "3", "8"],
      ["May 2026", "4", "16"],
    ]);
  });

  it("grades days in quarters of the busiest day", () => {
    expect([0, 1, 2, 3, 5, 6, 8, 10].map((n) => intensityLevel(n, 8))).toEqual([0, 1, 1, 2, 3, 3, 4, 4]);
    expect(intensityLevel(3, 0)).toBe(0);
  });

  it("lays out a full year in at most 53 columns", () => {
    const year = dailyReviewCounts([{ reviewedAt: new Date("2026-05-06T14:00:00Z") }], new Date("2026-05-06T15:00:00Z"), "UTC", 0);
    const yearHtml = renderToStaticMarkup(<ReviewHeatmap days={year} />);
    expect(count(yearHtml, /<rect /g)).toBe(365);
    // 30 + 53 columns × 14 + 24 of room after the last week for a month label; never narrower than that.
    expect(yearHtml).toContain('viewBox="0 0 796 113"');
    expect(yearHtml).toContain("min-width:796px");
    // Every month label starts at least a label's width before the right edge, so none is cut off.
    const xs = [...yearHtml.matchAll(/<text x="(\d+)" y="12">/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...xs)).toBeLessThanOrEqual(796 - 20);
    expect(tableRows(yearHtml)).toHaveLength(13);
  });

  it("says there is nothing yet instead of drawing an empty grid", () => {
    for (const empty of [[], days.map((d) => ({ ...d, count: 0 }))]) {
      const emptyHtml = renderToStaticMarkup(<ReviewHeatmap days={empty} />);
      expect(emptyHtml).not.toContain("<svg");
      expect(emptyHtml).not.toContain("<table");
      expect(stripTags(emptyHtml)).toContain("No reviews in the last 12 months yet.");
    }
  });
});

describe("ForecastChart", () => {
  const counts = [5, 0, 3, 12, 1, 0, 0, 2, ...Array<number>(22).fill(0)];
  const days: DayCount[] = counts.map((n, i) => ({ key: addDays("2026-05-06", i), count: n }));
  const html = renderToStaticMarkup(<ForecastChart days={days} />);

  it("is an image named by its heading and a one-sentence summary", () => {
    expect(imageLabel(html)).toBe("Reviews due in the next 30 days 23 reviews due over the next 30 days, 5 of them today; the busiest day is May 9 with 12.");
  });

  it("draws a bar per day with cards due, on a round-numbered axis", () => {
    expect(count(html, /<rect /g)).toBe(5);
    // 12 at most, so the axis runs to 20: the busiest bar is 60% of the height.
    expect(html).toContain('<rect x="31.5" width="7" y="40" height="60"');
    expect(html).toContain("<title>5 cards due today</title>");
    expect(html).toContain("<title>12 cards due May 9</title>");
    const yLabels = [...html.matchAll(/<span class="absolute right-0 translate-y-1\/2 leading-none" style="bottom:([\d.]+)%">(\d+)<\/span>/g)].map((m) => [m[1], m[2]]);
    expect(yLabels).toEqual([
      ["0", "0"],
      ["50", "10"],
      ["100", "20"],
    ]);
    const xLabels = [...html.matchAll(/style="left:[\d.]+%">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(xLabels).toEqual(["Today", "May 13", "May 20", "May 27"]);
    expect(html).toContain("Cards due</span>");
  });

  it("has a table of every day as its text alternative", () => {
    expect(headerCells(html)).toEqual(["Day", "Cards due"]);
    const rows = tableRows(html);
    expect(rows).toHaveLength(30);
    expect(rows.slice(0, 4)).toEqual([
      ["Today (May 6)", "5"],
      ["May 7", "0"],
      ["May 8", "3"],
      ["May 9", "12"],
    ]);
    expect(rows.at(-1)).toEqual(["Jun 4", "0"]);
  });

  it("picks round axis tops and ticks", () => {
    expect([0, 1, 3, 7, 12, 20, 21, 150, 999].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 20, 50, 200, 1000]);
    expect(axisTicks(20)).toEqual([0, 10, 20]);
    expect(axisTicks(5)).toEqual([0, 5]);
    expect(axisTicks(1)).toEqual([0, 1]);
  });

  it("says nothing is due instead of drawing an empty chart", () => {
    const emptyHtml = renderToStaticMarkup(<ForecastChart days={days.map((d) => ({ ...d, count: 0 }))} />);
    expect(emptyHtml).not.toContain("<svg");
    expect(emptyHtml).not.toContain("<table");
    expect(stripTags(emptyHtml)).toContain("No reviews are due in the next 30 days.");
  });
});

describe("RetentionChart", () => {
  const weeks: WeekRetention[] = [
    { weekStart: "2026-04-13", reviews: 0, passed: 0, retention: null },
    { weekStart: "2026-04-20", reviews: 20, passed: 17, retention: 0.85 },
    { weekStart: "2026-04-27", reviews: 0, passed: 0, retention: null },
    { weekStart: "2026-05-04", reviews: 10, passed: 9, retention: 0.9 },
    { weekStart: "2026-05-11", reviews: 10, passed: 10, retention: 1 },
  ];
  const html = renderToStaticMarkup(<RetentionChart weeks={weeks} target={0.9} />);

  it("is an image named by its heading and a one-sentence summary", () => {
    expect(imageLabel(html)).toBe(
      "True retention by week Over the last 5 weeks you recalled 90% of cards in the Review state (36 of 40 reviews), against a target of 90%; 2 weeks had no such reviews and are left blank.",
    );
  });

  it("breaks the line at weeks without reviews and draws the target line", () => {
    // Axis from 50% to 100%: 85% sits at 30, 90% at 20, 100% at 0.
    expect(html).toContain('d="M15 30 M35 20 L45 0"');
    expect(count(html, /stroke-linecap="round"/g)).toBe(3);
    expect(html).toMatch(/<line x1="0" x2="50" y1="20" y2="20"[^>]*stroke-dasharray="5 4"/);
    expect(html).toContain("Target 90%</span>");
    expect(html).toContain("<title>Week of Apr 20: 85% (17 of 20 reviews)</title>");
    const yLabels = [...html.matchAll(/translate-y-1\/2 leading-none" style="bottom:([\d.]+)%">([\d%]+)<\/span>/g)].map((m) => m[2]);
    expect(yLabels).toEqual(["50%", "75%", "100%"]);
  });

  it("starts the axis at zero when a week falls below half", () => {
    expect(retentionFloor([0.5, 0.9])).toBe(0.5);
    expect(retentionFloor([0.45, 0.9])).toBe(0);
    const low = renderToStaticMarkup(<RetentionChart weeks={[{ weekStart: "2026-05-04", reviews: 4, passed: 1, retention: 0.25 }]} />);
    expect(low).toContain('d="M5 75"');
  });

  it("has a table of every week as its text alternative", () => {
    expect(headerCells(html)).toEqual(["Week of", "Reviews", "Passed", "Retention"]);
    expect(tableRows(html)).toEqual([
      ["Apr 13", "0", "0", "No reviews"],
      ["Apr 20", "20", "17", "85%"],
      ["Apr 27", "0", "0", "No reviews"],
      ["May 4", "10", "9", "90%"],
      ["May 11", "10", "10", "100%"],
    ]);
  });

  it("says there is no retention yet instead of drawing an empty chart", () => {
    const emptyHtml = renderToStaticMarkup(<RetentionChart weeks={weeks.map((w) => ({ ...w, reviews: 0, passed: 0, retention: null }))} />);
    expect(emptyHtml).not.toContain("<svg");
    expect(emptyHtml).not.toContain("<table");
    expect(stripTags(emptyHtml)).toContain("No cards in the Review state were reviewed in the last 5 weeks, so there is no retention to show yet.");
  });
});

describe("StateCounts", () => {
  const counts = { new: 40, learning: 12, review: 250, relearning: 3, suspended: 7, leech: 2 };
  const html = renderToStaticMarkup(<StateCounts counts={counts} />);

  it("is an image named by its heading and a one-sentence summary", () => {
    expect(imageLabel(html)).toBe("Cards by state 312 cards: 40 new, 12 learning, 250 in review, 3 relearning and 7 suspended; 2 leeches.");
  });

  it("stacks one segment per state that has cards", () => {
    expect(count(html, /<rect /g)).toBe(5);
    expect(html).toContain('<rect x="52" width="250" y="0" height="1"');
    expect(renderToStaticMarkup(<StateCounts counts={{ ...counts, learning: 0, relearning: 0 }} />).match(/<rect /g)).toHaveLength(3);
  });

  it("lists every figure in a description list as its text alternative", () => {
    const pairs = [...html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt><dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [stripTags(m[1] ?? ""), m[2]]);
    expect(pairs).toEqual([
      ["New", "40"],
      ["Learning", "12"],
      ["Review", "250"],
      ["Relearning", "3"],
      ["Suspended", "7"],
      ["Leeches", "2"],
    ]);
  });

  it("says there are no cards yet instead of drawing an empty bar", () => {
    const emptyHtml = renderToStaticMarkup(<StateCounts counts={{ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 }} />);
    expect(emptyHtml).not.toContain("<svg");
    expect(emptyHtml).not.toContain("<dl");
    expect(stripTags(emptyHtml)).toContain("You have no review cards yet.");
  });
});

describe("StatTile", () => {
  it("pairs a label with its figure and optional context", () => {
    const html = renderToStaticMarkup(<StatTile label="Current streak" value="12 days" detail="Longest: 40 days" />);
    expect(html).toMatch(/<dt[^>]*>Current streak<\/dt><dd[^>]*>12 days<\/dd><dd[^>]*>Longest: 40 days<\/dd>/);
  });

  it("leaves out the context line when there is none", () => {
    const html = renderToStaticMarkup(<StatTile label="Time today" value="0 s" />);
    expect(count(html, /<dd/g)).toBe(1);
  });
});

describe("several charts on one page", () => {
  it("gives each chart its own ids", () => {
    const html = renderToStaticMarkup(
      <>
        <ForecastChart days={[{ key: "2026-05-06", count: 1 }]} />
        <ForecastChart days={[{ key: "2026-05-06", count: 2 }]} />
      </>,
    );
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });
});
