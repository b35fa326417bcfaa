import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { formatWait } from "@/lib/auth/wait";
import { parseEnv } from "@/lib/env-schema";

describe("password strength", () => {
  it("refuses common passwords with a helpful message", () => {
    for (const password of ["password123", "Password1234", "qwertyuiop12"]) {
      const result = checkPasswordStrength(password);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/one of the most common passwords.*short sentence/);
    }
  });

  it("refuses easily guessed passwords, including the account's own words, and says why", () => {
    const repeated = checkPasswordStrength("aaaaaaaaaaaa");
    expect(repeated).toMatchObject({ ok: false, message: expect.stringMatching(/too easy to guess/) });
    expect(checkPasswordStrength("adalovelace1", ["ada.lovelace@example.org", "Ada Lovelace"]).ok).toBe(false);
    expect(checkPasswordStrength("short")).toEqual({ ok: false, message: "Use at least 10 characters." });
  });

  it("accepts passphrases, the demo and the test passwords", () => {
    for (const password of ["orange lamp swims at noon", "a long test password", "systemic-demo-candidate", "systemic-demo-instructor"]) {
      expect(checkPasswordStrength(password)).toEqual({ ok: true });
    }
  });
});

describe("throttle waits in words", () => {
  it("says minutes rather than seconds", () => {
    expect(formatWait(295)).toBe("about 5 minutes");
    expect(formatWait(60)).toBe("about 1 minute");
    expect(formatWait(30)).toBe("less than a minute");
    expect(formatWait(3)).toBe("a few seconds");
  });
});

describe("mail settings", () => {
  const secret = "s".repeat(40);
  it("accepts smtp and smtps URLs and a sender, and names a malformed one", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: secret, SMTP_URL: "smtps://user:pw@mail.example.org:465", MAIL_FROM: "Systemic <no-reply@example.org>" });
    expect(env.SMTP_URL).toBe("smtps://user:pw@mail.example.org:465");
    expect(parseEnv({ NEXTAUTH_SECRET: secret }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM: must be an address/);
  });
});
