import { afterAll, describe, expect, it } from "vitest";
import { authenticate, GENERIC_SIGN_IN_ERROR } from "@/lib/auth/sign-in";
import { createUser, deleteUser, findUserById, setRole, updateProfile } from "@/lib/auth/users";
import { db } from "@/lib/db";

const run = Math.random().toString(36).slice(2, 8);
const email = (name: string) => `${name}-${run}@example.test`;

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

  it("throttles an account after five failures and says when to retry", async () => {
    await createUser({ name: "Cy", email: email("cy"), password: "cy's long password", timeZone: "UTC" });
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const r = await authenticate({ email: email("cy"), password: `bad guess ${i}` }, `ip-${i}-${run}`, now);
      expect(r.ok).toBe(false);
    }
    // Even the right password is refused while the account is throttled.
    const later = new Date(now.getTime() + 60_000);
    const blocked = await authenticate({ email: email("cy"), password: "cy's long password" }, `ip-x-${run}`, later);
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.retryAfterSeconds).toBe(240);
    expect(blocked.error).toBe("Too many sign-in attempts. Try again in 240 s.");
    // After the window the right password works and clears the counter.
    const afterWindow = new Date(now.getTime() + 301_000);
    expect((await authenticate({ email: email("cy"), password: "cy's long password" }, `ip-y-${run}`, afterWindow)).ok).toBe(true);
    expect(await db.rateLimit.findUnique({ where: { key: `signin:account:${email("cy")}` } })).toBeNull();
  });

  it("throttles an IP address that tries many accounts", async () => {
    const ip = `ip-spray-${run}`;
    const now = new Date("2026-11-22T11:00:00Z");
    for (let i = 0; i < 5; i++) await authenticate({ email: email(`spray${i}`), password: "guess guess" }, ip, now);
    const r = await authenticate({ email: email("spray-next"), password: "guess guess" }, ip, new Date(now.getTime() + 1000));
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
});
