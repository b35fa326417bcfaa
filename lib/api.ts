import "server-only";
import type { z } from "zod";
import { sessionOfRequest } from "@/lib/auth/request-session";
import { findLearnerWithSessionVersion, findUserWithSessionVersion, type CurrentUser } from "@/lib/auth/users";
import type { LearnerSrsSettings } from "@/lib/srs/settings-store";
import { env } from "@/lib/env";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** The largest JSON body the API reads (a full batch of 500 offline grades is about 100 kB). */
export const MAX_JSON_BODY_BYTES = 1_000_000;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: string, message: string, details?: unknown): Response {
  return json({ error, message, ...(details ? { details } : {}) }, status);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this site is reached at: NEXTAUTH_URL and the one the request was addressed to. */
function siteOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  if (env.NEXTAUTH_URL) origins.add(new URL(env.NEXTAUTH_URL).origin);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(request.url).protocol.replace(":", "");
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

/**
 * Why a state-changing request must be refused as cross-site, or null.
 * Browsers send `Sec-Fetch-Site` and `Origin` with every cross-origin POST
 * (a page on another port of the same host is same-site, so SameSite
 * cookies do not stop it); clients outside a browser send neither.
 */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return `requests from other sites are not accepted (Sec-Fetch-Site: ${fetchSite})`;
  const origin = request.headers.get("origin");
  if (origin && !siteOrigins(request).has(origin)) return "requests from other origins are not accepted";
  return null;
}

/**
 * Wraps a JSON route handler for signed-in users (session cookie). Requests
 * that change something must come from this site. Unknown failures are
 * logged and answered with a generic 500, never a stack trace.
 */
/**
 * Runs `handler` for a signed-in user: cross-site requests are refused, the
 * session cookie is decoded once (lib/auth/request-session.ts) and the user
 * read fresh with their session version checked, so a role change, a deleted
 * account or "sign out everywhere" takes effect on the next call.
 */
export function withUser<C>(handler: (request: Request, user: CurrentUser, context: C) => Promise<Response>) {
  return guarded(async (request, context: C) => {
    const session = await sessionOfRequest(request);
    const user = session ? await findUserWithSessionVersion(session.userId, session.sessionVersion) : null;
    if (!user) return apiError(401, "unauthorized", "Sign in to use this API.");
    return handler(request, user, context);
  });
}

/** As {@link withUser}, with the learner's review settings read in the same query (the grading hot path). */
export function withLearner<C>(handler: (request: Request, user: CurrentUser, settings: LearnerSrsSettings, context: C) => Promise<Response>) {
  return guarded(async (request, context: C) => {
    const session = await sessionOfRequest(request);
    const learner = session ? await findLearnerWithSessionVersion(session.userId, session.sessionVersion) : null;
    if (!learner) return apiError(401, "unauthorized", "Sign in to use this API.");
    return handler(request, learner.user, learner.settings, context);
  });
}

function guarded<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const crossSite = crossSiteReason(request);
      if (crossSite) {
        // Never read: let the connection drop it rather than leave the body waiting.
        void request.body?.cancel().catch(() => undefined);
        return apiError(403, "cross-site", `Forbidden: ${crossSite}.`);
      }
      return await handler(request, context);
    } catch (error) {
      console.error("[api]", request.method, new URL(request.url).pathname, error);
      return apiError(500, "internal", "Something went wrong on our side. Nothing was half-applied; try again.");
    }
  };
}

// C0 controls other than tab, newline and carriage return, DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// With the u flag a surrogate pair is one code point, so this matches lone surrogates only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The path of the first string (or key) that is not well-formed text, or null. */
function badTextPath(value: unknown, path: string[] = []): { path: string; problem: string } | null {
  const check = (text: string, at: string[]) => {
    if (LONE_SURROGATE.test(text)) return { path: at.join("."), problem: "a lone UTF-16 surrogate" };
    if (CONTROL.test(text)) return { path: at.join("."), problem: "a control character" };
    return null;
  };
  if (typeof value === "string") return check(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badTextPath(value[i], [...path, String(i)]);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const bad = check(key, [...path, key]) ?? badTextPath(child, [...path, key]);
      if (bad) return bad;
    }
  }
  return null;
}

/** Reads the whole body, whatever its framing (Content-Length or chunked), up to `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads and validates a JSON body; a Response (4xx) when it is not valid:
 * 415 unless the body is declared `application/json` (a cross-site form or
 * `text/plain` fetch cannot declare it without a CORS preflight, which this
 * site never grants), 413 over the size limit, 400 for malformed JSON, text
 * with lone surrogates or control characters, or a body the schema refuses.
 * With `optional`, an empty body (of any framing) stands for `{}`.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { optional?: boolean; limit?: number } = {},
): Promise<z.infer<S> | Response> {
  const limit = options.limit ?? MAX_JSON_BODY_BYTES;
  const bytes = await readBody(request, limit);
  if (bytes === "too-large") return apiError(413, "too-large", `The request body is larger than ${Math.round(limit / 1000)} kB.`);
  let body: unknown;
  if (bytes.byteLength === 0 && options.optional) {
    body = {};
  } else {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") return apiError(415, "unsupported-media-type", "Send the request body as JSON with Content-Type: application/json.");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return apiError(400, "invalid-text", "The request body is not valid UTF-8.");
    }
    try {
      body = JSON.parse(text);
    } catch {
      return apiError(400, "invalid-json", "The request body must be JSON.");
    }
    const bad = badTextPath(body);
    if (bad) return apiError(400, "invalid-text", `${bad.path ? `${bad.path}: ` : ""}text must not contain ${bad.problem}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return apiError(400, "invalid-body", issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), issues);
  }
  return parsed.data;
}
