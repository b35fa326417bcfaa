/**
 * The production HTTP server: Next's request handler behind a small Node
 * server that knows the socket, which Next does not show the app. It sets
 * the client address used by the sign-in throttle from the socket and
 * TRUSTED_PROXY_HOPS, replacing any value the client sent.
 *
 *   PORT=3000 TRUSTED_PROXY_HOPS=0 tsx scripts/server.ts   (run by `npm start`)
 */
import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress } from "../lib/auth/client-ip";
import { root } from "./lib/env-files";

const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0) {
  console.error("TRUSTED_PROXY_HOPS must be a whole number of proxies in front of the app (0 when clients connect directly).");
  process.exit(1);
}

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

// next.config.mjs's serverActions.bodySizeLimit ("8mb"): Next answers an action over it with a 500, so a
// declared-too-large one is answered 413 here before Next reads it.
const ACTION_BODY_LIMIT = 8 * 1024 * 1024;

const server = http.createServer((req, res) => {
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
server.listen(port, () => console.log(`Listening on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
