import { describe, expect, it } from "vitest";
import { resolveDatabase } from "@/lib/db/config";
import { db } from "@/lib/db";
import { createDb } from "@/lib/db/client";

// SQLite's per-connection settings (lib/db/client.ts); PostgreSQL has none of these.
const sqlite = resolveDatabase(process.env.DATABASE_URL).provider === "sqlite";

describe.runIf(sqlite)("the SQLite connection", () => {
  const pragma = async (client: typeof db, name: string) => Object.values(((await client.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];

  it("runs in WAL mode with synchronous=NORMAL by default", async () => {
    expect(String(await pragma(db, "journal_mode")).toLowerCase()).toBe("wal");
    // 1 = NORMAL, 2 = FULL.
    expect(Number(await pragma(db, "synchronous"))).toBe(1);
  });

  it("syncs every commit when SQLITE_SYNCHRONOUS=FULL", async () => {
    const before = process.env.SQLITE_SYNCHRONOUS;
    process.env.SQLITE_SYNCHRONOUS = "FULL";
    const client = createDb(process.env.DATABASE_URL);
    try {
      expect(Number(await pragma(client, "synchronous"))).toBe(2);
    } finally {
      await client.$disconnect();
      if (before === undefined) delete process.env.SQLITE_SYNCHRONOUS;
      else process.env.SQLITE_SYNCHRONOUS = before;
    }
  });
});
