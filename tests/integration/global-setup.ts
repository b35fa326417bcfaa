import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { resolveDatabase } from "../../lib/db/config";
import { migrate } from "../../scripts/db/migrate";

/** Creates and migrates this project's database; drops it afterwards. */
export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL as string;
  const db = resolveDatabase(url);
  if (db.provider === "sqlite") {
    fs.mkdirSync(path.dirname(db.sqliteFile!), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(db.sqliteFile! + suffix, { force: true });
  } else {
    await adminQuery(url, (name) => `CREATE DATABASE "${name}"`);
  }
  migrate(url);
  return async () => {
    if (db.provider === "sqlite") {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(db.sqliteFile! + suffix, { force: true });
    } else {
      await adminQuery(url, (name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  };
}

async function adminQuery(url: string, sql: (database: string) => string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected test database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql(name));
  } finally {
    await client.end();
  }
}
