/**
 * Generates both Prisma clients (SQLite and PostgreSQL) from the one schema.
 * The PostgreSQL schema is derived from prisma/schema.prisma: only the
 * datasource provider and the client output folder differ.
 */
import fs from "node:fs";
import path from "node:path";
import { SCHEMA_PATHS } from "../../lib/db/config";
import { prisma, root } from "./prisma-cli";


export function writePostgresSchema(): string {
  const source = fs.readFileSync(path.join(root, SCHEMA_PATHS.sqlite), "utf8");
  const target = path.join(root, SCHEMA_PATHS.postgresql);
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/db/generated/sqlite"', 'output     = "../../../lib/db/generated/postgresql"');
  if (!derived.includes('provider = "postgresql"') || !derived.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma: could not derive the PostgreSQL schema (datasource or generator block changed shape)");
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `// Generated from prisma/schema.prisma by scripts/db/generate.ts. Do not edit.\n${derived}`);
  return target;
}

function main() {
  writePostgresSchema();
  for (const schema of [SCHEMA_PATHS.sqlite, SCHEMA_PATHS.postgresql]) {
    prisma(["generate", "--schema", schema]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
