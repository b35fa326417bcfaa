import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";
import { settingsSchema, signUpSchema } from "@/lib/auth/validation";
import { resolveDatabase } from "@/lib/db/config";
import { daysUntil, localDate } from "@/lib/dates";

describe("database URL", () => {
  it("resolves relative SQLite files against the project root", () => {
    expect(resolveDatabase("file:./data/x.db", "/srv/app")).toEqual({ provider: "sqlite", url: "file:/srv/app/data/x.db", sqliteFile: "/srv/app/data/x.db" });
    expect(resolveDatabase(undefined, "/srv/app").sqliteFile).toBe("/srv/app/data/systemic.db");
  });
  it("recognises PostgreSQL and rejects anything else", () => {
    expect(resolveDatabase("postgresql://u@h:5432/db").provider).toBe("postgresql");
    expect(resolveDatabase("postgres://u@h/db").provider).toBe("postgresql");
    expect(() => resolveDatabase("mysql://u@h/db")).toThrow(/must start with file:/);
    expect(() => resolveDatabase("file:")).toThrow(/needs a path/);
  });
});

describe("sign-up and settings validation", () => {
  it("normalises email case and explains short passwords", () => {
    const ok = signUpSchema.parse({ name: " Ana ", email: " Ana@Example.ORG ", password: "0123456789", timeZone: "Europe/Lisbon" });
    expect(ok).toEqual({ name: "Ana", email: "ana@example.org", password: "0123456789", timeZone: "Europe/Lisbon" });
    const bad = signUpSchema.safeParse({ name: "", email: "x", password: "short" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toContain("password: Use at least 10 characters");
    expect(messages).toContain("name: Enter your name");
  });
  it("falls back to UTC for an unknown sign-up zone but rejects it in settings", () => {
    expect(signUpSchema.parse({ name: "A", email: "a@b.co", password: "0123456789", timeZone: "Mars/Base" }).timeZone).toBe("UTC");
    expect(settingsSchema.safeParse({ name: "A", timeZone: "Mars/Base", examDate: "" }).success).toBe(false);
  });
  it("accepts an empty exam date and rejects impossible ones", () => {
    expect(settingsSchema.parse({ name: "A", timeZone: "UTC", examDate: "" }).examDate).toBeNull();
    expect(settingsSchema.parse({ name: "A", timeZone: "UTC", examDate: "2027-02-28" }).examDate).toBe("2027-02-28");
    expect(settingsSchema.safeParse({ name: "A", timeZone: "UTC", examDate: "28/02/2027" }).success).toBe(false);
  });
});

describe("callback URLs", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeCallbackUrl("/learn/joining#tracking")).toBe("/learn/joining#tracking");
    expect(safeCallbackUrl("https://evil.example/")).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.example/")).toBe("/dashboard");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/dashboard");
    expect(safeCallbackUrl(["/a"])).toBe("/dashboard");
  });
});

describe("client IP", () => {
  it("never trusts a client-written X-Forwarded-For or X-Real-IP (see auth-client-ip.test.ts)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("unknown");
    expect(clientIp({ "x-real-ip": "198.51.100.2" })).toBe("unknown");
    expect(clientIp({})).toBe("unknown");
  });
});

describe("dates in the learner's zone", () => {
  it("uses the learner's calendar day, not the server's", () => {
    const now = new Date("2026-11-23T03:30:00Z");
    expect(localDate(now, "America/Los_Angeles")).toBe("2026-11-22");
    expect(localDate(now, "Asia/Tokyo")).toBe("2026-11-23");
  });
  it("counts whole days to the exam date", () => {
    const exam = new Date("2026-12-01T00:00:00Z");
    expect(daysUntil(exam, new Date("2026-11-23T03:30:00Z"), "America/Los_Angeles")).toBe(9);
    expect(daysUntil(exam, new Date("2026-11-23T03:30:00Z"), "Asia/Tokyo")).toBe(8);
    expect(daysUntil(exam, new Date("2026-12-02T12:00:00Z"), "UTC")).toBe(-1);
  });
});
