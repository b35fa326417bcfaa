/**
 * Applies pending migrations to the database named by DATABASE_URL
 * (SQLite by default). `npm run db:migrate`
 */
import { resolveDatabase } from "../../lib/db/config";
import { prisma } from "./prisma-cli";

/** Applies pending migrations; returns the CLI's report. */
export function migrate(url?: string): string {
  const db = resolveDatabase(url);
  return prisma(["migrate", "deploy"], { env: { DATABASE_URL: db.url }, capture: true });
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
