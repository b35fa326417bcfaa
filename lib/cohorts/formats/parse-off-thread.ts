/**
 * Reads an instructor's import file in a worker thread with a time limit.
 * The parsers are linear, but a file is the one input a user can make
 * arbitrarily strange, so the parse never runs on the request's event loop:
 * if it takes longer than the limit the worker is terminated and the
 * instructor is told the file took too long to read, while every other
 * request keeps being served.
 *
 * The worker runs a bundle of parse-worker.ts (see lib/off-thread.ts).
 */
import { runOffThread, type OffThreadOutcome } from "@/lib/off-thread";
import type { DraftImportResult } from "./draft";
import type { ImportResult } from "./schema";

/** How long a file may take to read before the parse is stopped. */
export const PARSE_TIME_LIMIT_MS = 10_000;
/** Heap for the worker: a 1 MB file needs a few tens of MB at most. */
const WORKER_HEAP_MB = 256;

export type OffThreadParse<R = ImportResult> = OffThreadOutcome<R>;

const PARSE_WORKER = { name: "import", entry: ["lib", "cohorts", "formats", "parse-worker.ts"] } as const;

export function parseImportOffThread(format: "csv" | "gift", text: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<OffThreadParse> {
  return runOffThread<ImportResult>(PARSE_WORKER, { format, text }, { limitMs, heapMb: WORKER_HEAP_MB });
}

/** The file read as drafts (readGiftDrafts / readCsvDrafts), off the event loop like parseImportOffThread. */
export function readDraftsOffThread(format: "csv" | "gift", text: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<OffThreadParse<DraftImportResult>> {
  return runOffThread<DraftImportResult>(PARSE_WORKER, { format, text, drafts: true }, { limitMs, heapMb: WORKER_HEAP_MB });
}
