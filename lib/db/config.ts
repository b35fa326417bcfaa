import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** The URL as given (or the default SQLite file URL). */
  url: string;
  /** Absolute path of the SQLite file; only for the sqlite provider. */
  sqliteFile?: string;
}

export const DEFAULT_DATABASE_URL = "file:./data/systemic.db";

/**
 * A time as Prisma's SQLite adapter stores DateTime: ISO 8601 text with
 * "+00:00". Raw SQL that writes or compares stored times uses this, so they
 * match what Prisma's own queries write and filter on.
 */
export const sqliteStoredTime = (date: Date) => date.toISOString().replace(/Z$/, "+00:00");

/**
 * A list of text values (ids) bound as one JSON-array parameter, as a
 * subquery for `IN …`: through Prisma's driver adapters every bound
 * parameter has a cost of its own, and the number of ids varies.
 * `placeholder` is the parameter's marker (`?` on SQLite, `$n` on PostgreSQL).
 */
export function jsonTextList(provider: DatabaseProvider, placeholder: string): string {
  return provider === "postgresql" ? `(SELECT json_array_elements_text(${placeholder}::json))` : `(SELECT value FROM json_each(${placeholder}))`;
}

/**
 * Works out which database a URL points at. SQLite `file:` URLs are resolved
 * against the project root so the CLI, scripts and the server agree on the
 * file whatever their working directory.
 */
export function resolveDatabase(
  url: string | undefined = process.env.DATABASE_URL,
  root: string = process.cwd(),
): DatabaseConfig {
  const value = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { provider: "postgresql", url: value };
  }
  if (value.startsWith("file:")) {
    const raw = value.slice("file:".length).split("?")[0] ?? "";
    if (raw === "") throw new Error("DATABASE_URL: a file: URL needs a path, e.g. file:./data/systemic.db");
    const sqliteFile = path.isAbsolute(raw) ? raw : path.resolve(root, raw);
    return { provider: "sqlite", url: `file:${sqliteFile}`, sqliteFile };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${value.split(":")[0]}:…"`,
  );
}

export const SCHEMA_PATHS: Record<DatabaseProvider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/.generated/postgresql/schema.prisma",
};

export const MIGRATION_PATHS: Record<DatabaseProvider, string> = {
  sqlite: "prisma/migrations/sqlite",
  postgresql: "prisma/migrations/postgresql",
};
