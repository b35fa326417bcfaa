/**
 * The Node flags the production server runs with. V8 lets the heap grow
 * towards a limit set from the machine's memory (about 4 GB here) before it
 * collects in earnest, so a busy server's resident memory keeps climbing
 * long after its live data stopped growing. A limit on the old generation
 * makes it collect earlier: under the 64-connection grading load the
 * server's peak RSS fell from 407 to 256 MiB at 192 MB, with the same
 * throughput (docs/benchmarks.md). The default, 256 MB, leaves room above
 * the live set of a busy server; heavy work (imports, the optimizer) runs
 * in worker threads with limits of their own (lib/off-thread.ts).
 *
 *   SERVER_HEAP_MB=512 npm start     (a larger limit; 0 leaves V8's own)
 */
export const DEFAULT_SERVER_HEAP_MB = 256;

export function serverHeapMb(value = process.env.SERVER_HEAP_MB): number {
  if (value === undefined || value.trim() === "") return DEFAULT_SERVER_HEAP_MB;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 0 || (mb > 0 && mb < 128)) {
    throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes, at least 128 (or 0 for V8's own limit); got "${value}".`);
  }
  return mb;
}

/** Flags for `node` that start the server: the heap limit, when there is one. */
export function serverNodeFlags(value = process.env.SERVER_HEAP_MB): string[] {
  const mb = serverHeapMb(value);
  return mb === 0 ? [] : [`--max-old-space-size=${mb}`];
}
