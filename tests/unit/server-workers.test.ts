import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKERS, MAX_WORKERS, parseWorkers, workersFor, workersRefusal } from "../../scripts/lib/workers";

const root = path.resolve(import.meta.dirname, "../..");
const PG = "postgresql://postgres@127.0.0.1:5432/systemic";
const SQLITE = "file:./data/systemic.db";

describe("--workers", () => {
  it("defaults to one process, and takes the flag (either spelling) over WORKERS", () => {
    expect(parseWorkers([], {})).toBe(DEFAULT_WORKERS);
    expect(DEFAULT_WORKERS).toBe(1);
    expect(parseWorkers([], { WORKERS: " " })).toBe(1);
    expect(parseWorkers(["--workers", "2"], {})).toBe(2);
    expect(parseWorkers(["--workers=3"], {})).toBe(3);
    expect(parseWorkers([], { WORKERS: "4" })).toBe(4);
    expect(parseWorkers(["--workers", "2"], { WORKERS: "4" })).toBe(2);
    expect(parseWorkers(["--port", "3000", "--workers", String(MAX_WORKERS)], {})).toBe(MAX_WORKERS);
  });

  it("refuses anything but a whole number from 1, naming where the value came from", () => {
    for (const bad of ["0", "-1", "abc", "1.5", "2x", "", String(MAX_WORKERS + 1)]) {
      expect(() => parseWorkers(["--workers", bad], {})).toThrow(/^--workers must be a whole number of app processes from 1/);
      expect(() => parseWorkers([`--workers=${bad}`], {})).toThrow(/^--workers must be a whole number/);
    }
    for (const bad of ["0", "-1", "abc"]) expect(() => parseWorkers([], { WORKERS: bad })).toThrow(new RegExp(`^WORKERS must be a whole number .*got "${bad}"`));
    expect(() => parseWorkers(["--workers"], {})).toThrow(/--workers needs a number/);
    expect(() => parseWorkers(["--workers", "--port"], {})).toThrow(/--workers needs a number/);
  });

  it("refuses more than one process on SQLite, with the reason and the way out", () => {
    expect(workersRefusal(1, SQLITE)).toBeNull();
    expect(workersRefusal(1, undefined)).toBeNull();
    expect(workersRefusal(2, PG)).toBeNull();
    const refusal = workersRefusal(2, SQLITE)!;
    expect(refusal).toMatch(/SQLite has a single writer/);
    expect(refusal).toMatch(/PostgreSQL/);
    expect(refusal).not.toContain("\n");
    // The default database is SQLite.
    expect(workersRefusal(2, undefined)).toBe(refusal);
    expect(workersFor(["--workers", "2"], { DATABASE_URL: PG })).toEqual({ ok: true, workers: 2 });
    expect(workersFor(["--workers", "2"], { DATABASE_URL: SQLITE })).toEqual({ ok: false, message: refusal });
    expect(workersFor(["--workers", "0"], { DATABASE_URL: PG })).toMatchObject({ ok: false, message: expect.stringMatching(/^--workers must be/) });
  });

  // Both entry points stop before building or serving anything, so these need no build.
  for (const [name, script] of [
    ["npm start", "scripts/start.ts"],
    ["the server", "scripts/server.ts"],
  ] as const) {
    it(`${name} exits non-zero with the one-line message`, () => {
      const run = (args: string[], env: Record<string, string>) =>
        spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(root, script), ...args], {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, NODE_ENV: "production", PORT: "1", ...env },
        });
      const sqlite = run(["--workers", "2"], { DATABASE_URL: `file:${path.join(root, "tests/.tmp/never-created.db")}` });
      expect(sqlite.status).toBe(1);
      expect(sqlite.stderr.trim()).toMatch(/^--workers 2 needs PostgreSQL: SQLite has a single writer.*PostgreSQL database to scale out\.$/);
      const bad = run([], { WORKERS: "abc", DATABASE_URL: PG });
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim()).toBe(`WORKERS must be a whole number of app processes from 1 to ${MAX_WORKERS} (1 is the default); got "abc".`);
    });
  }
});
