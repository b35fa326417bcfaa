import { migrate } from "../db/migrate";
import { seedDemoAccounts, seedDemoHistory } from "../seed";
import { syncContentFromDisk } from "../content-sync";
import { ensureAuthSecret, loadEnvFiles } from "./env-files";

/**
 * Everything a fresh clone needs before the server starts: configuration,
 * migrated database, content synced and demo accounts present. Idempotent.
 */
export async function prepare(log: (line: string) => void = console.log): Promise<void> {
  loadEnvFiles();
  ensureAuthSecret();
  const port = process.env.PORT ?? "3000";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const report = migrate();
  log(/have been applied/.test(report) ? "Database migrated." : "Database is up to date.");
  const synced = await syncContentFromDisk();
  log(synced);
  const created = await seedDemoAccounts();
  if (created.length) log(`Created demo accounts: ${created.join(", ")}`);
  const demo = await seedDemoHistory();
  if (demo) log(demo);
}
