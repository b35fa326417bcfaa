/**
 * `npm start -- --workers 2` on PostgreSQL: both app processes answer, a
 * grade resent to the other process is applied once, and a process that
 * dies is replaced. Runs on its own database on TEST_POSTGRES_URL's server
 * (created and dropped here) and its own port; skipped without
 * TEST_POSTGRES_URL. Needs no browser, so it runs in one project only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createDb, type Db } from "../../lib/db/client";
import { mintCookies } from "../../scripts/bench/load";
import { freePort } from "../../scripts/bench/server";

const root = path.resolve(import.meta.dirname, "../..");
const server = process.env.TEST_POSTGRES_URL;
const SECRET = "e2e-workers-secret-0123456789abcdef0123456789";

test.describe.configure({ mode: "serial" });

let url: string;
let base: string;
let app: ChildProcess;
let output = "";
let db: Db;

async function adminQuery(sql: string) {
  const admin = new URL(server!);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Answer {
  status: number;
  worker: string | undefined;
  body: string;
}

/** One request on `agent` (keep-alive, one socket: every request of an agent goes to the same app process). */
function request(agent: http.Agent, method: "GET" | "POST", pathname: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${base}${pathname}`, { method, agent, headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, worker: res.headers["x-systemic-worker"] as string | undefined, body: text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** A keep-alive connection to each app process, by its number, found by opening connections until each has answered. */
async function connectionPerProcess(count: number): Promise<Map<string, http.Agent>> {
  const agents = new Map<string, http.Agent>();
  for (let tries = 0; agents.size < count && tries < 40; tries++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await request(agent, "GET", "/api/health");
    expect(answer.status).toBe(200);
    if (answer.worker && !agents.has(answer.worker)) agents.set(answer.worker, agent);
    else agent.destroy();
  }
  return agents;
}

test.beforeAll(async ({}, testInfo) => {
  test.skip(!server, "needs TEST_POSTGRES_URL (a PostgreSQL server)");
  test.skip(testInfo.project.name !== "desktop", "a server test: one project is enough");
  test.setTimeout(600_000);
  const name = `systemic_e2e_workers_${Date.now().toString(36)}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const target = new URL(server!);
  target.pathname = `/${name}`;
  url = target.toString();
  const port = await freePort(Number(process.env.E2E_PORT ?? 3100) + 40);
  base = `http://127.0.0.1:${port}`;
  // `npm start` as a user runs it: migrates, syncs content and serves (building first only if the sources changed).
  app = spawn("npm", ["start", "--", "--workers", "2"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect
    .poll(() => (output.match(/App process \d \(pid \d+\) listening/g) ?? []).length, { timeout: 540_000, intervals: [500] })
    .toBe(2);
  db = createDb(url);
});

test.afterAll(async () => {
  await db?.$disconnect();
  if (app?.pid) {
    const exited = new Promise((resolve) => (app.exitCode === null ? app.once("exit", resolve) : resolve(null)));
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  }
  if (url) await adminQuery(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
});

test("two app processes answer, and a grade resent to the other one is applied once", async () => {
  const user = await db.user.create({ data: { email: `workers-${Date.now().toString(36)}@example.test`, name: "Two Processes", timeZone: "America/Chicago" } });
  const cookie = (await mintCookies([{ id: user.id, email: user.email }], SECRET)).get(user.id)!;

  const agents = await connectionPerProcess(2);
  expect([...agents.keys()].sort()).toEqual(["1", "2"]);
  const [one, two] = [agents.get("1")!, agents.get("2")!];

  // Both processes serve the signed-in API from the same database.
  const started = await request(one, "POST", "/api/v1/review/starter", { cookie }, {});
  expect(started).toMatchObject({ status: 201, worker: "1" });
  const queue = await request(two, "GET", "/api/v1/review/queue", { cookie });
  expect(queue).toMatchObject({ status: 200, worker: "2" });
  const cards = (JSON.parse(queue.body) as { cards: { cardId: string }[] }).cards;
  expect(cards.length).toBeGreaterThan(0);

  const grade = { id: `workers-${Date.now().toString(36)}`, cardId: cards[0]!.cardId, rating: 3, durationMs: 4000 };
  const first = await request(one, "POST", "/api/v1/review/grades", { cookie }, grade);
  expect(first).toMatchObject({ status: 200, worker: "1" });
  expect(JSON.parse(first.body)).toMatchObject({ id: grade.id, status: "applied" });
  const resent = await request(two, "POST", "/api/v1/review/grades", { cookie }, grade);
  expect(resent).toMatchObject({ status: 200, worker: "2" });
  expect(JSON.parse(resent.body)).toEqual({ id: grade.id, status: "duplicate" });

  expect(await db.reviewLog.count({ where: { userId: user.id, clientId: grade.id } })).toBe(1);
  expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  expect((await db.reviewCard.findUniqueOrThrow({ where: { id: grade.cardId } })).reps).toBe(1);
  for (const agent of agents.values()) agent.destroy();
  await db.user.delete({ where: { id: user.id } });
});

test("an app process that dies is logged and replaced, and the server keeps answering", async () => {
  const pid = Number(/App process 1 \(pid (\d+)\) listening/.exec(output)?.[1]);
  expect(pid).toBeGreaterThan(0);
  process.kill(pid, "SIGKILL");
  await expect.poll(() => output.includes(`App process 1 (pid ${pid}) was killed by SIGKILL; starting a new one.`), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => (output.match(/App process 1 \(pid \d+\) listening/g) ?? []).length, { timeout: 120_000 }).toBe(2);
  const agents = await connectionPerProcess(2);
  expect([...agents.keys()].sort()).toEqual(["1", "2"]);
  for (const agent of agents.values()) agent.destroy();
});
