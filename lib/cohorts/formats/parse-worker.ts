/**
 * Worker-thread entry for reading an import file (see parse-off-thread.ts):
 * parses the text it is given and posts the result back. Runs in its own
 * thread so that no file, however pathological, blocks the server's event
 * loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseItemsCsv } from "./csv";
import { parseGift } from "./gift-reader";

const { format, text } = workerData as { format: "csv" | "gift"; text: string };
try {
  parentPort?.postMessage({ ok: true, result: format === "csv" ? parseItemsCsv(text) : parseGift(text) });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
