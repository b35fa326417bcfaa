import { afterAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { endAllSessions, userOfSession } from "@/lib/auth/session-version";
import { authenticate, GENERIC_SIGN_IN_ERROR, MAX_SIGN_IN_DELAY_MS } from "@/lib/auth/sign-in";
import { createUser, deleteUser, findUserById, setPassword, setRole, updateProfile } from "@/lib/auth/users";
import { db } from "@/lib/db";

const run = Math.random().toString(36).slice(2, 8);
const email = (name: string) => `${name}-${run}@example.test`;
const noWait = async () => {};

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@example.test` } } });
  await db.rateLimit.deleteMany({ where: { key: { contains: run } } });
  await db.$disconnect();
});

describe("accounts", () => {
  it("creates a candidate with a hashed password and refuses a duplicate email", async () => {
    const result = await createUser({ name: "Ada", email: email("ada"), password: "correct horse battery", timeZone: "Europe/Paris" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.role).toBe("candidate");
    expect(result.user.timeZone).toBe("Europe/Paris");
    const stored = await db.user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("correct horse");

    const again = await createUser({ name: "Ada 2", email: email("ada"), password: "another password", timeZone: "UTC" });
    expect(again).toEqual({ ok: false, reason: "email-taken" });
  });

  it("signs in with the right password and gives one generic error otherwise", async () => {
    await createUser({ name: "Ben", email: email("ben"), password: "ben's long password", timeZone: "UTC" });
    const ip = `ip-ok-${run}`;
    const good = await authenticate({ email: email("ben").toUpperCase(), password: "ben's long password" }, ip);
    expect(good.ok).toBe(true);
    const wrong = await authenticate({ email: email("ben"), password: "wrong password!" }, ip);
    const unknown = await authenticate({ email: email("nobody"), password: "whatever password" }, ip);
    expect(wrong).toEqual({ ok: false, error: GENERIC_SIGN_IN_ERROR });
    expect(unknown).toEqual({ ok: false, error: GENERIC_SIGN_IN_ERROR });
  });

  it("throttles an account from one address after five failures and says when to retry", async () => {
    await createUser({ name: "Cy", email: email("cy"), password: "cy's long password", timeZone: "UTC" });
    const now = new Date("2026-11-22T10:00:00Z");
    const ip = `ip-cy-${run}`;
    for (let i = 0; i < 5; i++) {
      const r = await authenticate({ email: email("cy"), password: `bad guess ${i}` }, ip, now, noWait);
      expect(r.ok).toBe(false);
    }
    // Even the right password is refused from that address while it is throttled.
    const later = new Date(now.getTime() + 60_000);
    const blocked = await authenticate({ email: email("cy"), password: "cy's long password" }, ip, later, noWait);
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.retryAfterSeconds).toBe(240);
    expect(blocked.error).toBe("Too many sign-in attempts. Try again in about 4 minutes.");
    // After the window the right password works and clears the account's counters.
    const afterWindow = new Date(now.getTime() + 301_000);
    expect((await authenticate({ email: email("cy"), password: "cy's long password" }, ip, afterWindow, noWait)).ok).toBe(true);
    expect(await db.rateLimit.findUnique({ where: { key: `signin:account:${email("cy")}` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `signin:account-ip:${email("cy")}|${ip}` } })).toBeNull();
  });

  it("does not let an attacker's failures lock the owner out from their own address", async () => {
    await createUser({ name: "Owner", email: email("owner"), password: "owner's long password", timeZone: "UTC" });
    const now = new Date("2026-11-22T12:00:00Z");
    const attacker = `ip-attacker-${run}`;
    for (let i = 0; i < 8; i++) await authenticate({ email: email("owner"), password: `guess ${i}` }, attacker, now, noWait);
    const attackerAgain = await authenticate({ email: email("owner"), password: "owner's long password" }, attacker, new Date(now.getTime() + 1000), noWait);
    expect(attackerAgain).toMatchObject({ ok: false, retryAfterSeconds: 299 });
    // The owner, from their own address, signs in (after a short delay, the account having seen failures).
    const waits: number[] = [];
    const owner = await authenticate({ email: email("owner"), password: "owner's long password" }, `ip-home-${run}`, new Date(now.getTime() + 2000), async (ms) => {
      waits.push(ms);
    });
    expect(owner.ok).toBe(true);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(MAX_SIGN_IN_DELAY_MS);
  });

  it("stops guessing spread over many addresses at the account ceiling", async () => {
    await createUser({ name: "Eve", email: email("eve"), password: "eve's long password", timeZone: "UTC" });
    const now = new Date("2026-11-22T13:00:00Z");
    // Fifty failures from fifty addresses (a botnet, or rotated X-Forwarded-For behind a trusting proxy).
    for (let i = 0; i < 50; i++) await authenticate({ email: email("eve"), password: `guess ${i}` }, `ip-bot${i}-${run}`, now, noWait);
    const r = await authenticate({ email: email("eve"), password: "eve's long password" }, `ip-home-${run}`, new Date(now.getTime() + 1000), noWait);
    expect(r).toMatchObject({ ok: false, retryAfterSeconds: 299 });
  });

  it("throttles an IP address that tries many accounts", async () => {
    const ip = `ip-spray-${run}`;
    const now = new Date("2026-11-22T11:00:00Z");
    for (let i = 0; i < 20; i++) await authenticate({ email: email(`spray${i}`), password: "guess guess" }, ip, now, noWait);
    const r = await authenticate({ email: email("spray-next"), password: "guess guess" }, ip, new Date(now.getTime() + 1000), noWait);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.retryAfterSeconds).toBe(299);
  });

  it("changes roles, saves settings and deletes the account with its data", async () => {
    const created = await createUser({ name: "Dee", email: email("dee"), password: "dee's long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("setup failed");
    const promoted = await setRole(email("dee"), "instructor");
    expect(promoted?.role).toBe("instructor");
    expect(await setRole(email("missing"), "instructor")).toBeNull();

    const updated = await updateProfile(created.user.id, { name: "Dee Q", timeZone: "Asia/Tokyo", examDate: "2027-03-15" });
    expect(updated).toMatchObject({ name: "Dee Q", timeZone: "Asia/Tokyo" });
    expect(updated.examDate?.toISOString()).toBe("2027-03-15T00:00:00.000Z");

    await db.item.upsert({
      where: { id: `zz-${run}` },
      update: {},
      create: {
        id: `zz-${run}`, lessonSlug: "x", section: "x", domain: 1, concepts: "[]", difficulty: 1, stem: "s", leadIn: "q?",
        options: "[]", keyIndex: 0, author: "t", writtenOn: "2026-11-22", blueprint: "amftrb-2020", contentHash: "h",
      },
    });
    await db.answer.create({ data: { userId: created.user.id, itemId: `zz-${run}`, chosen: 1, correct: false, timeMs: 1000, mode: "tutor" } });
    await db.lessonProgress.create({ data: { userId: created.user.id, lessonSlug: "x" } });

    expect(await deleteUser(created.user.id)).toBe(true);
    expect(await findUserById(created.user.id)).toBeNull();
    expect(await db.answer.count({ where: { userId: created.user.id } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { userId: created.user.id } })).toBe(0);
    await db.item.delete({ where: { id: `zz-${run}` } });
  });

  it("ends every session of a user when their session version is bumped: sign out everywhere, password change, role change", async () => {
    const created = await createUser({ name: "Sid", email: email("sid"), password: "sid's long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("setup failed");
    const id = created.user.id;
    // A session as next-auth builds it at sign-in, through the app's own callbacks.
    const issue = async () => {
      const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id, email: email("sid") }, account: null, trigger: "signIn" } as never);
      return authOptions.callbacks!.session!({ session: { user: {}, expires: "" }, token } as never) as never;
    };
    const first = await issue();
    expect((await userOfSession(first))?.id).toBe(id);
    // A copied cookie of the same session works until the user signs out everywhere.
    await endAllSessions(id);
    expect(await userOfSession(first)).toBeNull();
    const second = await issue();
    expect((await userOfSession(second))?.id).toBe(id);

    expect(await setPassword(id, "a brand new long password")).toBe(true);
    expect(await userOfSession(second)).toBeNull();
    expect((await authenticate({ email: email("sid"), password: "a brand new long password" }, `ip-sid-${run}`, new Date(), noWait)).ok).toBe(true);
    const third = await issue();
    expect((await userOfSession(third))?.id).toBe(id);

    await setRole(email("sid"), "instructor");
    expect(await userOfSession(third)).toBeNull();
    expect((await userOfSession(await issue()))?.role).toBe("instructor");
  });
});
