import "server-only";
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
 * The session of a JSON API request, read from its signed session cookie only
 * (an Authorization header is never taken as a session). This decodes the
 * JWT once, where next-auth's full session handler would also run the
 * callbacks and write a refreshed cookie on every call; pages still refresh
 * it. The session version is checked against the database by the caller.
 */
export async function sessionOfRequest(request: Request): Promise<RequestSession | null> {
  const secureCookie = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const token = await getToken({ req: { cookies: cookiesOf(request.headers.get("cookie")), headers: {} } as never, secret: env.NEXTAUTH_SECRET, secureCookie });
  if (!token || typeof token.uid !== "string") return null;
  return { userId: token.uid, sessionVersion: typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : 0 };
}
