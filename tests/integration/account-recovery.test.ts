import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, confirmEmailChange, requestEmailChange, requestPasswordReset, RESET_REQUESTED_MESSAGE, resetPassword } from "@/lib/auth/recovery";
import { authenticate } from "@/lib/auth/sign-in";
import { endAllSessions, currentSessionVersion } from "@/lib/auth/session-version";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { smtpMailer, type Mailer } from "@/lib/mail";

const run = Math.random().toString(36).slice(2, 8);
const email = (name: string) => `${name}-${run}@example.test`;
const baseUrl = "http://systemic.test";

/** A real SMTP server on a free port; every message it accepts is parsed and kept. */
const inbox: ParsedMail[] = [];
const waiting: (() => void)[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push(mail);
        waiting.splice(0).forEach((wake) => wake());
        callback();
      })
      .catch(callback);
  },
});
let send: Mailer;

/** The first message to `to` received so far, or the next one to arrive; taken out of the inbox. */
async function messageTo(to: string): Promise<ParsedMail> {
  for (;;) {
    const found = inbox.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));
    if (found) {
      inbox.splice(inbox.indexOf(found), 1);
      return found;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

const linkIn = (mail: ParsedMail) => new URL(/https?:\/\/\S+/.exec(mail.text ?? "")![0]);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  send = smtpMailer(`smtp://127.0.0.1:${port}`, "Systemic <no-reply@systemic.test>");
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.user.deleteMany({ where: { email: { contains: `-${run}@example.test` } } });
  await db.rateLimit.deleteMany({ where: { key: { contains: run } } });
});

describe("password reset by email", () => {
  it("mails a single-use link (only its hash is stored) that sets a new password and ends every session", async () => {
    const created = await createUser({ name: "Rae", email: email("rae"), password: "rae's first long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("user not created");
    const versionBefore = await currentSessionVersion(created.user.id);

    const asked = await requestPasswordReset({ email: email("rae").toUpperCase(), ip: `ip-rae-${run}`, baseUrl }, send);
    expect(asked).toMatchObject({ ok: true, message: RESET_REQUESTED_MESSAGE });
    await asked.delivery;
    const mail = await messageTo(email("rae"));
    expect(mail.subject).toBe("Choose a new Systemic password");
    expect(mail.from?.text).toContain("no-reply@systemic.test");
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${baseUrl}/reset-password`);
    const token = link.searchParams.get("token")!;
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: created.user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    // A weak password is refused with advice, and the link still works afterwards.
    const weak = await resetPassword({ token, password: "password123" });
    expect(weak).toMatchObject({ ok: false, field: "password", error: expect.stringMatching(/most common passwords/) });
    expect(await resetPassword({ token, password: "rae's second long password" })).toMatchObject({ ok: true });
    expect(await currentSessionVersion(created.user.id)).toBe(versionBefore + 1);
    expect((await authenticate({ email: email("rae"), password: "rae's second long password" }, `ip-rae-${run}`)).ok).toBe(true);
    expect((await authenticate({ email: email("rae"), password: "rae's first long password" }, `ip-rae-${run}`)).ok).toBe(false);
    // Single use.
    expect(await resetPassword({ token, password: "rae's third long password" })).toMatchObject({ ok: false, error: expect.stringMatching(/expired or was already used/) });
  });

  it("refuses an expired link, and only the newest link works", async () => {
    await createUser({ name: "Sam", email: email("sam"), password: "sam's first long password", timeZone: "UTC" });
    const now = new Date();
    const first = await requestPasswordReset({ email: email("sam"), ip: `ip-sam-${run}`, baseUrl, now }, send);
    await first.delivery;
    const oldToken = linkIn(await messageTo(email("sam"))).searchParams.get("token")!;
    const second = await requestPasswordReset({ email: email("sam"), ip: `ip-sam-${run}`, baseUrl, now }, send);
    await second.delivery;
    const newToken = linkIn(await messageTo(email("sam"))).searchParams.get("token")!;
    expect(await resetPassword({ token: oldToken, password: "sam's second long password" })).toMatchObject({ ok: false });
    const later = new Date(now.getTime() + 61 * 60 * 1000);
    expect(await resetPassword({ token: newToken, password: "sam's second long password", now: later })).toMatchObject({ ok: false });
    expect(await resetPassword({ token: newToken, password: "sam's second long password", now })).toMatchObject({ ok: true });
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const unknown = await requestPasswordReset({ email: email("nobody"), ip: `ip-nobody-${run}`, baseUrl }, send);
    expect(unknown).toMatchObject({ ok: true, message: RESET_REQUESTED_MESSAGE });
    await unknown.delivery;
    // A message to a real account sent after it arrives first: nothing went to the unknown address.
    await createUser({ name: "Tia", email: email("tia"), password: "tia's first long password", timeZone: "UTC" });
    await (await requestPasswordReset({ email: email("tia"), ip: `ip-nobody-${run}`, baseUrl }, send)).delivery;
    await messageTo(email("tia"));
    expect(inbox.some((m) => m.to && JSON.stringify(m.to).includes(email("nobody")))).toBe(false);
  });

  it("throttles requests per email like sign-ins, whether or not the account exists", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const r = await requestPasswordReset({ email: email("ghost"), ip: `ip-ghost-${i}-${run}`, baseUrl, now }, send);
      expect(r.ok).toBe(true);
    }
    const blocked = await requestPasswordReset({ email: email("ghost"), ip: `ip-ghost-x-${run}`, baseUrl, now: new Date(now.getTime() + 5_000) }, send);
    expect(blocked).toMatchObject({ ok: false, error: "Too many reset requests. Try again in about 5 minutes." });
  });
});

describe("password and email change", () => {
  it("changes the password only with the current one and ends every session", async () => {
    const created = await createUser({ name: "Uma", email: email("uma"), password: "uma's first long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("user not created");
    const user = created.user;
    const ip = `ip-uma-${run}`;
    expect(await changePassword({ user, currentPassword: "not my password", newPassword: "uma's second long password", ip })).toMatchObject({
      ok: false,
      field: "currentPassword",
    });
    expect(await changePassword({ user, currentPassword: "uma's first long password", newPassword: "password1234", ip })).toMatchObject({
      ok: false,
      field: "newPassword",
    });
    const before = await currentSessionVersion(user.id);
    expect(await changePassword({ user, currentPassword: "uma's first long password", newPassword: "uma's second long password", ip })).toMatchObject({ ok: true });
    expect(await currentSessionVersion(user.id)).toBe(before + 1);
    expect((await authenticate({ email: email("uma"), password: "uma's second long password" }, ip)).ok).toBe(true);
    await endAllSessions(user.id);
  });

  it("changes the email only when the link sent to the new address is opened, and tells the old address", async () => {
    const created = await createUser({ name: "Vic", email: email("vic"), password: "vic's first long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("user not created");
    const user = created.user;
    const ip = `ip-vic-${run}`;
    const wrong = await requestEmailChange({ user, currentPassword: "not it at all", newEmail: email("vic-new"), ip, baseUrl }, send);
    expect(wrong).toMatchObject({ ok: false, field: "currentPassword" });

    const asked = await requestEmailChange({ user, currentPassword: "vic's first long password", newEmail: email("vic-new"), ip, baseUrl }, send);
    expect(asked.ok).toBe(true);
    await asked.delivery;
    const mail = await messageTo(email("vic-new"));
    expect(mail.subject).toBe("Confirm your new Systemic email");
    const link = linkIn(mail);
    expect(link.pathname).toBe("/confirm-email");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email("vic"));

    const confirmed = await confirmEmailChange({ token: link.searchParams.get("token")! }, send);
    expect(confirmed).toMatchObject({ ok: true });
    await confirmed.delivery;
    const notice = await messageTo(email("vic"));
    expect(notice.subject).toBe("Your Systemic email was changed");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email("vic-new"));
    expect((await authenticate({ email: email("vic-new"), password: "vic's first long password" }, ip)).ok).toBe(true);
    expect(await confirmEmailChange({ token: link.searchParams.get("token")! }, send)).toMatchObject({ ok: false });
  });

  it("does not tell whether another account uses the new address, and sends it nothing", async () => {
    const created = await createUser({ name: "Wes", email: email("wes"), password: "wes's first long password", timeZone: "UTC" });
    await createUser({ name: "Xan", email: email("xan"), password: "xan's first long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("user not created");
    const asked = await requestEmailChange(
      { user: created.user, currentPassword: "wes's first long password", newEmail: email("xan"), ip: `ip-wes-${run}`, baseUrl },
      send,
    );
    expect(asked).toMatchObject({ ok: true, message: expect.stringContaining(`We sent a link to ${email("xan")}`) });
    expect(await db.accountToken.count({ where: { userId: created.user.id } })).toBe(0);
  });
});

describe("npm run user:password", () => {
  it("sets a new random password from the command line and ends the account's sessions", async () => {
    const { execFileSync } = await import("node:child_process");
    const created = await createUser({ name: "Yul", email: email("yul"), password: "yul's first long password", timeZone: "UTC" });
    if (!created.ok) throw new Error("user not created");
    const before = await currentSessionVersion(created.user.id);
    const output = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/user-password.ts", email("yul").toUpperCase()], {
      env: process.env,
      encoding: "utf8",
    });
    const password = /is now: (\S+)/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect(await currentSessionVersion(created.user.id)).toBe(before + 1);
    expect((await authenticate({ email: email("yul"), password: password! }, `ip-yul-${run}`)).ok).toBe(true);
  });
});
