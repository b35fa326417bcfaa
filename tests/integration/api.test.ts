/**
 * The JSON API's shared guards (lib/api.ts) through real route handlers:
 * cross-site requests, content types, sizes, malformed text, strict bodies
 * and bodies of any framing. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));
// The session cookie's decoding has its own test (request-session.test.ts); here the request is simply someone's.
vi.mock("@/lib/auth/request-session", () => ({
  sessionOfRequest: async () => (session.userId ? { userId: session.userId, sessionVersion: 0 } : null),
}));

import { POST as joinRoute } from "@/app/api/v1/cohorts/join/route";
import { POST as gradeRoute } from "@/app/api/v1/review/grades/route";
import { POST as undoRoute } from "@/app/api/v1/review/undo/route";
import { createUser } from "@/lib/auth/users";
import { createCohort } from "@/lib/cohorts/cohorts";
import { db } from "@/lib/db";
import { submitGrade } from "@/lib/srs/reviews";
import { newCardFields } from "@/lib/srs/scheduler";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `api-${run}`;
const SITE = "http://systemic.test";
const users: string[] = [];
let learner = "";
let cardId = "";
let joinCode = "";
let seq = 0;
const gid = () => `api-${run}-${++seq}`;

type Handler = (request: Request, context: never) => Promise<Response>;
const call = (handler: Handler, request: Request) => handler(request, undefined as never);

function post(path: string, body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request(`${SITE}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body sent with Transfer-Encoding: chunked (no Content-Length), one piece at a time. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 7));
      offset += 7;
    },
  });
}

beforeAll(async () => {
  const a = await createUser({ name: "Api learner", email: `api-${run}@example.test`, password: "long enough password", timeZone: "UTC" });
  const b = await createUser({ name: "Api teacher", email: `api-teacher-${run}@example.test`, password: "long enough password", timeZone: "UTC" }, "instructor");
  if (!a.ok || !b.ok) throw new Error("setup failed");
  learner = a.user.id;
  users.push(a.user.id, b.user.id);
  await db.flashcard.create({ data: { id: `${lesson}/c1`, lessonSlug: lesson, section: "s", front: "F?", back: "B.", source: "card", position: 1, contentHash: "h" } });
  cardId = (await db.reviewCard.create({ data: { userId: learner, kind: "flashcard", flashcardId: `${lesson}/c1`, ...newCardFields(new Date()) } })).id;
  joinCode = (await createCohort(b.user.id, { name: `Api ${run}`, description: null, examDate: null, timeZone: "UTC" })).joinCode;
  session.userId = learner;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
  await db.$disconnect();
});

const grade = () => JSON.stringify({ id: gid(), cardId, rating: 3, durationMs: 1000 });
const logCount = () => db.reviewLog.count({ where: { userId: learner } });
const memberships = () => db.cohortMember.count({ where: { userId: learner } });

describe("cross-site requests", () => {
  it("refuses writes another site's page sends with the learner's cookie, and changes nothing", async () => {
    const before = await logCount();
    const attacks: Record<string, string>[] = [
      { "content-type": "application/json", origin: "http://systemic.test:4000", "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      { "content-type": "application/json", "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: "http://systemic.test:4000" },
      { "content-type": "application/json", origin: "null" },
    ];
    for (const headers of attacks) {
      const response = await call(gradeRoute, post("/api/v1/review/grades", grade(), headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe("cross-site");
    }
    const join = await call(joinRoute, post("/api/v1/cohorts/join", JSON.stringify({ code: joinCode }), { "content-type": "application/json", origin: "http://systemic.test:4000" }));
    expect(join.status).toBe(403);
    const undo = await call(undoRoute, post("/api/v1/review/undo", null, { "sec-fetch-site": "same-site" }));
    expect(undo.status).toBe(403);
    expect(await logCount()).toBe(before);
    expect(await memberships()).toBe(0);
  });

  it("accepts the site's own pages and clients outside a browser", async () => {
    const own = await call(gradeRoute, post("/api/v1/review/grades", grade(), { "content-type": "application/json", origin: SITE, "sec-fetch-site": "same-origin" }));
    expect(own.status).toBe(200);
    const app = await call(gradeRoute, post("/api/v1/review/grades", grade()));
    expect(app.status).toBe(200);
  });

  it("refuses bodies that are not declared JSON (text/plain and form posts need no preflight)", async () => {
    const before = await logCount();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await call(gradeRoute, post("/api/v1/review/grades", grade(), { "content-type": type }));
      expect(response.status, type).toBe(415);
    }
    expect((await call(joinRoute, post("/api/v1/cohorts/join", JSON.stringify({ code: joinCode }), { "content-type": "text/plain" }))).status).toBe(415);
    expect(await logCount()).toBe(before);
    expect(await memberships()).toBe(0);
  });
});

describe("bodies", () => {
  it("refuses unknown fields on every body", async () => {
    const join = await call(joinRoute, post("/api/v1/cohorts/join", JSON.stringify({ code: joinCode, userId: "someone-else" })));
    expect(join.status).toBe(400);
    expect(await memberships()).toBe(0);
    const undo = await call(undoRoute, post("/api/v1/review/undo", JSON.stringify({ id: "abcdefgh", all: true })));
    expect(undo.status).toBe(400);
  });

  it("answers lone surrogates and control characters with a 400 that names the field", async () => {
    for (const [text, problem] of [
      ['{"code":"\\ud800ABCD"}', "lone UTF-16 surrogate"],
      ['{"code":"AB\\udc00CD"}', "lone UTF-16 surrogate"],
      ['{"code":"AB\\u0000CD"}', "control character"],
      ['{"code":"AB\\u001bCD"}', "control character"],
    ] as const) {
      const response = await call(joinRoute, post("/api/v1/cohorts/join", text));
      expect(response.status, text).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("invalid-text");
      expect(body.message).toBe(`code: text must not contain a ${problem}.`);
    }
    // A surrogate pair (an emoji), tabs and newlines are ordinary text.
    const ok = await call(joinRoute, post("/api/v1/cohorts/join", JSON.stringify({ code: "\ud83d\ude00\t\n" })));
    expect(ok.status).toBe(400);
    expect(((await ok.json()) as { error: string }).error).toBe("invalid-code");
  });

  it("answers a body over the limit with 413, however it is framed", async () => {
    const big = JSON.stringify({ code: "x".repeat(1_100_000) });
    const declared = await call(joinRoute, post("/api/v1/cohorts/join", big, { "content-type": "application/json", "content-length": String(big.length) }));
    expect(declared.status).toBe(413);
    const streamed = await call(joinRoute, post("/api/v1/cohorts/join", chunked(big)));
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: string }).error).toBe("too-large");
  });

  it("reads a chunked undo body: the named grade only, never the latest instead", async () => {
    const first = gid();
    const second = gid();
    expect(await submitGrade(learner, { id: first, cardId, rating: 3, durationMs: 1000 }, new Date(Date.now() + 60_000))).toMatchObject({ status: "applied" });
    expect(await submitGrade(learner, { id: second, cardId, rating: 3, durationMs: 1000 }, new Date(Date.now() + 120_000))).toMatchObject({ status: "applied" });
    const refused = await call(undoRoute, post("/api/v1/review/undo", chunked(JSON.stringify({ id: first }))));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, reason: "not-latest" });
    expect(await db.reviewLog.count({ where: { userId: learner, undoneAt: { not: null } } })).toBe(0);
    const undone = await call(undoRoute, post("/api/v1/review/undo", chunked(JSON.stringify({ id: second }))));
    expect(await undone.json()).toMatchObject({ ok: true, clientId: second });
    // An empty body, of either framing, still means "the latest grade".
    expect(await (await call(undoRoute, post("/api/v1/review/undo", chunked("")))).json()).toMatchObject({ ok: true, clientId: first });
  });
});
