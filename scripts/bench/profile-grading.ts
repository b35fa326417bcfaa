/**
 * `npx tsx --conditions=react-server scripts/bench/profile-grading.ts --sqlite-file bench-results/review-200.db [--load grades|queue|queue-first]`
 * Starts the built production server under the V8 CPU profiler, grades (or,
 * with `--load queue`, asks for today's queue, `queue-first` with
 * `?limit=20`) for `--duration` seconds at `--connections`, stops, and
 * prints the functions with the most self time (grouped by package). For
 * finding what a request costs; the figures themselves come from
 * `npm run bench:review`.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { root } from "../lib/env-files";
import { mintCookies, runGradeLoad, runQueueLoad } from "./load";
import { openBenchDb } from "./raw";
import { freePort } from "./server";

const { values: args } = parseArgs({
  options: {
    "sqlite-file": { type: "string", default: "bench-results/review.db" },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    out: { type: "string", default: "bench-results/profile" },
    load: { type: "string", default: "grades" },
  },
});
if (!["grades", "queue", "queue-first"].includes(args.load!)) throw new Error(`--load must be grades, queue or queue-first, got ${args.load}`);
const url = `file:${path.resolve(root, args["sqlite-file"]!)}`;
const outDir = path.resolve(root, args.out!);
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const secret = crypto.randomBytes(48).toString("base64url");
const port = await freePort(3260);
const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NODE_ENV: "production" as const };
const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${outDir}`, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  if (i > 120) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 500));
}
const bench = await openBenchDb("sqlite", url);
const users = await bench.users();
const cookies = await mintCookies(users, secret);
if (args.load === "grades") {
  const targets = await bench.gradableCards(users.at(-1)!.id);
  await runGradeLoad({ url: base, connections: 16, durationSeconds: 3, targets, cookies, runTag: `pw${Date.now().toString(36)}`, seed: 7, db: bench, serverPid: child.pid! });
  const result = await runGradeLoad({ url: base, connections: Number(args.connections), durationSeconds: Number(args.duration), targets, cookies, runTag: `p${Date.now().toString(36)}`, seed: 9, db: bench, serverPid: child.pid! });
  console.log(`${result.requestsPerSecond.toFixed(0)} req/s, server CPU ${result.serverCpuMsPerRequest} ms/req`);
} else {
  const queue = { url: base, userIds: users.map((u) => u.id), cookies, serverPid: child.pid!, ...(args.load === "queue-first" ? { limit: 20 } : {}) };
  await runQueueLoad({ ...queue, connections: 16, durationSeconds: 3, seed: 7 });
  const result = await runQueueLoad({ ...queue, connections: Number(args.connections), durationSeconds: Number(args.duration), seed: 9 });
  console.log(JSON.stringify(result));
}
await bench.close();
child.kill("SIGINT");
await new Promise((r) => child.on("exit", r));
await new Promise((r) => setTimeout(r, 1000));

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
for (const file of fs.readdirSync(outDir).filter((f) => f.endsWith(".cpuprofile"))) {
  const profile = JSON.parse(fs.readFileSync(path.join(outDir, file), "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  if (total < 1e6) continue;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    const u = node.callFrame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? (u.includes(".next/") ? "app (.next)" : u.startsWith("node:") || u === "" ? `(${node.callFrame.functionName || "native"})` : u);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
    const key = `${node.callFrame.functionName || "(anonymous)"} ${u.replace(/^.*node_modules\//, "")}:${node.callFrame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
  }
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s of samples`);
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log("  top functions:");
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k.slice(0, 150)}`);
}
process.exit(0);
