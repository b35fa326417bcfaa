/**
 * Creates a migration for both providers without a shadow database:
 * diffs the schema as it stood at the last migration (kept in
 * prisma/migrations/schema.last.prisma) against prisma/schema.prisma.
 *
 *   npm run db:migration:new -- add_review_cards
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATION_PATHS, SCHEMA_PATHS, type DatabaseProvider } from "../../lib/db/config";
import { writePostgresSchema } from "./generate";
import { prisma, root } from "./prisma-cli";

const lastSchema = path.join(root, "prisma/migrations/schema.last.prisma");

function toProvider(schema: string, provider: DatabaseProvider): string {
  return provider === "sqlite" ? schema : schema.replace('provider = "sqlite"', 'provider = "postgresql"');
}

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", "--script"];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  args.push("--to-schema-datamodel", to);
  return prisma(args, { capture: true });
}

function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) {
    console.error("Usage: npm run db:migration:new -- <name>   (letters, digits, underscores)");
    process.exit(2);
  }
  const current = fs.readFileSync(path.join(root, SCHEMA_PATHS.sqlite), "utf8");
  const previous = fs.existsSync(lastSchema) ? fs.readFileSync(lastSchema, "utf8") : null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "systemic-migrate-"));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  let wrote = 0;
  for (const provider of ["sqlite", "postgresql"] as const) {
    const to = path.join(tmp, `${provider}-to.prisma`);
    fs.writeFileSync(to, toProvider(current, provider));
    let from: string | null = null;
    if (previous) {
      from = path.join(tmp, `${provider}-from.prisma`);
      fs.writeFileSync(from, toProvider(previous, provider));
    }
    const sql = diff(from, to);
    if (/^-- This is an empty migration\.?\s*$/m.test(sql.trim()) || sql.trim() === "") {
      console.log(`${provider}: no schema changes`);
      continue;
    }
    const dir = path.join(root, MIGRATION_PATHS[provider], `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(root, MIGRATION_PATHS[provider], "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
    wrote++;
  }
  if (wrote > 0) fs.copyFileSync(path.join(root, SCHEMA_PATHS.sqlite), lastSchema);
  writePostgresSchema();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
