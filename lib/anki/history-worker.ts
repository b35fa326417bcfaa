/**
 * Worker-thread entry for reading an uploaded review history (see
 * history-import.ts and lib/off-thread.ts): unpacks and reads the Anki
 * collection, or parses the CSV, and posts the reviews back.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";
import { readAnkiPackage, readRevlogCsv } from "./history";

const { kind, bytes, now, root } = workerData as { kind: "package" | "csv"; bytes: Uint8Array; now: number; root: string };

const read = () => {
  if (kind === "csv") return readRevlogCsv(new TextDecoder().decode(bytes), now);
  // The bundle runs from the temporary folder: the native driver is loaded from the project.
  const Sqlite = createRequire(path.join(root, "package.json"))("better-sqlite3") as typeof BetterSqlite3;
  return readAnkiPackage(bytes, Sqlite, now);
};
try {
  parentPort?.postMessage({ ok: true, result: read() });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
