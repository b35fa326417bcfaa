/**
 * `npm run bench:import`: how long each pathological import file (just under
 * the 1,000,000-character upload limit) takes to read, against a normal file
 * of the same size, and how long the event loop is blocked while the server
 * reads it (in-process versus in the worker thread the app uses).
 * Prints a Markdown table for docs/benchmarks.md.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseGift } from "@/lib/cohorts/formats/gift-reader";
import { parseItemsCsv } from "@/lib/cohorts/formats/csv";
import { parseImportOffThread } from "@/lib/cohorts/formats/parse-off-thread";
import { normalFile, pathologicalFiles } from "../../tests/fixtures/imports/pathological";

const RUNS = 3;
const parse = (format: "csv" | "gift", text: string) => (format === "csv" ? parseItemsCsv(text) : parseGift(text));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeInProcess(format: "csv" | "gift", text: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parse(format, text);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Wall time of the off-thread read and the longest event-loop stall meanwhile. */
async function timeOffThread(format: "csv" | "gift", text: string): Promise<{ ms: number; maxStallMs: number; outcome: string }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const start = performance.now();
  const read = await parseImportOffThread(format, text);
  const ms = performance.now() - start;
  histogram.disable();
  const outcome = read.ok ? `${read.result.items.length} items, ${read.result.problems.length} problems` : read.reason;
  return { ms, maxStallMs: histogram.max / 1e6, outcome };
}

const normal = { gift: normalFile("gift"), csv: normalFile("csv") };
const baseline = { gift: timeInProcess("gift", normal.gift), csv: timeInProcess("csv", normal.csv) };
await parseImportOffThread("csv", "warm-up"); // builds the worker bundle once

console.log(`| file | characters | read in-process (median of ${RUNS}) | ratio to a normal file | read in the worker | longest event-loop stall meanwhile | outcome |`);
console.log("|---|---:|---:|---:|---:|---:|---|");
const rows = [
  { name: "normal GIFT file (the bank, repeated)", format: "gift" as const, text: normal.gift },
  { name: "normal CSV file (the bank, repeated)", format: "csv" as const, text: normal.csv },
  ...pathologicalFiles(),
];
for (const file of rows) {
  const inProcess = timeInProcess(file.format, file.text);
  const off = await timeOffThread(file.format, file.text);
  const ratio = inProcess / baseline[file.format];
  console.log(
    `| ${file.name} | ${file.text.length.toLocaleString("en")} | ${inProcess.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${off.ms.toFixed(0)} ms | ${off.maxStallMs.toFixed(0)} ms | ${off.outcome} |`,
  );
}
