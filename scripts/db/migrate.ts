/**
 * Applies pending migrations to the database named by DATABASE_URL
 * (SQLite by default). `npm run db:migrate`
 */
import Database from "better-sqlite3";
import { resolveDatabase } from "../../lib/db/config";
import { prisma } from "./prisma-cli";

/**
 * Applies pending migrations; returns the CLI's report. A SQLite file is
 * switched to write-ahead logging (a setting the file keeps): readers no
 * longer wait for a writer, and a commit appends to the log instead of
 * rewriting pages (see the WAL run in docs/benchmarks.md).
 */
export function migrate(url?: string): string {
  const db = resolveDatabase(url);
  const report = prisma(["migrate", "deploy"], { env: { DATABASE_URL: db.url }, capture: true });
  if (db.provider === "sqlite") {
    const file = new Database(db.sqliteFile!);
    try {
      file.pragma("journal_mode = WAL");
    } finally {
      file.close();
    }
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const report = migrate();
    const applied = /following migration\(s\) have been applied/.test(report);
    console.log(applied ? report.slice(report.indexOf("The following")).trim() : "Database is up to date: no pending migrations.");
  } catch (error) {
    console.error(`Migration failed: ${(error as Error).message.split("\n")[0]}`);
    process.exit(1);
  }
}
