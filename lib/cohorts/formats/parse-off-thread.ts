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
import os from "node:os";
import path from "node:path";
import type { Worker as WorkerThread, WorkerOptions } from "node:worker_threads";
import type { DraftImportResult } from "./draft";
import type { ImportResult } from "./schema";

// The bundler must not follow the worker, esbuild or the project root: when it
// does, it traces the whole project as modules (README, YAML and all) and the
// build fails. Node's own modules reached through process.getBuiltinModule
// are opaque to its static analysis and resolve as usual at run time.
const builtin = <T>(id: string): T => (process as unknown as { getBuiltinModule(id: string): T }).getBuiltinModule(id);
const projectRoot = () => process.env.SYSTEMIC_ROOT ?? process["cwd"]();

/** How long a file may take to read before the parse is stopped. */
export const PARSE_TIME_LIMIT_MS = 10_000;
/** Heap for the worker: a 1 MB file needs a few tens of MB at most. */
const WORKER_HEAP_MB = 256;

export type OffThreadParse<R = ImportResult> = { ok: true; result: R } | { ok: false; reason: "too-slow" | "failed"; message: string };

let bundle: Promise<string> | null = null;

async function workerBundle(): Promise<string> {
  const out = path.join(os.tmpdir(), `systemic-import-worker-${process.pid}.cjs`);
  // No filesystem calls with computed paths here: the bundler would trace the whole project for them.
  if (bundle !== null) return bundle;
  bundle = (async () => {
    const fromRoot = builtin<typeof import("node:module")>("node:module").createRequire([projectRoot(), "package.json"].join(path.sep));
    const esbuild = fromRoot("esbuild") as typeof import("esbuild");
    const root = projectRoot();
    await esbuild.build({
      entryPoints: [[root, "lib", "cohorts", "formats", "parse-worker.ts"].join(path.sep)],
      outfile: out,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: true,
      tsconfig: [root, "tsconfig.json"].join(path.sep),
      logLevel: "silent",
    });
    return out;
  })();
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}

export function parseImportOffThread(format: "csv" | "gift", text: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<OffThreadParse> {
  return runOffThread<ImportResult>({ format, text }, limitMs);
}

/** The file read as drafts (readGiftDrafts / readCsvDrafts), off the event loop like parseImportOffThread. */
export function readDraftsOffThread(format: "csv" | "gift", text: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<OffThreadParse<DraftImportResult>> {
  return runOffThread<DraftImportResult>({ format, text, drafts: true }, limitMs);
}

async function runOffThread<R>(workerData: { format: "csv" | "gift"; text: string; drafts?: boolean }, limitMs: number): Promise<OffThreadParse<R>> {
  const file = await workerBundle();
  const { Worker: ThreadWorker } = builtin<{ Worker: new (file: string, options: WorkerOptions) => WorkerThread }>("node:worker_threads");
  return new Promise<OffThreadParse<R>>((resolve) => {
    const worker = new ThreadWorker(file, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (outcome: OffThreadParse<R>) => {
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
    worker.once("message", (message: { ok: true; result: R } | { ok: false; error: string }) =>
      settle(message.ok ? { ok: true, result: message.result } : { ok: false, reason: "failed", message: `The file could not be read: ${message.error}` }),
    );
    worker.once("error", (error) => {
      // The bundle may have been removed from the temporary folder since it was built: build it again next time.
      if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" || (error as NodeJS.ErrnoException).code === "ENOENT") bundle = null;
      settle({ ok: false, reason: "failed", message: `The file could not be read: ${error.message}` });
    });
    worker.once("exit", (code) => settle({ ok: false, reason: "failed", message: `The file could not be read (the reader stopped with code ${code}).` }));
  });
}
