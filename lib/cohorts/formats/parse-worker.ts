/**
 * Worker-thread entry for reading an import file (see parse-off-thread.ts):
 * parses the text it is given and posts the result back. Runs in its own
 * thread so that no file, however pathological, blocks the server's event
 * loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseItemsCsv, readCsvDrafts } from "./csv";
import { parseGift, readGiftDrafts } from "./gift-reader";

const { format, text, drafts } = workerData as { format: "csv" | "gift"; text: string; drafts?: boolean };
const read = () => {
  if (drafts) {
    // The per-draft metadata of the GIFT reader is for parseGift only; drafts carry their own.
    const { drafts: found, refused, rows, fileProblems } = format === "csv" ? readCsvDrafts(text) : readGiftDrafts(text);
    return { drafts: found, refused, rows, fileProblems };
  }
  return format === "csv" ? parseItemsCsv(text) : parseGift(text);
};
try {
  parentPort?.postMessage({ ok: true, result: read() });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
