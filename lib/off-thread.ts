/**
 * Runs a file reader in a worker thread with a time limit, so no upload,
 * however strange, holds up the server's event loop: when the reader takes
 * longer than the limit the worker is terminated and the user is told the
 * file took too long to read, while every other request keeps being served.
 *
 * The worker runs a CommonJS bundle of its entry module that esbuild writes
 * once per process (a few hundred milliseconds) into the system's temporary
 * folder, so it works the same under `next start`, `next dev` and Vitest.
 * Packages named in `external` stay out of the bundle (native modules); the
 * bundle lives outside the project, so the entry loads them with
 * `createRequire` from the project root it is given as `workerData.root`.
 */
import os from "node:os";
import path from "node:path";
import type { Worker as WorkerThread, WorkerOptions } from "node:worker_threads";

// The bundler must not follow the worker, esbuild or the project root: when it
// does, it traces the whole project as modules (README, YAML and all) and the
// build fails. Node's own modules reached through process.getBuiltinModule
// are opaque to its static analysis and resolve as usual at run time.
const builtin = <T>(id: string): T => (process as unknown as { getBuiltinModule(id: string): T }).getBuiltinModule(id);

/** The project's root folder (where package.json is). */
export const projectRoot = () => process.env.SYSTEMIC_ROOT ?? process["cwd"]();

export type OffThreadOutcome<R> = { ok: true; result: R } | { ok: false; reason: "too-slow" | "failed"; message: string };

export interface WorkerEntry {
  /** Names the bundle in the temporary folder. */
  name: string;
  /** The entry module's path from the project root, one segment per element. */
  entry: readonly string[];
  /** Packages loaded at run time instead of bundled. */
  external?: readonly string[];
}

const bundles = new Map<string, Promise<string>>();

function workerBundle(worker: WorkerEntry): Promise<string> {
  // No filesystem calls with computed paths here: the bundler would trace the whole project for them.
  const built = bundles.get(worker.name);
  if (built) return built;
  const bundle = (async () => {
    const out = path.join(os.tmpdir(), `systemic-${worker.name}-worker-${process.pid}.cjs`);
    const root = projectRoot();
    const fromRoot = builtin<typeof import("node:module")>("node:module").createRequire([root, "package.json"].join(path.sep));
    const esbuild = fromRoot("esbuild") as typeof import("esbuild");
    await esbuild.build({
      entryPoints: [[root, ...worker.entry].join(path.sep)],
      outfile: out,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: true,
      external: [...(worker.external ?? [])],
      tsconfig: [root, "tsconfig.json"].join(path.sep),
      logLevel: "silent",
    });
    return out;
  })();
  bundles.set(worker.name, bundle);
  bundle.catch(() => bundles.delete(worker.name));
  return bundle;
}

export interface OffThreadOptions {
  limitMs: number;
  /** Heap for the worker's JavaScript objects (buffers are counted apart). */
  heapMb: number;
  /** Buffers moved to the worker instead of copied. */
  transferList?: readonly ArrayBuffer[];
}

/**
 * Runs the worker on `workerData` (plus `root`, the project root) and
 * resolves with what it posts: `{ ok: true, result }`, or `{ ok: false,
 * error }` for a failure it caught. Never rejects.
 */
export async function runOffThread<R>(worker: WorkerEntry, workerData: Record<string, unknown>, options: OffThreadOptions): Promise<OffThreadOutcome<R>> {
  let file: string;
  try {
    file = await workerBundle(worker);
  } catch (error) {
    console.error(`[off-thread] could not build the ${worker.name} worker`, error);
    return { ok: false, reason: "failed", message: "The file could not be read (the reader did not start). Please try again." };
  }
  const { Worker: ThreadWorker } = builtin<{ Worker: new (file: string, options: WorkerOptions) => WorkerThread }>("node:worker_threads");
  const { limitMs, heapMb, transferList } = options;
  return new Promise<OffThreadOutcome<R>>((resolve) => {
    const thread = new ThreadWorker(file, {
      workerData: { ...workerData, root: projectRoot() },
      transferList: transferList ? [...transferList] : undefined,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let settled = false;
    const settle = (outcome: OffThreadOutcome<R>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
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
    thread.once("message", (message: { ok: true; result: R } | { ok: false; error: string }) =>
      settle(message.ok ? { ok: true, result: message.result } : { ok: false, reason: "failed", message: `The file could not be read: ${message.error}` }),
    );
    thread.once("error", (error) => {
      // The bundle may have been removed from the temporary folder since it was built: build it again next time.
      if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" || (error as NodeJS.ErrnoException).code === "ENOENT") bundles.delete(worker.name);
      settle({ ok: false, reason: "failed", message: `The file could not be read: ${error.message}` });
    });
    thread.once("exit", (code) => settle({ ok: false, reason: "failed", message: `The file could not be read (the reader stopped with code ${code}).` }));
  });
}
