import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { MIGRATION_PATHS, SCHEMA_PATHS, resolveDatabase } from "./lib/db/config";

// The CLI runs Prisma's bundled WebAssembly schema engine through a driver
// adapter, so `migrate deploy` needs no native engine download.
const db = resolveDatabase();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: SCHEMA_PATHS[db.provider],
  migrations: { path: MIGRATION_PATHS[db.provider] },
  async adapter() {
    if (db.provider === "postgresql") {
      // adapter-pg 7.x reads PostgreSQL's catalog types that 6.x cannot.
      const { PrismaPg } = await import("@prisma/adapter-pg-cli");
      return new PrismaPg({ connectionString: db.url });
    }
    fs.mkdirSync(path.dirname(db.sqliteFile!), { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: db.sqliteFile! });
  },
});
