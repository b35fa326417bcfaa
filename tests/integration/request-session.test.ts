import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as queueRoute } from "@/app/api/v1/review/queue/route";
import { sessionOfRequest } from "@/lib/auth/request-session";
import { endAllSessions } from "@/lib/auth/session-version";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";

// The JSON API's session: a real signed cookie, decoded once per request, checked against the database.
const SECRET = process.env.NEXTAUTH_SECRET!;
const run = Math.random().toString(36).slice(2, 8);
let userId = "";

const cookie = async (token: Record<string, unknown>, secret = SECRET) => `next-auth.session-token=${await encode({ token, secret })}`;
const get = (headers: Record<string, string>) => new Request("http://systemic.test/api/v1/review/queue", { headers });

beforeAll(async () => {
  const r = await createUser({ name: "Cookie", email: `cookie-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
  if (!r.ok) throw new Error("setup failed");
  userId = r.user.id;
});
afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
});

describe("the session of an API request", () => {
  it("reads whose it is and its session version from the signed cookie", async () => {
    expect(await sessionOfRequest(get({ cookie: `theme=dark; ${await cookie({ uid: "u-1", sv: 3 })}` }))).toEqual({ userId: "u-1", sessionVersion: 3 });
    expect(await sessionOfRequest(get({ cookie: await cookie({ uid: "u-1" }) }))).toEqual({ userId: "u-1", sessionVersion: 0 });
  });

  it("takes no session from a cookie signed with another secret, a token without a user, or an Authorization header", async () => {
    expect(await sessionOfRequest(get({ cookie: await cookie({ uid: "u-1" }, "another-secret-0123456789abcdef") }))).toBeNull();
    expect(await sessionOfRequest(get({ cookie: await cookie({ name: "x" }) }))).toBeNull();
    const token = await encode({ token: { uid: "u-1" }, secret: SECRET });
    expect(await sessionOfRequest(get({ authorization: `Bearer ${token}` }))).toBeNull();
    expect(await sessionOfRequest(get({}))).toBeNull();
  });

  it("lets a route answer the cookie's user, until their sessions are ended", async () => {
    const signedIn = { cookie: await cookie({ uid: userId, sv: 0 }) };
    const first = await queueRoute(get(signedIn), undefined as never);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { cards: unknown[] }).cards).toEqual([]);
    await endAllSessions(userId);
    expect((await queueRoute(get(signedIn), undefined as never)).status).toBe(401);
    expect((await queueRoute(get({ cookie: await cookie({ uid: userId, sv: 1 }) }), undefined as never)).status).toBe(200);
  });
});
