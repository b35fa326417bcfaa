/**
 * Migrations that change stored rows, run on a database holding rows of the
 * kind they change: every migration before the one under test is applied to
 * an empty database (SQLite in memory; a schema of its own on PostgreSQL),
 * rows are written as the older schema allowed, then the migration runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { resolveDatabase } from "@/lib/db/config";

const { provider, url } = resolveDatabase(process.env.DATABASE_URL);
const folder = path.join(process.cwd(), "prisma", "migrations", provider);
const migrations = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const sqlOf = (name: string) => readFileSync(path.join(folder, name, "migration.sql"), "utf8");

interface Scratch {
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** An empty database with every migration before `target` applied. */
async function databaseBefore(target: string): Promise<Scratch> {
  const before = migrations.slice(0, migrations.findIndex((name) => name.endsWith(`_${target}`)));
  expect(before.length).toBeGreaterThan(0);
  if (provider === "sqlite") {
    const file = new Database(":memory:");
    for (const name of before) file.exec(sqlOf(name));
    return {
      exec: async (sql) => void file.exec(sql),
      rows: async <T,>(sql: string) => file.prepare(sql).all() as T[],
      close: async () => void file.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = `migration_${Math.random().toString(36).slice(2, 10)}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  for (const name of before) await client.query(sqlOf(name));
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T,>(sql: string) => (await client.query(sql)).rows as T[],
    close: async () => {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

const time = (iso: string) => (provider === "sqlite" ? String(new Date(iso).getTime()) : `'${iso}'`);

describe("migration imported_reviews_once_across_formats", () => {
  it("keeps one row of each review stored once per format (the first imported), and leaves the rest alone", async () => {
    const target = "imported_reviews_once_across_formats";
    expect(migrations.some((name) => name.endsWith(`_${target}`))).toBe(true);
    const scratch = await databaseBefore(target);
    try {
      await scratch.exec(`INSERT INTO "User" ("id", "email", "role", "timeZone", "sessionVersion", "createdAt", "updatedAt")
        VALUES ('u1', 'u1@example.test', 'candidate', 'UTC', 0, ${time("2026-01-01T00:00:00Z")}, ${time("2026-01-01T00:00:00Z")}),
               ('u2', 'u2@example.test', 'candidate', 'UTC', 0, ${time("2026-01-01T00:00:00Z")}, ${time("2026-01-01T00:00:00Z")})`);
      const row = (id: string, user: string, source: string, card: string, at: string, rating: number, importedAt: string) =>
        `('${id}', '${user}', '${source}', '${card}', ${time(at)}, ${rating}, 2, 8000, ${time(importedAt)})`;
      await scratch.exec(`INSERT INTO "ImportedReview" ("id", "userId", "source", "externalCardId", "reviewedAt", "rating", "state", "durationMs", "importedAt") VALUES
        ${[
          // One review in both formats: the CSV came first.
          row("b-csv", "u1", "csv", "1700000000001", "2025-03-01T10:00:00Z", 3, "2026-02-01T00:00:00Z"),
          row("a-apkg", "u1", "anki", "1700000000001", "2025-03-01T10:00:00Z", 3, "2026-02-02T00:00:00Z"),
          // Imported at the same moment: the smaller id stays.
          row("c-apkg", "u1", "anki", "1700000000001", "2025-03-05T10:00:00Z", 4, "2026-02-03T00:00:00Z"),
          row("d-csv", "u1", "csv", "1700000000001", "2025-03-05T10:00:00Z", 4, "2026-02-03T00:00:00Z"),
          // The same card at another time, another card, another learner: all kept.
          row("e-apkg", "u1", "anki", "1700000000001", "2025-03-09T10:00:00Z", 1, "2026-02-02T00:00:00Z"),
          row("f-csv", "u1", "csv", "1700000000002", "2025-03-01T10:00:00Z", 3, "2026-02-01T00:00:00Z"),
          row("g-apkg", "u2", "anki", "1700000000001", "2025-03-01T10:00:00Z", 3, "2026-02-02T00:00:00Z"),
        ].join(",\n")}`);

      await scratch.exec(sqlOf(migrations.find((name) => name.endsWith(`_${target}`))!));

      const kept = await scratch.rows<{ id: string }>(`SELECT "id" FROM "ImportedReview" ORDER BY "id"`);
      expect(kept.map((r) => r.id)).toEqual(["b-csv", "c-apkg", "e-apkg", "f-csv", "g-apkg"]);
      // The new key refuses a second copy, whatever its format.
      await expect(scratch.exec(`INSERT INTO "ImportedReview" ("id", "userId", "source", "externalCardId", "reviewedAt", "rating", "state", "durationMs", "importedAt") VALUES
        ${row("h-apkg", "u1", "anki", "1700000000002", "2025-03-01T10:00:00Z", 3, "2026-02-04T00:00:00Z")}`)).rejects.toThrow(/unique/i);
      // The index made for the clean-up is gone again.
      const tmp =
        provider === "sqlite"
          ? await scratch.rows(`SELECT "name" FROM sqlite_master WHERE "name" = 'ImportedReview_once_across_formats_tmp'`)
          : await scratch.rows(`SELECT "indexname" FROM pg_indexes WHERE "indexname" = 'ImportedReview_once_across_formats_tmp' AND "schemaname" = current_schema()`);
      expect(tmp).toEqual([]);
    } finally {
      await scratch.close();
    }
  });
});
