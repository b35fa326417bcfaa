import { spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the Prisma CLI with the engine-download variables set. Systemic's
 * config uses the bundled WebAssembly schema engine and a Rust-free client,
 * so neither native engine is ever run; naming any path for them stops the
 * CLI from trying to fetch them (which fails without internet access).
 */
export function prisma(args: string[], options: { env?: Record<string, string>; capture?: boolean } = {}): string {
  const env = {
    ...process.env,
    ...options.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/dev/null",
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/dev/null",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", options.capture ? "pipe" : "inherit", "pipe"],
  });
  const stderr = withoutConfigNotices(result.stderr ?? "");
  if (result.status !== 0) {
    const error = new Error(`prisma ${args.join(" ")} failed${stderr ? `:\n${stderr}` : ` with exit code ${result.status}`}`);
    throw Object.assign(error, { stderr, stdout: result.stdout ?? "" });
  }
  if (stderr) process.stderr.write(`${stderr}\n`);
  return result.stdout ?? "";
}

/**
 * Prisma prints where it found its config, and that it therefore did not read
 * `.env` itself. Both are true and neither is news: Systemic reads `.env`
 * before it runs the CLI (scripts/lib/env-files.ts) and passes DATABASE_URL
 * on. Dropped so a start or CI log opens with what matters.
 */
export function withoutConfigNotices(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^Loaded Prisma config from .*\.$/.test(line.trim()) && !/^Prisma config detected, skipping environment variable loading\.$/.test(line.trim()))
    .join("\n")
    .trim();
}
