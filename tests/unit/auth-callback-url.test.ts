import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/learn/joining#practice-heading")).toBe("/learn/joining#practice-heading");
    expect(safeCallbackUrl("/practice?source=domain&domain=2")).toBe("/practice?source=domain&domain=2");
    expect(safeCallbackUrl("/teach/../settings")).toBe("/settings");
  });

  it.each([
    ["a tab between the slashes", "/\t/evil.host"],
    ["a newline between the slashes", "/\n/evil.host"],
    ["a carriage return", "/\r/evil.host"],
    ["a protocol-relative URL", "//evil.host"],
    ["a backslash", "/\\evil.host"],
    ["an encoded backslash after decoding", decodeURIComponent("%2F%5Cevil.host")],
    ["an absolute URL", "https://evil.host/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an empty string", ""],
    ["a relative path", "dashboard"],
    ["no value", undefined],
    ["an array", ["/dashboard"]],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackUrl(value)).toBe("/dashboard");
  });

  it("answers what the browser will read, decoded the way the sign-in page receives it", () => {
    // callbackUrl=%2F%09%2Fevil.host arrives as "/\t/evil.host".
    expect(safeCallbackUrl(new URLSearchParams("callbackUrl=%2F%09%2Fevil.host").get("callbackUrl"))).toBe("/dashboard");
    expect(safeCallbackUrl(new URLSearchParams("callbackUrl=%2F%0A%2Fevil.host").get("callbackUrl"))).toBe("/dashboard");
  });
});
