import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeSchema, normaliseJoinCode } from "@/lib/cohorts/join-code";

const AMBIGUOUS = ["0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B"];

describe("join code alphabet", () => {
  it("has no look-alike characters and no repeats", () => {
    for (const c of AMBIGUOUS) expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
  });
});

describe("generateJoinCode", () => {
  it("draws each character from the alphabet with the injected random", () => {
    let i = 0;
    const counting = (n: number) => i++ % n;
    expect(generateJoinCode(counting)).toBe("ACDEFGHJ");
    expect(generateJoinCode((n) => n - 1)).toBe("99999999");
  });

  it("asks the random source for an index below the alphabet size", () => {
    const asked: number[] = [];
    generateJoinCode((n) => {
      asked.push(n);
      return 0;
    });
    expect(asked).toEqual(new Array(JOIN_CODE_LENGTH).fill(JOIN_CODE_ALPHABET.length));
  });

  it("rejects a random source that returns an index out of range", () => {
    expect(() => generateJoinCode((n) => n)).toThrow(RangeError);
    expect(() => generateJoinCode(() => 1.5)).toThrow(RangeError);
  });

  it("uses the crypto source by default: valid, stored without a dash, and varied", () => {
    const codes = Array.from({ length: 200 }, () => generateJoinCode());
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normaliseJoinCode(code)).toBe(code);
    }
    // 200 draws from 25^8 values: a repeat would mean the source is broken.
    expect(new Set(codes).size).toBe(200);
  });
});

describe("normaliseJoinCode", () => {
  it.each([
    ["KM4P7QRW", "KM4P7QRW"],
    ["KM4P-7QRW", "KM4P7QRW"],
    ["  km4p-7qrw  ", "KM4P7QRW"],
    ["km4p 7qrw", "KM4P7QRW"],
    ["KM4P – 7QRW", "KM4P7QRW"],
    ["K M 4 P - 7 Q R W", "KM4P7QRW"],
    ["https://systemic.example.org/join/KM4P-7QRW", "KM4P7QRW"],
    ["/join/km4p7qrw/?from=email#top", "KM4P7QRW"],
  ])("accepts %j as %s", (input, code) => {
    expect(normaliseJoinCode(input)).toBe(code);
  });

  it.each(["", "   ", "KM4P-7QR", "KM4P-7QRWX", "KM4P_7QRW", "KM4P.7QRW", "KM4P-7QRW!", "https://systemic.example.org/join/"])("rejects %j", (input) => {
    expect(normaliseJoinCode(input)).toBeNull();
  });

  it("rejects every look-alike rather than guessing which symbol was meant", () => {
    for (const c of AMBIGUOUS) {
      expect(normaliseJoinCode(`KM4P-7QR${c}`)).toBeNull();
      expect(normaliseJoinCode(`km4p-7qr${c.toLowerCase()}`)).toBeNull();
    }
  });
});

describe("formatJoinCode", () => {
  it("shows a code as two groups of four", () => {
    expect(formatJoinCode("KM4P7QRW")).toBe("KM4P-7QRW");
    expect(formatJoinCode(" km4p 7qrw ")).toBe("KM4P-7QRW");
  });

  it("leaves text that is not a code as it is", () => {
    expect(formatJoinCode(" hello ")).toBe("hello");
    expect(formatJoinCode("KM0P7QRW")).toBe("KM0P7QRW");
  });
});

describe("joinCodeSchema", () => {
  it("parses any accepted spelling to the stored form", () => {
    expect(joinCodeSchema.parse("km4p-7qrw")).toBe("KM4P7QRW");
  });

  it("fails with a message a candidate understands", () => {
    const result = joinCodeSchema.safeParse("KM0P-7QRW");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/8 letters and digits/);
  });
});
