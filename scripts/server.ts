/**
 * The production HTTP server: Next's request handler behind a small Node
 * server that knows the socket, which Next does not show the app. It sets
 * the client address used by the sign-in throttle from the socket and
 * TRUSTED_PROXY_HOPS, replacing any value the client sent.
 *
 * With `--workers N` (or WORKERS=N) above 1 this process is a node:cluster
 * primary: it forks N app processes that share the port (the primary hands
 * out connections in turn), replaces one that dies, and stops them all on
 * SIGINT/SIGTERM. Refused on SQLite (scripts/lib/workers.ts).
 *
 *   PORT=3000 TRUSTED_PROXY_HOPS=0 tsx scripts/server.ts [--workers N]   (run by `npm start`)
 */
import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import { workersFor } from "./lib/workers";

const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0) {
  console.error("TRUSTED_PROXY_HOPS must be a whole number of proxies in front of the app (0 when clients connect directly).");
  process.exit(1);
}
const asked = workersFor();
if (!asked.ok) {
  console.error(asked.message);
  process.exit(1);
}
const workers = asked.workers;

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await serve(cluster.isWorker ? Number(process.env.SYSTEMIC_WORKER ?? cluster.worker!.id) : null);

/** One app process: Next behind the socket-aware server. `worker` numbers it (1…N) when there are several. */
async function serve(worker: number | null) {
  const [{ default: next }, { CLIENT_IP_HEADER, clientAddress }, { root }] = await Promise.all([import("next"), import("../lib/auth/client-ip"), import("./lib/env-files")]);
  const app = next({ dev: false, dir: root, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // next.config.mjs's serverActions.bodySizeLimit ("8mb"): Next answers an action over it with a 500, so a
  // declared-too-large one is answered 413 here before Next reads it.
  const ACTION_BODY_LIMIT = 8 * 1024 * 1024;
  // Which process answered, so an operator (and the tests) can see connections spread over them.
  const workerHeader = worker === null ? null : String(worker);

  const server = http.createServer((req, res) => {
    if (workerHeader) res.setHeader("X-Systemic-Worker", workerHeader);
    if (req.method === "POST" && req.headers["next-action"] && Number(req.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) {
      // Discard the body as it arrives, so the client can finish sending and read the answer.
      req.resume();
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("The request is too large (server actions take at most 8 MB).");
      return;
    }
    const forwarded = req.headers["x-forwarded-for"];
    req.headers[CLIENT_IP_HEADER] = clientAddress(Array.isArray(forwarded) ? forwarded.join(",") : forwarded, req.socket.remoteAddress, hops);
    void handle(req, res);
  });
  server.listen(port, () => console.log(worker === null ? `Listening on http://localhost:${port}` : `App process ${worker} (pid ${process.pid}) listening on http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

/**
 * The cluster primary: forks `count` app processes, each numbered 1…count
 * (a replacement takes the number of the one it replaces), and serves nothing itself.
 */
async function runPrimary(count: number) {
  // A process that keeps dying at start (a port in use, a bad build) is not restarted for ever.
  const RESTARTS_PER_MINUTE = 5;
  const deaths: number[] = [];
  const numbers = new Map<Worker, number>();
  let stopping = false;
  let stopCode = 0;

  const fork = (n: number) => numbers.set(cluster.fork({ SYSTEMIC_WORKER: String(n) }), n);
  for (let n = 1; n <= count; n++) fork(n);
  console.log(`Serving with ${count} app processes (primary pid ${process.pid}).`);

  cluster.on("exit", (worker, code, signal) => {
    const n = numbers.get(worker)!;
    numbers.delete(worker);
    if (stopping) {
      if (numbers.size === 0) process.exit(stopCode);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - 60_000) deaths.shift();
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (deaths.length > RESTARTS_PER_MINUTE) {
      console.error(`App process ${n} (pid ${worker.process.pid}) ${how}; ${deaths.length} processes died within a minute, so the server stops.`);
      stopAll("SIGTERM", 1);
      return;
    }
    console.error(`App process ${n} (pid ${worker.process.pid}) ${how}; starting a new one.`);
    fork(n);
  });

  const stopAll = (signal: NodeJS.Signals, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    stopCode = exitCode;
    if (numbers.size === 0) process.exit(exitCode);
    for (const worker of numbers.keys()) worker.process.kill(signal);
    // Each process closes its server and exits; one that hangs is killed.
    setTimeout(() => {
      for (const worker of numbers.keys()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(signal));
}
