import { execFileSync } from "node:child_process";
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
  const out = execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", options.capture ? "pipe" : "inherit", "inherit"],
  });
  return out ?? "";
}
