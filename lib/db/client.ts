import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { LRUCache } from "lru-cache";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { resolveDatabase } from "./config";

/**
 * The Prisma client type used throughout the app. Both generated clients
 * come from the same models, so their APIs are identical; the SQLite one
 * names the type.
 */
export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client";

/** Creates a client for a database URL (SQLite `file:` or PostgreSQL). */
export function createDb(url?: string): Db {
  const config = resolveDatabase(url);
  if (config.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const adapter = new TunedSqlite({ url: config.sqliteFile!, timeout: 10_000 }, undefined, sqliteSynchronous());
  return new SqliteClient({ adapter });
}

/** SQLITE_SYNCHRONOUS (read here, not from lib/env, so scripts can create clients before the app's env is checked). */
function sqliteSynchronous(): "NORMAL" | "FULL" {
  return process.env.SQLITE_SYNCHRONOUS?.trim().toUpperCase() === "FULL" ? "FULL" : "NORMAL";
}

/**
 * The better-sqlite3 adapter with the connection's settings applied when it
 * opens: `synchronous` (not stored in the file, so set per connection; the
 * migrations put the file in WAL mode). Under WAL, NORMAL syncs at
 * checkpoints rather than at every commit: a commit no longer waits for the
 * disk, and the database stays consistent after any crash.
 */
class TunedSqlite extends PrismaBetterSQLite3 {
  readonly #synchronous: "NORMAL" | "FULL";
  constructor(config: ConstructorParameters<typeof PrismaBetterSQLite3>[0], options: ConstructorParameters<typeof PrismaBetterSQLite3>[1], synchronous: "NORMAL" | "FULL") {
    super(config, options);
    this.#synchronous = synchronous;
  }
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(`PRAGMA synchronous = ${this.#synchronous};`);
    const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    keepPreparedStatements(client);
    beginImmediate(client);
    return adapter;
  }
}

/**
 * Prisma's interactive transactions begin with a plain (deferred) BEGIN:
 * the first read takes a snapshot and the first write then asks for the
 * write lock. If another connection to the file (a second process, a
 * script run beside the server) committed in between, SQLite refuses that
 * write at once with SQLITE_BUSY_SNAPSHOT, which the busy timeout cannot
 * wait out, and the request fails ("Operation has timed out"). BEGIN
 * IMMEDIATE takes the write lock first, waiting up to the busy timeout like
 * any other write. In one process nothing is lost: the adapter runs its
 * transactions one at a time already.
 */
function beginImmediate(client: BetterSqlite3.Database) {
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as BetterSqlite3.Database["prepare"];
}

/** Distinct statements kept per connection (Prisma's `IN (?, ?, …)` lists make one statement per list length). */
const KEPT_STATEMENTS = 500;

/**
 * The adapter prepares every statement anew (`client.prepare(sql).bind(args)`,
 * and a better-sqlite3 statement can be bound only once). This keeps each
 * prepared statement by its SQL and hands the adapter a view of it with the
 * arguments of this call: the same calls the adapter makes (`reader`,
 * `run`, `columns`, `raw().all()`), run on the kept statement with the
 * arguments passed each time, as SQLite's own statement cache would. Safe
 * because the connection is used from one thread and every call runs to
 * completion (no `iterate()` is left open on a statement).
 */
function keepPreparedStatements(client: BetterSqlite3.Database) {
  const prepare = client.prepare.bind(client);
  const kept = new LRUCache<string, BetterSqlite3.Statement>({ max: KEPT_STATEMENTS });
  const statement = (sql: string) => {
    let stmt = kept.get(sql);
    if (stmt === undefined) kept.set(sql, (stmt = prepare(sql)));
    return stmt;
  };
  const withArgs = (stmt: BetterSqlite3.Statement, args: unknown[]) => ({
    reader: stmt.reader,
    columns: () => stmt.columns(),
    run: () => stmt.run(args),
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  });
  client.prepare = ((sql: string) => {
    const stmt = statement(sql);
    return { reader: stmt.reader, run: () => stmt.run(), bind: (args: unknown[]) => withArgs(stmt, args) };
  }) as unknown as BetterSqlite3.Database["prepare"];
}
