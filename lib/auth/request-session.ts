import "server-only";
import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/** What an API request's session cookie says: whose it is and the session version it was issued at. */
export interface RequestSession {
  userId: string;
  sessionVersion: number;
}

/** Cookie header → name/value map (no decoding beyond what cookies need). */
function cookiesOf(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * Decoded session cookies, by the cookie's value. A cookie's content never
 * changes, so decoding it again (key derivation and decryption, the larger
 * part of an API call's own CPU) tells nothing new; what can change, the
 * user and their session version, is read from the database on every call
 * by the caller. An entry is dropped when the token expires.
 */
const decoded = new LRUCache<string, RequestSession & { expiresAt: number }>({ max: 20_000 });

/**
 * The session of a JSON API request, read from its signed session cookie only
 * (an Authorization header is never taken as a session). This decodes the
 * JWT once, where next-auth's full session handler would also run the
 * callbacks and write a refreshed cookie on every call; pages still refresh
 * it. The session version is checked against the database by the caller.
 */
export async function sessionOfRequest(request: Request): Promise<RequestSession | null> {
  const secureCookie = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const cookies = cookiesOf(request.headers.get("cookie"));
  const raw = sessionCookieOf(cookies, secureCookie);
  if (raw) {
    const hit = decoded.get(raw);
    if (hit && hit.expiresAt > Date.now()) return { userId: hit.userId, sessionVersion: hit.sessionVersion };
  }
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: env.NEXTAUTH_SECRET, secureCookie });
  if (!token || typeof token.uid !== "string") return null;
  const session = { userId: token.uid, sessionVersion: typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : 0 };
  if (raw && typeof token.exp === "number") decoded.set(raw, { ...session, expiresAt: token.exp * 1000 });
  return session;
}

/** The session cookie's whole value as next-auth reads it (a long token may be split into numbered chunks). */
function sessionCookieOf(cookies: Map<string, string>, secure: boolean): string | null {
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join("") : null;
}
