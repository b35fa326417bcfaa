/**
 * The production server as `npm start` serves it: built with the same
 * build-hash check (rebuilt only when the sources changed), then
 * `next start` with NODE_ENV=production; with `workers` set, through
 * scripts/server.ts with `--workers N`, exactly as `npm start -- --workers N`
 * runs it (N app processes under a node:cluster primary when N > 1).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { buildInputsHash, buildIsCurrent, markBuilt } from "../lib/build-hash";
import { serverNodeFlags } from "../lib/server-heap";
import { root } from "../lib/env-files";

const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const serwistBin = path.join(root, "node_modules/@serwist/cli/dist/bin.mjs");

function runBuild(env: Record<string, string>): Promise<{ status: number | null; busy: boolean }> {
  return new Promise((resolve) => {
    const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env, NODE_ENV: "production" } });
    let busy = false;
    const relay = (chunk: Buffer, to: NodeJS.WriteStream) => {
      if (chunk.toString().includes("Another next build process is already running")) busy = true;
      to.write(chunk);
    };
    build.stdout.on("data", (chunk: Buffer) => relay(chunk, process.stdout));
    build.stderr.on("data", (chunk: Buffer) => relay(chunk, process.stderr));
    build.on("close", (status) => resolve({ status, busy }));
  });
}

/**
 * Builds the production app unless the last build matches the current
 * sources (the check `npm start` makes). When another `next build` holds
 * the build lock (someone else building the same tree), waits for it and
 * checks again. Returns whether it built.
 */
export async function ensureBuilt(env: Record<string, string>, log: (line: string) => void): Promise<boolean> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const hash = buildInputsHash();
    if (buildIsCurrent(hash)) {
      log("  production build is current");
      return false;
    }
    log("  building the production app (sources changed since the last build)…");
    const started = performance.now();
    const { status, busy } = await runBuild(env);
    if (status === 0) {
      // The service worker is built from the finished build, as `npm start` does (docs/offline.md).
      const sw = spawnSync(process.execPath, [serwistBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, ...env, NODE_ENV: "production" } });
      if (sw.status !== 0) throw new Error(`serwist build failed (exit ${sw.status})`);
      markBuilt(hash);
      log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      return true;
    }
    if (!busy || Date.now() > deadline) throw new Error(`next build failed (exit ${status})`);
    log("  another next build is running in this tree; waiting 20 s and checking again…");
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
}

/** The first port from `start` on that nothing listens on (127.0.0.1). */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${start}–${start + 99}`);
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the server on `port` and waits until /api/health answers ok: `next start`, or with
 * `workers` scripts/server.ts --workers N as `npm start` runs it. Output goes to `logFile`.
 * `pid` is the process started; the server's processes are it and its descendants.
 */
export async function startServer(port: number, env: Record<string, string>, logFile: string, workers?: number): Promise<RunningServer> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, "w");
  // The same heap limit as `npm start` (scripts/lib/server-heap.ts); with several processes each has it.
  // Through tsx it goes in NODE_OPTIONS, as `npm start` passes it (tsx's child and the cluster's processes read it there).
  const heap = serverNodeFlags(env.SERVER_HEAP_MB ?? process.env.SERVER_HEAP_MB);
  const nodeOptions = [process.env.NODE_OPTIONS, ...heap].filter(Boolean).join(" ");
  const command = workers === undefined ? [...heap, nextBin, "start", "-p", String(port)] : [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/server.ts"), "--workers", String(workers)];
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd: root,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
      ...(workers !== undefined && nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    },
    // Its own process group, so stopping it reaches the cluster primary and every app process.
    detached: workers !== undefined,
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const signal = (name: NodeJS.Signals) => {
    try {
      if (workers === undefined) child.kill(name);
      else process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (running) {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 12_000);
      await exited;
      clearTimeout(timer);
    }
    // Whatever of the group outlived the process started (nothing, normally).
    if (workers !== undefined) signal("SIGKILL");
    fs.closeSync(out);
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`the server exited during start-up; see ${path.relative(root, logFile)}`);
    try {
      const response = await fetch(`${url}/api/health`);
      // With several processes, ready when each has answered (each new connection goes to the next process).
      if (response.ok && ((await response.json()) as { ok?: boolean }).ok && (workers === undefined || workers < 2 || (await processesAnswering(url, workers)) >= workers)) {
        return { url, pid: child.pid!, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not become healthy within 90 s; see ${path.relative(root, logFile)}`);
}

/** The app processes (X-Systemic-Worker) that answer `count * 4` health checks, each on a new connection. */
export async function processesAnswering(url: string, count: number): Promise<number> {
  const seen = new Set<string>();
  for (let i = 0; i < count * 4 && seen.size < count; i++) {
    const worker = await new Promise<string | undefined>((resolve) => {
      const request = http.get(`${url}/api/health`, { agent: false }, (response) => {
        response.resume();
        resolve(response.headers["x-systemic-worker"] as string | undefined);
      });
      request.on("error", () => resolve(undefined));
    });
    if (worker) seen.add(worker);
  }
  return seen.size;
}
