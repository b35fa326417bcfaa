import { spawnSync } from "node:child_process";
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

  it("keeps prepared statements and runs each with the arguments of its own call, also after a failed one and a rolled-back transaction", async () => {
    const client = createDb(process.env.DATABASE_URL);
    try {
      await client.$executeRawUnsafe(`CREATE TEMP TABLE "kept" ("k" TEXT PRIMARY KEY, "v" INTEGER NOT NULL)`);
      const insert = `INSERT INTO "kept" ("k", "v") VALUES (?, ?)`;
      const read = `SELECT "k", "v" FROM "kept" WHERE "v" >= ? ORDER BY "k"`;
      for (const [k, v] of [["a", 1], ["b", 2], ["c", 3]] as const) expect(await client.$executeRawUnsafe(insert, k, v)).toBe(1);
      await expect(client.$executeRawUnsafe(insert, "a", 9)).rejects.toThrow();
      expect(await client.$queryRawUnsafe(read, 2)).toEqual([{ k: "b", v: 2 }, { k: "c", v: 3 }]);
      expect(await client.$queryRawUnsafe(read, 3)).toEqual([{ k: "c", v: 3 }]);
      await expect(
        client.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(insert, "d", 4);
          expect(await tx.$queryRawUnsafe(read, 4)).toEqual([{ k: "d", v: 4 }]);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await client.$queryRawUnsafe(read, 0)).toEqual([{ k: "a", v: 1 }, { k: "b", v: 2 }, { k: "c", v: 3 }]);
      expect(await client.$executeRawUnsafe(insert, "d", 4)).toBe(1);
      expect(await client.$queryRawUnsafe(read, 4)).toEqual([{ k: "d", v: 4 }]);
    } finally {
      await client.$disconnect();
    }
  });

  it("begins transactions IMMEDIATE: one that reads, then writes, holds the write lock throughout, so another process's write waits instead of breaking it", async () => {
    const file = resolveDatabase(process.env.DATABASE_URL).sqliteFile!;
    const table = `txprobe_${Math.random().toString(36).slice(2, 8)}`;
    // Another process writing to the file, waiting at most 300 ms for the lock: prints "ok" or SQLite's error code.
    const otherProcessWrites = (key: string) =>
      spawnSync(
        process.execPath,
        ["-e", `const D = require("better-sqlite3"); const d = new D(process.argv[1], { timeout: 300 }); try { d.prepare('INSERT INTO "${table}" VALUES (?, 0)').run(process.argv[2]); console.log("ok"); } catch (e) { console.log(e.code); }`, file, key],
        { cwd: process.cwd(), encoding: "utf8" },
      ).stdout.trim();
    const client = createDb(process.env.DATABASE_URL);
    try {
      await client.$executeRawUnsafe(`CREATE TABLE "${table}" ("k" TEXT PRIMARY KEY, "v" INTEGER NOT NULL)`);
      expect(otherProcessWrites("before")).toBe("ok");
      await client.$transaction(async (tx) => {
        const [{ n }] = await tx.$queryRawUnsafe<[{ n: number }]>(`SELECT COUNT(*) AS "n" FROM "${table}"`);
        // With a deferred BEGIN this write would go in, and the transaction's own write below would fail (SQLITE_BUSY_SNAPSHOT).
        expect(otherProcessWrites("between")).toBe("SQLITE_BUSY");
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" VALUES ('mine', ?)`, Number(n));
      });
      expect(otherProcessWrites("after")).toBe("ok");
      expect(await client.$queryRawUnsafe(`SELECT "k", "v" FROM "${table}" ORDER BY "k"`)).toEqual([
        { k: "after", v: 0 },
        { k: "before", v: 0 },
        { k: "mine", v: 1 },
      ]);
    } finally {
      await client.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
      await client.$disconnect();
    }
  });
});
