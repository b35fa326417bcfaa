/**
 * `npm run bench:review`: seeds a realistic database, starts the production
 * server on it, drives the grading API at several concurrencies, times queue
 * building and measures the review page's first-load JavaScript. Results go
 * to bench-results/review-<provider>-<timestamp>.json and a Markdown table.
 * Not part of `npm test`. See docs/benchmarks.md.
 *
 *   npm run bench:review -- [--provider sqlite|postgresql|both] [--users 1000] [--cards 2000]
 *     [--queue-cards 5000] [--duration 20] [--connections 1,16,64] [--skip-seed] [--seed 1]
 *     [--port 3200] [--sqlite-file bench-results/review.db]
 *     [--pg-url postgresql://postgres@127.0.0.1:5432/systemic_bench] [--cleanup]
 *     [--sqlite-journal wal|delete]   (the app's migrations put SQLite in WAL mode; "delete" measures the old rollback journal)
 *     [--workers N]   (serve through scripts/server.ts --workers N, as `npm start -- --workers N` does;
 *                      without it, `next start`; N > 1 is PostgreSQL only)
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { root } from "../lib/env-files";
import { userId } from "./dataset";
import { measureFirstLoadJs, type FirstLoadJs } from "./first-load-js";
import { mintCookies, runGradeLoad, runQueueLoad, type LoadResult } from "./load";
import { timePureQueue, timeReviewSession, type Timing } from "./queue-timing";
import { openBenchDb } from "./raw";
import { dropPostgresDatabase, seedBenchDatabase, type Provider, type SeedSummary } from "./seed";
import { peerTable } from "./peer";
import { ensureBuilt, freePort, startServer } from "./server";
import { parseWorkers, workersRefusal } from "../lib/workers";

const { values: args } = parseArgs({
  options: {
    provider: { type: "string", default: "both" },
    users: { type: "string", default: "1000" },
    cards: { type: "string", default: "2000" },
    "queue-cards": { type: "string", default: "5000" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "1,16,64" },
    "skip-seed": { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    port: { type: "string", default: "3200" },
    "sqlite-file": { type: "string", default: "bench-results/review.db" },
    "pg-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/systemic_bench" },
    cleanup: { type: "boolean", default: false },
    "sqlite-journal": { type: "string", default: "wal" },
    "results-file": { type: "string" },
    workers: { type: "string" },
  },
  strict: true,
});

const int = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
};

const options = {
  users: int("users", args.users),
  cards: int("cards", args.cards),
  queueCards: int("queue-cards", args["queue-cards"]),
  duration: int("duration", args.duration),
  connections: args.connections!.split(",").map((c) => int("connections", c)),
  seed: int("seed", args.seed),
  port: int("port", args.port),
  sqliteJournalMode: args["sqlite-journal"] === "delete" ? "delete" : "wal",
  /** App processes (scripts/server.ts --workers N); null: `next start`, one process. */
  workers: args.workers === undefined ? null : parseWorkers(["--workers", args.workers], {}),
};
const resultsDir = path.join(root, "bench-results");
const log = (line: string) => console.log(line);

interface BenchResult {
  provider: Provider;
  startedAt: string;
  command: string;
  machine: { cpus: number; nproc: string; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverage: number[]; postgres?: string };
  options: typeof options;
  dataset: SeedSummary | { skipped: true; reviewCards?: number; reviewLogs: number; users: number };
  cookieCheck: { status: number; queueCards: number };
  load: LoadResult[];
  queueLoad: Awaited<ReturnType<typeof runQueueLoad>>[];
  queue: { pure: Timing & { queueLength: number; dueReviews: number }; session: Timing & { queueLength: number; cards: number } };
  firstLoadJs: FirstLoadJs & { landing: FirstLoadJs; reviewOnly: { scripts: number; raw: number; gzip: number; brotli: number } };
}

function machine(): BenchResult["machine"] {
  const cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  const nproc = spawnSync("nproc", { encoding: "utf8" }).stdout.trim();
  return {
    cpus: os.cpus().length,
    nproc,
    cpuModel,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const urlFor = (provider: Provider) => (provider === "sqlite" ? `file:${path.resolve(root, args["sqlite-file"]!)}` : args["pg-url"]!);

async function benchProvider(provider: Provider): Promise<BenchResult> {
  const startedAt = new Date();
  const url = urlFor(provider);
  log(`\n=== ${provider}: ${provider === "sqlite" ? path.relative(root, url.slice(5)) : url} ===`);
  const refusal = options.workers === null ? null : workersRefusal(options.workers, url);
  if (refusal) throw new Error(refusal);

  // The seeding summary is kept beside the results so --skip-seed runs still describe their data set.
  const dbName = provider === "sqlite" ? path.basename(url, ".db") : new URL(url).pathname.slice(1);
  const seedFile = path.join(resultsDir, `review-${provider}-${dbName}.seed.json`);
  let dataset: BenchResult["dataset"];
  if (args["skip-seed"]) {
    log("Seeding skipped (--skip-seed): using the existing database.");
    dataset = fs.existsSync(seedFile) ? (JSON.parse(fs.readFileSync(seedFile, "utf8")) as SeedSummary) : { skipped: true, users: 0, reviewLogs: 0 };
  } else {
    log(`Seeding ${options.users} learners × ${options.cards} cards (+1 learner with ${options.queueCards}) and a year of reviews…`);
    dataset = await seedBenchDatabase({ provider, url, users: options.users, cards: options.cards, queueCards: options.queueCards, seed: options.seed, log });
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(seedFile, `${JSON.stringify(dataset, null, 2)}\n`);
    log(`Seeded in ${dataset.seconds.total} s: ${dataset.reviewCards.toLocaleString("en")} review cards, ${dataset.reviewLogs.toLocaleString("en")} review logs.`);
  }

  const secret = crypto.randomBytes(48).toString("base64url");
  const port = await freePort(options.port);
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  await ensureBuilt(env, log);

  if (provider === "sqlite") {
    // The journal mode is stored in the file. The app's migrations switch it to
    // write-ahead logging (scripts/db/migrate.ts); the seeder turned it off, so
    // it is put back here as the app would leave it.
    const file = new Database(url.slice("file:".length));
    file.pragma(`journal_mode = ${options.sqliteJournalMode}`);
    file.close();
    log(`SQLite journal mode: ${options.sqliteJournalMode}${options.sqliteJournalMode === "wal" ? " (as the app's migrations leave it)" : " (--sqlite-journal delete experiment)"}`);
  }
  const bench = await openBenchDb(provider, url);
  const users = await bench.users();
  const queueUserId = "queueUser" in dataset ? dataset.queueUser.id : userId(users.length);
  if ("skipped" in dataset) dataset = { skipped: true, users: users.length - 1, reviewLogs: await bench.countLogs() };
  const cookies = await mintCookies(users, secret);
  const targets = await bench.gradableCards(queueUserId);
  log(`${users.length} learners, ${targets.length.toLocaleString("en")} gradable cards (not suspended, < 5 lapses) as load targets; cookies minted.`);

  const serverLog = path.join(resultsDir, `server-${provider}.log`);
  log(`Starting the production server on :${port}${options.workers === null ? " (next start)" : ` (scripts/server.ts --workers ${options.workers})`} (log: ${path.relative(root, serverLog)})…`);
  const server = await startServer(port, env, serverLog, options.workers ?? undefined);
  const load: LoadResult[] = [];
  const queueLoad: Awaited<ReturnType<typeof runQueueLoad>>[] = [];
  let cookieCheck: BenchResult["cookieCheck"];
  let firstLoadJs: BenchResult["firstLoadJs"];
  try {
    const probeUser = targets[0]!.userId;
    const check = await fetch(`${server.url}/api/v1/review/queue`, { headers: { cookie: cookies.get(probeUser)! } });
    const body = (await check.json()) as { cards?: unknown[] };
    cookieCheck = { status: check.status, queueCards: body.cards?.length ?? -1 };
    if (check.status !== 200) throw new Error(`GET /api/v1/review/queue with a minted cookie answered ${check.status}: ${JSON.stringify(body)}`);
    log(`Minted cookie works: GET /api/v1/review/queue → 200 with ${cookieCheck.queueCards} cards.`);

    const tag = `b${provider === "sqlite" ? "s" : "p"}${Date.now().toString(36)}`;
    log("Warm-up: 5 s at 16 connections (not reported)…");
    await runGradeLoad({ url: server.url, connections: 16, durationSeconds: 5, targets, cookies, runTag: `${tag}w`, seed: options.seed, db: bench, serverPid: server.pid });
    for (const [i, connections] of options.connections.entries()) {
      const result = await runGradeLoad({ url: server.url, connections, durationSeconds: options.duration, targets, cookies, runTag: `${tag}c${connections}`, seed: options.seed + i + 1, db: bench, serverPid: server.pid });
      load.push(result);
      log(
        `  ${String(connections).padStart(3)} connections: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
          `non-2xx ${result.non2xx}, errors ${result.socketErrors}; outcomes ${JSON.stringify(result.outcomes)}; ` +
          `server CPU ${result.serverCpuMsPerRequest} ms/req; log rows +${result.exactlyOnce.logRowsAdded} for ${result.exactlyOnce.applied} applied (${result.exactlyOnce.inFlightAtStop} in flight at stop) ${result.exactlyOnce.ok ? "✓" : "✗ MISMATCH"}; ` +
          `cores used: server ${result.cpu.server}, postgres ${result.cpu.postgres}, load generator ${result.cpu.loadGenerator}, other ${result.cpu.other}; peak RSS ${result.peakRssMiB} MiB`,
      );
    }

    // Today's queue for the 2,000-card learners, the whole day and a first screenful, at 16 connections.
    const learners = [...new Set(targets.map((t) => t.userId))].slice(0, 200);
    for (const limit of [undefined, 20]) {
      const q = await runQueueLoad({ url: server.url, connections: 16, durationSeconds: Math.min(options.duration, 15), userIds: learners, cookies, seed: options.seed + 50, limit, serverPid: server.pid });
      queueLoad.push(q);
      log(`  queue${limit ? `?limit=${limit}` : " (whole day)"} at 16 connections: ${q.requestsPerSecond.toFixed(0)} req/s, p50 ${q.latencyMs.p50} ms, p99 ${q.latencyMs.p99} ms, non-2xx ${q.non2xx}, mean body ${q.meanBodyKB} KB raw, ${q.meanGzipKB} KB gzip, server CPU ${q.serverCpuMsPerRequest} ms/req, peak RSS ${q.peakRssMiB} MiB`);
    }

    const review = await measureFirstLoadJs(server.url, "/review", cookies.get(probeUser)!);
    // The public landing page: what every page of the app loads anyway (framework baseline).
    const landing = await measureFirstLoadJs(server.url, "/", "");
    const shared = new Set(landing.all.map((s) => s.path));
    const own = review.all.filter((s) => !shared.has(s.path));
    const sum = (k: "raw" | "gzip" | "brotli") => own.reduce((t, s) => t + s[k], 0);
    firstLoadJs = { ...review, landing, reviewOnly: { scripts: own.length, raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
    log(`First-load JS of /review: ${review.scripts} scripts, ${kb(review.gzip)} KB gzip (${kb(review.brotli)} KB brotli, ${kb(review.raw)} KB raw); landing page "/" ${kb(landing.gzip)} KB gzip; /review's own chunks ${kb(firstLoadJs.reviewOnly.gzip)} KB gzip.`);
    for (const s of review.all.slice(0, 8)) log(`    ${kb(s.gzip).padStart(6)} KB gzip  ${s.path}  ${s.contains.join(", ")}`);
    if (review.nomodule.length) log(`    (not counted: ${review.nomodule.length} nomodule polyfill script(s), ${kb(review.nomodule.reduce((t, s) => t + s.gzip, 0))} KB gzip, loaded only by legacy browsers)`);
  } finally {
    await server.stop();
    await bench.close();
  }

  log(`Queue building: pure buildQueue on a synthetic ${options.queueCards}-card learner (1,000 runs)…`);
  const pure = timePureQueue(options.queueCards, 1000, options.seed);
  log(`  p50 ${pure.p50} ms, p95 ${pure.p95} ms (queue of ${pure.queueLength})`);
  log(`getReviewSession for the seeded ${options.queueCards}-card learner ${queueUserId} (50 runs)…`);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET = secret;
  const session = await timeReviewSession(queueUserId, "America/Chicago", 50);
  log(`  p50 ${session.p50} ms, p95 ${session.p95} ms (queue of ${session.queueLength}, ${session.cards} cards)`);

  return {
    provider,
    startedAt: startedAt.toISOString(),
    command: process.env.BENCH_COMMAND ?? `npm run bench:review -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: { ...machine(), ...(provider === "postgresql" ? { postgres: await postgresVersion(url) } : {}) },
    options,
    dataset,
    cookieCheck,
    load,
    queueLoad,
    queue: { pure, session },
    firstLoadJs,
  };
}

async function postgresVersion(url: string): Promise<string> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function markdown(results: BenchResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const d = r.dataset;
    lines.push(`### ${r.provider}`, "");
    lines.push(
      "skipped" in d
        ? `Dataset: existing database (${d.users} learners, ${d.reviewLogs.toLocaleString("en")} review logs).`
        : `Dataset: ${d.users} learners × ${d.cardsPerUser} cards (+1 with ${d.queueUser.cards}); ${d.reviewCards.toLocaleString("en")} review cards, ${d.reviewLogs.toLocaleString("en")} review logs; seeded in ${d.seconds.total} s.`,
      "",
    );
    lines.push(
      `Server: ${r.options.workers == null ? "next start (one process)" : `scripts/server.ts --workers ${r.options.workers}`}; server CPU and peak RSS are summed over its processes.`,
      "",
      "| connections | req/s | p50 ms | p99 ms | non-2xx | socket errors | log rows added / applied | server CPU ms/req | cores: server / postgres / load gen / other | server peak RSS MiB |",
      "|---:|---:|---:|---:|---:|---:|---|---:|---|---:|",
    );
    for (const l of r.load) {
      lines.push(
        `| ${l.connections} | ${l.requestsPerSecond.toFixed(0)} | ${l.latencyMs.p50} | ${l.latencyMs.p99} | ${l.non2xx} | ${l.socketErrors} | ` +
          `${l.exactlyOnce.logRowsAdded} / ${l.exactlyOnce.applied}${l.exactlyOnce.ok ? "" : " ✗"} | ${l.serverCpuMsPerRequest ?? "–"} | ${l.cpu.server} / ${l.cpu.postgres} / ${l.cpu.loadGenerator} / ${l.cpu.other} | ${l.peakRssMiB} |`,
      );
    }
    lines.push("");
    lines.push(`Queue building: pure buildQueue (${r.options.queueCards} cards) p50 ${r.queue.pure.p50} ms, p95 ${r.queue.pure.p95} ms; getReviewSession p50 ${r.queue.session.p50} ms, p95 ${r.queue.session.p95} ms.`);
    const js = r.firstLoadJs;
    lines.push(`First-load JS of /review: ${js.scripts} scripts, ${kb(js.gzip)} KB gzip, ${kb(js.brotli)} KB brotli, ${kb(js.raw)} KB raw (landing page: ${kb(js.landing.gzip)} KB gzip; /review's own chunks: ${kb(js.reviewOnly.gzip)} KB gzip).`, "");
  }
  return lines.join("\n");
}

function writeResult(result: BenchResult): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = args["results-file"] ?? path.join(resultsDir, `review-${result.provider}-${result.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

async function main(): Promise<number> {
  const provider = args.provider;
  if (provider === "both") {
    // One process per provider: lib/db.ts binds its client to DATABASE_URL on import.
    const files: string[] = [];
    for (const p of ["sqlite", "postgresql"] as const) {
      const file = path.join(resultsDir, `.last-${p}.json`);
      const passThrough = process.argv.slice(2).filter((a, i, all) => a !== "--provider" && all[i - 1] !== "--provider" && !a.startsWith("--provider="));
      const child = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(root, "scripts/bench/review.ts"), ...passThrough, "--provider", p, "--results-file", file], {
        stdio: "inherit",
        cwd: root,
        env: { ...process.env, BENCH_COMMAND: `npm run bench:review -- ${process.argv.slice(2).join(" ")}`.trim() },
      });
      if (child.status !== 0) return child.status ?? 1;
      files.push(file);
    }
    const results = files.map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as BenchResult);
    const kept = results.map((r, i) => {
      const file = path.join(resultsDir, `review-${r.provider}-${r.startedAt.replace(/[:.]/g, "-")}.json`);
      fs.renameSync(files[i]!, file);
      return path.relative(root, file);
    });
    console.log(`\nResults: ${kept.join(", ")}\n\n${markdown(results)}\n\n${peerTable(results)}`);
    return 0;
  }
  if (provider !== "sqlite" && provider !== "postgresql") throw new Error(`--provider must be sqlite, postgresql or both, got ${provider}`);
  const result = await benchProvider(provider);
  const file = writeResult(result);
  console.log(`\nResults: ${path.relative(root, file)}\n\n${markdown([result])}\n\n${peerTable([result])}`);
  if (args.cleanup) {
    if (provider === "postgresql") await dropPostgresDatabase(urlFor(provider));
    else for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(urlFor(provider).slice(5) + suffix, { force: true });
    console.log("Benchmark database removed (--cleanup).");
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`\nBenchmark failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
