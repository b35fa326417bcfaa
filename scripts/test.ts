/**
 * `npm test`: the whole suite, in order of speed — content check, unit and
 * integration tests (SQLite, plus PostgreSQL when TEST_POSTGRES_URL is set),
 * then end-to-end tests in Chromium against the production build. Every
 * stage runs even when an earlier one fails; the last line sums them up.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib/env-files";

const tmp = path.join(root, "tests/.tmp");
fs.mkdirSync(tmp, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

type Stage = { name: string; passed: number; failed: number; skipped: number; ok: boolean };
const stages: Stage[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

// 1. Content
console.log("\n━━ Content check ━━");
const contentStatus = run(bin("tsx"), ["scripts/content-check.ts"]);
stages.push({ name: "content check", passed: contentStatus === 0 ? 1 : 0, failed: contentStatus === 0 ? 0 : 1, skipped: 0, ok: contentStatus === 0 });

// 2. Types (the whole project: app, scripts and tests)
console.log("\n━━ Type check ━━");
const typeStatus = run(bin("tsc"), ["--noEmit"]);
stages.push({ name: "type check", passed: typeStatus === 0 ? 1 : 0, failed: typeStatus === 0 ? 0 : 1, skipped: 0, ok: typeStatus === 0 });

// 3. Unit + integration
console.log(`\n━━ Unit and integration tests (SQLite${process.env.TEST_POSTGRES_URL ? " + PostgreSQL" : ""}) ━━`);
const vitestJson = path.join(tmp, "vitest-results.json");
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
stages.push({
  name: "vitest",
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests : 1,
  skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0),
  ok: vitestStatus === 0,
});

// 4. End-to-end
console.log("\n━━ End-to-end tests (Playwright, Chromium, phone + desktop) ━━");
const e2eJson = path.join(tmp, "playwright-results.json");
fs.rmSync(e2eJson, { force: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(tmp, `e2e.db${suffix}`), { force: true });
const e2eStatus = run(bin("playwright"), ["test"]);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(e2eJson);
stages.push({
  name: "playwright",
  passed: (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0),
  failed: e2e ? e2e.stats.unexpected : 1,
  skipped: e2e?.stats.skipped ?? 0,
  ok: e2eStatus === 0,
});

console.log("\n━━ Summary ━━");
for (const s of stages) console.log(`${s.ok ? "✓" : "✗"} ${s.name.padEnd(14)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0) + stages.filter((s) => !s.ok && s.failed === 0).length;
const skipped = stages.reduce((n, s) => n + s.skipped, 0);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(stages.every((s) => s.ok) ? 0 : 1);
