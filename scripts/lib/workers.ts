/**
 * How many app processes the production server runs: `npm start -- --workers N`
 * or WORKERS=N (the flag wins), default 1. With more than one, scripts/server.ts
 * is a node:cluster primary that forks N processes serving the same port.
 *
 * SQLite is refused above one process: it has one writer, and with two
 * processes grading at once some writes fail ("database is locked", or
 * Prisma's transaction timeout) instead of waiting, and fewer grades get
 * through than with one (scripts/bench/sqlite-processes.ts; docs/benchmarks.md,
 * "PostgreSQL with two app processes"). PostgreSQL is the store for several
 * processes or several machines.
 */
import { resolveDatabase } from "../../lib/db/config";

export const DEFAULT_WORKERS = 1;
/** More processes than this on one machine is a typo, not a deployment. */
export const MAX_WORKERS = 64;

/** The value of `--workers N` / `--workers=N` in `argv`, or undefined when absent. */
function flagValue(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--workers") {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new Error("--workers needs a number of app processes, e.g. --workers 2.");
      value = next;
      i++;
    } else if (arg.startsWith("--workers=")) {
      value = arg.slice("--workers=".length);
    }
  }
  return value;
}

/**
 * The number of app processes asked for. Throws an Error with a one-line
 * message for anything but a whole number from 1 to {@link MAX_WORKERS}.
 */
export function parseWorkers(argv: readonly string[] = process.argv.slice(2), environment: Record<string, string | undefined> = process.env): number {
  const fromFlag = flagValue(argv);
  const raw = fromFlag ?? environment.WORKERS;
  const source = fromFlag !== undefined ? "--workers" : "WORKERS";
  if (raw === undefined || (fromFlag === undefined && raw.trim() === "")) return DEFAULT_WORKERS;
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new Error(`${source} must be a whole number of app processes from 1 to ${MAX_WORKERS} (1 is the default); got "${raw}".`);
  }
  return n;
}

/** Why `workers` processes cannot serve `databaseUrl`, or null when they can. */
export function workersRefusal(workers: number, databaseUrl: string | undefined = process.env.DATABASE_URL): string | null {
  if (workers <= 1) return null;
  if (resolveDatabase(databaseUrl).provider !== "sqlite") return null;
  return (
    `--workers ${workers} needs PostgreSQL: SQLite has a single writer, and with several app processes writes fail as "database is locked" ` +
    "instead of waiting their turn. Run one process on SQLite, or set DATABASE_URL to a PostgreSQL database to scale out."
  );
}

/** {@link parseWorkers} and {@link workersRefusal} together: the worker count, or the message to exit with. */
export function workersFor(argv: readonly string[] = process.argv.slice(2), environment: Record<string, string | undefined> = process.env): { ok: true; workers: number } | { ok: false; message: string } {
  let workers: number;
  try {
    workers = parseWorkers(argv, environment);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  let refusal: string | null;
  try {
    refusal = workersRefusal(workers, environment.DATABASE_URL);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  return refusal ? { ok: false, message: refusal } : { ok: true, workers };
}
