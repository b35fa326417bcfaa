/**
 * Reads an instructor's import file in a worker thread with a time limit.
 * The parsers are linear, but a file is the one input a user can make
 * arbitrarily strange, so the parse never runs on the request's event loop:
 * if it takes longer than the limit the worker is terminated and the
 * instructor is told the file took too long to read, while every other
 * request keeps being served.
 *
 * The worker runs a CommonJS bundle of parse-worker.ts that esbuild writes
 * once per process (a few hundred milliseconds) into the system's temporary
 * folder, so it works the same under `next start`, `next dev` and Vitest.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ImportResult } from "./schema";

/** How long a file may take to read before the parse is stopped. */
export const PARSE_TIME_LIMIT_MS = 10_000;
/** Heap for the worker: a 1 MB file needs a few tens of MB at most. */
const WORKER_HEAP_MB = 256;

export type OffThreadParse = { ok: true; result: ImportResult } | { ok: false; reason: "too-slow" | "failed"; message: string };

let bundle: Promise<string> | null = null;

async function workerBundle(): Promise<string> {
  const out = path.join(os.tmpdir(), `systemic-import-worker-${process.pid}.cjs`);
  if (bundle !== null && existsSync(out)) return bundle;
  bundle = (async () => {
    const esbuild = await import("esbuild");
    const root = process.cwd();
    await esbuild.build({
      entryPoints: [path.join(root, "lib/cohorts/formats/parse-worker.ts")],
      outfile: out,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: true,
      tsconfig: path.join(root, "tsconfig.json"),
      logLevel: "silent",
    });
    return out;
  })();
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}

export async function parseImportOffThread(format: "csv" | "gift", text: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<OffThreadParse> {
  const file = await workerBundle();
  return new Promise<OffThreadParse>((resolve) => {
    const worker = new Worker(file, { workerData: { format, text }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (outcome: OffThreadParse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        settle({
          ok: false,
          reason: "too-slow",
          message: `This file took too long to read (more than ${Math.round(limitMs / 1000)} s), so nothing was imported. Check it for very long lines or unusual characters, or split it into smaller files.`,
        }),
      limitMs,
    );
    worker.once("message", (message: { ok: true; result: ImportResult } | { ok: false; error: string }) =>
      settle(message.ok ? { ok: true, result: message.result } : { ok: false, reason: "failed", message: `The file could not be read: ${message.error}` }),
    );
    worker.once("error", (error) => settle({ ok: false, reason: "failed", message: `The file could not be read: ${error.message}` }));
    worker.once("exit", (code) => settle({ ok: false, reason: "failed", message: `The file could not be read (the reader stopped with code ${code}).` }));
  });
}
