/**
 * Drives POST /api/v1/review/grades with autocannon: every request is a
 * fresh grade id for a random (learner, card) pair, signed in with a
 * session cookie minted for that learner.
 */
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import os from "node:os";
import zlib from "node:zlib";
import { coresUsed, cpuSnapshot, serverRssKiB } from "./cpu";
import { prng } from "./prng";
import type { BenchDb } from "./raw";

export interface Target {
  userId: string;
  cardId: string;
}

/** The cookie next-auth reads on plain http (NEXTAUTH_URL http://…). */
export const SESSION_COOKIE = "next-auth.session-token";

/** Session cookies minted like next-auth's own (JWE with the server's secret), no sign-in needed. */
export async function mintCookies(users: { id: string; email: string }[], secret: string): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const u of users) {
    const token = await encode({ token: { sub: u.id, uid: u.id, email: u.email, name: null }, secret, maxAge: 30 * 24 * 60 * 60 });
    cookies.set(u.id, `${SESSION_COOKIE}=${token}`);
  }
  return cookies;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requestsSent: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  outcomes: Record<string, number>;
  exactlyOnce: { logRowsAdded: number; applied: number; inFlightAtStop: number; distinctIds: number; ok: boolean };
  /** Cores' worth of CPU used during the run, by party; "other" is everything else on the machine. */
  cpu: ReturnType<typeof coresUsed>;
  /** Server CPU time per answered request (ms): the cost of one grade, less sensitive to other load than req/s. */
  serverCpuMsPerRequest: number;
  /** 1-minute load average just before the run (other work on the machine shows here). */
  loadAverageBefore: number;
  /** The server's peak resident memory during the run (MiB), summed over its processes. */
  peakRssMiB: number;
}

/** Realistic mix: Again 8%, Hard 7%, Good 75%, Easy 10%. */
function ratingFrom(x: number): number {
  return x < 0.08 ? 1 : x < 0.15 ? 2 : x < 0.9 ? 3 : 4;
}

export async function runGradeLoad(o: {
  url: string;
  connections: number;
  durationSeconds: number;
  targets: readonly Target[];
  cookies: Map<string, string>;
  runTag: string;
  seed: number;
  db: BenchDb;
  serverPid: number;
}): Promise<LoadResult> {
  const r = prng(o.seed);
  let counter = 0;
  const outcomes: Record<string, number> = {};
  const before = await o.db.countLogs();
  const loadAverageBefore = Math.round(os.loadavg()[0]! * 100) / 100;
  const cpuBefore = cpuSnapshot(o.serverPid);

  const rss = sampleRss(o.serverPid);
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/api/v1/review/grades",
        setupRequest(request) {
          const target = o.targets[Math.floor(r.next() * o.targets.length)]!;
          const grade = { id: `${o.runTag}-${(counter++).toString(36)}`, cardId: target.cardId, rating: ratingFrom(r.next()), durationMs: 2000 + Math.floor(r.next() * 15_000) };
          return {
            ...request,
            headers: { "content-type": "application/json", cookie: o.cookies.get(target.userId)! },
            body: JSON.stringify(grade),
          };
        },
        onResponse(status, body) {
          let key = `http ${status}`;
          try {
            const json = JSON.parse(body) as { status?: string; reason?: string; error?: string };
            key = json.status ? (json.reason ? `${json.status}:${json.reason}` : json.status) : `error:${json.error ?? status}`;
          } catch {
            // not JSON: keep the status code
          }
          outcomes[key] = (outcomes[key] ?? 0) + 1;
        },
      },
    ],
  });
  const result = await instance;
  const cpu = coresUsed(cpuBefore, cpuSnapshot(o.serverPid));
  const peakRssMiB = rss.stop();

  // Requests still in flight when the run stopped may yet be applied; let them land.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = await o.db.countLogs();
  const mine = await o.db.countLogsWithPrefix(`${o.runTag}-`);
  const applied = outcomes.applied ?? 0;
  const logRowsAdded = after - before;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]));
  return {
    connections: o.connections,
    durationSeconds: result.duration,
    requestsSent: result.requests.sent ?? counter,
    responses: result["2xx"] + result.non2xx,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    outcomes,
    exactlyOnce: {
      logRowsAdded,
      applied,
      inFlightAtStop: logRowsAdded - applied,
      distinctIds: mine.distinct,
      ok: mine.rows === logRowsAdded && mine.distinct === mine.rows && logRowsAdded >= applied && logRowsAdded - applied <= o.connections,
    },
    cpu,
    serverCpuMsPerRequest: Math.round(((cpu.server * result.duration * 1000) / Math.max(1, result["2xx"] + result.non2xx)) * 10) / 10,
    loadAverageBefore,
    peakRssMiB,
  };
}

/** Samples the server's resident memory (VmRSS of its process and all descendants, summed) every 200 ms until stopped; returns the peak in MiB. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  // Nothing to read when the process is gone or this is not Linux: the sum is 0 then.
  const read = () => (peak = Math.max(peak, serverRssKiB(pid).kib));
  read();
  const timer = setInterval(read, 200);
  return {
    stop() {
      clearInterval(timer);
      read();
      return Math.round(peak / 1024);
    },
  };
}

/** Loads `GET /api/v1/review/queue` (today's queue, with `?limit=` when given) for random learners. */
export async function runQueueLoad(o: { url: string; connections: number; durationSeconds: number; userIds: readonly string[]; cookies: Map<string, string>; seed: number; limit?: number; serverPid: number }) {
  const r = prng(o.seed);
  let bytes = 0;
  let answers = 0;
  const gzipped: number[] = [];
  const rss = sampleRss(o.serverPid);
  const cpuBefore = cpuSnapshot(o.serverPid);
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        path: `/api/v1/review/queue${o.limit ? `?limit=${o.limit}` : ""}`,
        setupRequest(request) {
          const userId = o.userIds[Math.floor(r.next() * o.userIds.length)]!;
          return { ...request, headers: { cookie: o.cookies.get(userId)! } };
        },
        onResponse(_status, body) {
          bytes += Buffer.byteLength(body);
          // Every 50th answer gzipped at level 9 (what a browser is sent): the payload measure.
          if (answers++ % 50 === 0) gzipped.push(zlib.gzipSync(body, { level: 9 }).length);
        },
      },
    ],
  });
  const cpu = coresUsed(cpuBefore, cpuSnapshot(o.serverPid));
  return {
    connections: o.connections,
    limit: o.limit ?? null,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx,
    meanBodyKB: Math.round((bytes / Math.max(1, answers) / 1024) * 10) / 10,
    meanGzipKB: Math.round((gzipped.reduce((a, b) => a + b, 0) / Math.max(1, gzipped.length) / 1024) * 10) / 10,
    serverCpuMsPerRequest: Math.round(((cpu.server * result.duration * 1000) / Math.max(1, result["2xx"] + result.non2xx)) * 10) / 10,
    peakRssMiB: rss.stop(),
  };
}
