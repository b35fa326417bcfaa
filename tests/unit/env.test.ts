import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env-schema";

const secret = "s".repeat(40);

describe("environment validation", () => {
  it("accepts a minimal environment and fills defaults", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: secret });
    expect(env.DATABASE_URL).toBe("file:./data/systemic.db");
    expect(env.SIGNIN_MAX_ATTEMPTS).toBe(5);
    expect(env.GITHUB_ID).toBeUndefined();
  });

  it("names a missing secret", () => {
    expect(() => parseEnv({})).toThrow(EnvError);
    expect(() => parseEnv({})).toThrow(/NEXTAUTH_SECRET/);
  });

  it("names a malformed database URL and a short secret together", () => {
    try {
      parseEnv({ NEXTAUTH_SECRET: "short", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("DATABASE_URL: must be a SQLite file: URL");
      expect((error as Error).message).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
    }
  });

  it("requires OAuth ids and secrets in pairs", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, GITHUB_ID: "abc" })).toThrow(/GITHUB_SECRET: is required when GITHUB_ID is set/);
    const env = parseEnv({ NEXTAUTH_SECRET: secret, GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "shh" });
    expect(env.GOOGLE_CLIENT_ID).toBe("id");
  });

  it("treats blank optional variables as unset", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: secret, GITHUB_ID: " ", GITHUB_SECRET: "" }).GITHUB_ID).toBeUndefined();
  });

  it("requires an https NEXTAUTH_URL in production, so session cookies are Secure (http only on loopback)", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, NODE_ENV: "production" })).toThrow(/NEXTAUTH_URL: is required in production/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, NODE_ENV: "production", NEXTAUTH_URL: "http://systemic.example.org" })).toThrow(/NEXTAUTH_URL: must be an https:\/\/ URL in production/);
    expect(parseEnv({ NEXTAUTH_SECRET: secret, NODE_ENV: "production", NEXTAUTH_URL: "https://systemic.example.org" }).NEXTAUTH_URL).toBe("https://systemic.example.org");
    expect(parseEnv({ NEXTAUTH_SECRET: secret, NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100" }).NODE_ENV).toBe("production");
    expect(parseEnv({ NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "http://192.168.1.5:3000" }).NODE_ENV).toBe("development");
  });

  it("validates the number of trusted proxies (default none)", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: secret }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ NEXTAUTH_SECRET: secret, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ NEXTAUTH_SECRET: secret, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
