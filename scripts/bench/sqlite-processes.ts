/**
 * Can several app processes share one SQLite file? Seeds a small SQLite
 * bench database (WAL, as the app's migrations leave it), then grades it
 * through the app's own submitGrade from 1 and from 2 processes at once
 * (each keeping `--concurrency` grades in flight, as a busy server does) and
 * counts outcomes, errors and the longest event-loop stall of each process.
 * The evidence behind refusing `--workers N` > 1 on SQLite (scripts/lib/workers.ts).
 *
 *   npx tsx --conditions=react-server scripts/bench/sqlite-processes.ts [--duration 10] [--concurrency 16] [--processes 1,2]
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { root } from "../lib/env-files";
import { openBenchDb } from "./raw";
import { seedBenchDatabase } from "./seed";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    concurrency: { type: "string", default: "16" },
    processes: { type: "string", default: "1,2" },
    file: { type: "string", default: "bench-results/sqlite-processes.db" },
    child: { type: "string" },
  },
});
const file = path.resolve(root, args.file!);
const url = `file:${file}`;
const duration = Number(args.duration);
const concurrency = Number(args.concurrency);

interface ChildReport {
  outcomes: Record<string, number>;
  errors: Record<string, number>;
  applied: number;
  maxStallMs: number;
}

if (args.child) {
  // One app process: grades random cards for `duration` seconds with `concurrency` in flight.
  process.env.DATABASE_URL = url;
  const { submitGrade } = await import("../../lib/srs/reviews");
  const bench = await openBenchDb("sqlite", url);
  const users = await bench.users();
  const targets = await bench.gradableCards(users.at(-1)!.id);
  await bench.close();
  const stall = monitorEventLoopDelay({ resolution: 10 });
  stall.enable();
  const report: ChildReport = { outcomes: {}, errors: {}, applied: 0, maxStallMs: 0 };
  const end = Date.now() + duration * 1000;
  let n = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const t = targets[Math.floor(Math.random() * targets.length)]!;
      try {
        const outcome = await submitGrade(t.userId, { id: `${args.child}-${(n++).toString(36)}`, cardId: t.cardId, rating: 3, durationMs: 4000 });
        const key = "reason" in outcome && outcome.reason ? `${outcome.status}:${outcome.reason}` : outcome.status;
        report.outcomes[key] = (report.outcomes[key] ?? 0) + 1;
        if (outcome.status === "applied") report.applied++;
      } catch (error) {
        // Prisma's message starts with the call; the driver's reason is its last line.
        const message = ((error as Error).message ?? String(error)).split("\n").filter((l) => l.trim() !== "").at(-1)?.trim().slice(0, 120) ?? "error";
        report.errors[message] = (report.errors[message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  stall.disable();
  report.maxStallMs = Math.round(stall.max / 1e6);
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

console.log(`Seeding ${path.relative(root, file)} (50 learners × 200 cards)…`);
await seedBenchDatabase({ provider: "sqlite", url, users: 50, cards: 200, queueCards: 200, seed: 1, log: () => {} });
const wal = new Database(file);
wal.pragma("journal_mode = wal");
wal.close();

function runChild(tag: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", import.meta.filename, "--child", tag, "--file", args.file!, "--duration", String(duration), "--concurrency", String(concurrency)], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("REPORT "));
      if (!line) return reject(new Error(`child ${tag} exited ${code} without a report:\n${out}`));
      resolve(JSON.parse(line.slice(7)) as ChildReport);
    });
  });
}

for (const processes of args.processes!.split(",").map(Number)) {
  const bench = await openBenchDb("sqlite", url);
  const before = await bench.countLogs();
  const tag = `sp${processes}${Date.now().toString(36)}`;
  const reports = await Promise.all(Array.from({ length: processes }, (_, i) => runChild(`${tag}p${i}`)));
  const added = (await bench.countLogs()) - before;
  await bench.close();
  const applied = reports.reduce((s, r) => s + r.applied, 0);
  console.log(`\n${processes} process(es), ${concurrency} grades in flight each, ${duration} s:`);
  reports.forEach((r, i) => console.log(`  process ${i + 1}: outcomes ${JSON.stringify(r.outcomes)}; errors ${JSON.stringify(r.errors)}; longest event-loop stall ${r.maxStallMs} ms`));
  console.log(`  applied ${applied} (${(applied / duration).toFixed(0)} grades/s), log rows added ${added}${added === applied ? " ✓" : " ✗"}`);
}
