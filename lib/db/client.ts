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
  const adapter = new PrismaBetterSQLite3({ url: config.sqliteFile!, timeout: 10_000 });
  return new SqliteClient({ adapter });
}
