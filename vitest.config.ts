import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  "server-only": path.resolve(root, "tests/support/empty.ts"),
  "client-only": path.resolve(root, "tests/support/empty.ts"),
};

// Each run gets its own databases, created and migrated by the global setup
// and dropped afterwards, so runs never see each other's rows.
const runId = `${Date.now().toString(36)}_${process.pid}`;

function integration(name: string, databaseUrl: string): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    esbuild: { jsx: "automatic" },
    test: {
      name,
      include: ["tests/integration/**/*.test.ts"],
      environment: "node",
      globalSetup: ["tests/integration/global-setup.ts"],
      env: { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "integration-test-secret-0123456789abcdef", NODE_ENV: "test" },
      // Files share one database per provider; running them one at a time
      // in one process keeps counts and unique keys predictable.
      pool: "forks",
      poolOptions: { forks: { singleFork: true } },
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  };
}

const projects: TestProjectInlineConfiguration[] = [
  {
    resolve: { alias },
    esbuild: { jsx: "automatic" },
    // CI machines are shared and often busy: no unit test asserts speed, so none should fail for being slow.
    test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", testTimeout: 60_000 },
  },
  integration("integration-sqlite", `file:${path.join(root, "tests/.tmp", `integration-${runId}.db`)}`),
];

// TEST_POSTGRES_URL names a server (any existing database on it); the run
// creates its own database there.
const postgres = process.env.TEST_POSTGRES_URL;
if (postgres) {
  const url = new URL(postgres);
  url.pathname = `/systemic_test_${runId}`;
  projects.push(integration("integration-postgres", url.toString()));
}

export default defineConfig({ resolve: { alias }, test: { projects } });
