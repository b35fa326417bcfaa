/**
 * Applies pending migrations to the database named by DATABASE_URL
 * (SQLite by default). `npm run db:migrate`
 */
import { resolveDatabase } from "../../lib/db/config";
import { prisma } from "./prisma-cli";

export function migrate(url?: string): void {
  const db = resolveDatabase(url);
  prisma(["migrate", "deploy"], { env: { DATABASE_URL: db.url }, capture: !!process.env.SYSTEMIC_QUIET });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    migrate();
  } catch (error) {
    console.error(`Migration failed: ${(error as Error).message.split("\n")[0]}`);
    process.exit(1);
  }
}
