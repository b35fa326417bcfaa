/**
 * `npm start`: prepares the database and content, builds when the sources
 * changed since the last build, then serves the production app on PORT
 * (default 3000).
 *
 *   npm start -- --workers 2     (or WORKERS=2: two app processes on the port; PostgreSQL only)
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { db } from "@/lib/db";
import { buildInputsHash, buildIsCurrent, markBuilt } from "./lib/build-hash";
import { loadEnvFiles, root } from "./lib/env-files";
import { prepare } from "./lib/prepare";
import { serverNodeFlags } from "./lib/server-heap";
import { workersFor } from "./lib/workers";

const started = Date.now();
// Checked first, so a bad SERVER_HEAP_MB is reported before any work.
let nodeFlags: string[];
try {
  nodeFlags = serverNodeFlags();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// So is a bad --workers, or more than one process on SQLite (DATABASE_URL may come from .env).
loadEnvFiles();
const asked = workersFor();
if (!asked.ok) {
  console.error(asked.message);
  process.exit(1);
}
const workers = asked.workers;
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const serwistBin = path.join(root, "node_modules/@serwist/cli/dist/bin.mjs");

try {
  await prepare();
} catch (error) {
  console.error(`\nSystemic could not prepare its database: ${(error as Error).message}`);
  process.exit(1);
} finally {
  await db.$disconnect();
}

const hash = buildInputsHash();
const serviceWorker = path.join(root, "public/sw.js");
if (!buildIsCurrent(hash) || !fs.existsSync(serviceWorker)) {
  console.log("Building the production app (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" } });
  if (build.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(build.status ?? 1);
  }
  // The service worker is built after Next, so its precache list sees the finished build.
  const sw = spawnSync(process.execPath, [serwistBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (sw.status !== 0) {
    console.error("Building the service worker failed; see the messages above.");
    process.exit(sw.status ?? 1);
  }
  markBuilt(hash);
}

const port = process.env.PORT ?? "3000";
// scripts/server.ts serves Next behind a Node server that passes on the client's socket address (see TRUSTED_PROXY_HOPS).
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
// The heap limit goes in NODE_OPTIONS: tsx runs the script in a child process that does not get the launcher's
// flags, and every app process the cluster forks reads NODE_OPTIONS too.
const nodeOptions = [process.env.NODE_OPTIONS, ...nodeFlags].filter(Boolean).join(" ");
const server = spawn(process.execPath, [tsxCli, path.join(root, "scripts/server.ts"), "--workers", String(workers)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1", ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
});
console.log(`\nSystemic is starting on http://localhost:${port}${workers > 1 ? ` with ${workers} app processes` : ""} (prepared in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log("Demo accounts:");
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}  /  ${a.password}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
