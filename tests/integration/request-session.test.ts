import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as queueRoute } from "@/app/api/v1/review/queue/route";
import { sessionOfRequest } from "@/lib/auth/request-session";
import { endAllSessions } from "@/lib/auth/session-version";
import { createUser, findLearnerWithSessionVersion, findUserWithSessionVersion } from "@/lib/auth/users";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/settings";
import { saveSrsSettings } from "@/lib/srs/settings-store";
import { db } from "@/lib/db";
import { newCardFields } from "@/lib/srs/scheduler";

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
  await db.flashcard.deleteMany({ where: { lessonSlug: `rs-${run}` } });
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

describe("reading the signed-in user", () => {
  it("answers each of many reads made at once with its own user and settings, and none for a stale session or unknown id", async () => {
    const made = await Promise.all(
      ["a", "b", "c"].map((n) => createUser({ name: `Reader ${n}`, email: `reader-${n}-${run}@example.test`, password: "long enough password", timeZone: "Europe/Paris" })),
    );
    const ids = made.map((r) => (r.ok ? r.user.id : ""));
    try {
      await saveSrsSettings(ids[1]!, { ...DEFAULT_SRS_SETTINGS, newPerDay: 7, enableFuzz: false, desiredRetention: 0.85 });
      await endAllSessions(ids[2]!);
      const [a, b, staleC, currentC, nobody, userB] = await Promise.all([
        findLearnerWithSessionVersion(ids[0]!, 0),
        findLearnerWithSessionVersion(ids[1]!, 0),
        findLearnerWithSessionVersion(ids[2]!, 0),
        findLearnerWithSessionVersion(ids[2]!, 1),
        findLearnerWithSessionVersion("no-such-user", 0),
        findUserWithSessionVersion(ids[1]!, 0),
      ]);
      expect(a?.user).toMatchObject({ id: ids[0], name: "Reader a", role: "candidate", timeZone: "Europe/Paris", examDate: null });
      expect(a?.user.createdAt).toBeInstanceOf(Date);
      expect(a?.settings).toEqual({ ...DEFAULT_SRS_SETTINGS, parameters: null, parametersFitAt: null });
      expect(b?.user.id).toBe(ids[1]);
      expect(b?.settings).toMatchObject({ newPerDay: 7, enableFuzz: false, desiredRetention: 0.85, parameters: null });
      expect(staleC).toBeNull();
      expect(currentC?.user.id).toBe(ids[2]);
      expect(nobody).toBeNull();
      expect(userB).toEqual(b?.user);
    } finally {
      await db.user.deleteMany({ where: { id: { in: ids } } });
    }
  });
});

describe("today's queue, a screenful at a time", () => {
  it("sends the first N cards with how many more there are, and refuses a bad limit", async () => {
    const r = await createUser({ name: "Limit", email: `limit-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
    if (!r.ok) throw new Error("setup failed");
    const learner = r.user.id;
    try {
      for (let n = 1; n <= 5; n++) {
        const id = `rs-${run}/c${n}`;
        await db.flashcard.create({ data: { id, lessonSlug: `rs-${run}`, section: "s", front: `F${n}?`, back: "B.", source: "card", position: n, contentHash: "h" } });
        await db.reviewCard.create({ data: { userId: learner, kind: "flashcard", flashcardId: id, ...newCardFields(new Date()) } });
      }
      const signedIn = { cookie: await cookie({ uid: learner, sv: 0 }) };
      const whole = (await (await queueRoute(get(signedIn), undefined as never)).json()) as { cards: { cardId: string }[]; more?: number };
      expect(whole.cards).toHaveLength(5);
      expect(whole.more).toBeUndefined();
      const first = new Request("http://systemic.test/api/v1/review/queue?limit=2", { headers: signedIn });
      const part = (await (await queueRoute(first, undefined as never)).json()) as { cards: { cardId: string }[]; more: number };
      expect(part.cards.map((c) => c.cardId)).toEqual(whole.cards.slice(0, 2).map((c) => c.cardId));
      expect(part.more).toBe(3);
      for (const bad of ["0", "501", "two", "1.5"]) {
        const response = await queueRoute(new Request(`http://systemic.test/api/v1/review/queue?limit=${bad}`, { headers: signedIn }), undefined as never);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBe("invalid-limit");
      }
    } finally {
      await db.user.delete({ where: { id: learner } });
    }
  });
});
