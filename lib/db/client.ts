import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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
    return adapter;
  }
}
