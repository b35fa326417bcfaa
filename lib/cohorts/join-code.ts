/**
 * Cohort join codes: eight characters from an alphabet without look-alikes,
 * shown as two groups of four ("KM4P-7QRW") and stored without the dash.
 */
import { trimEndWhere } from "@/lib/text";
import { randomInt } from "node:crypto";
import { z } from "zod";

/**
 * Letters and digits that cannot be mistaken for one another when read off a
 * projector or a phone: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. 25 symbols, so a code
 * has 25^8 ≈ 1.5 × 10^11 values, far too many to guess.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 8;
const GROUP = 4;

/** A uniform random integer in [0, n) from the operating system's CSPRNG. */
export const cryptoRandomInt = (n: number): number => randomInt(n);

/**
 * A new join code in its stored form (no dash), e.g. "KM4P7QRW".
 * `random(n)` must return an integer in [0, n); tests inject a fixed one.
 */
export function generateJoinCode(random: (n: number) => number = cryptoRandomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    const index = random(JOIN_CODE_ALPHABET.length);
    const symbol = Number.isInteger(index) ? JOIN_CODE_ALPHABET[index] : undefined;
    if (symbol === undefined) throw new RangeError(`random(${JOIN_CODE_ALPHABET.length}) returned ${index}, expected an integer in [0, ${JOIN_CODE_ALPHABET.length})`);
    code += symbol;
  }
  return code;
}

const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * The stored form of what a candidate typed or pasted, or null when it cannot
 * be a join code. Accepts any case, spaces and dashes ("km4p 7qrw",
 * "KM4P-7QRW"), and a pasted join link (the last path segment is used).
 *
 * Characters outside the alphabet (0, O, 1, I, L, 5, S, 2, Z, 8, B) are
 * rejected rather than mapped: each is a misreading of more than one valid
 * symbol (O could be D or Q, 8 could be 3 or B), and a guessed mapping would
 * send the candidate to the wrong cohort or to a confusing "no such code".
 * Codes never contain them, so the form can say so.
 */
export function normaliseJoinCode(input: string): string | null {
  let text = input.trim();
  if (text.includes("/")) {
    const path = text.split(/[?#]/)[0] ?? "";
    text = trimEndWhere(path, (ch) => ch === "/").split("/").pop() ?? "";
  }
  const code = text.replace(/[\s\u2010-\u2015-]+/g, "").toUpperCase();
  return VALID.test(code) ? code : null;
}

/**
 * The display form with the dash ("KM4P-7QRW"). Input that is not a code is
 * returned trimmed and unchanged, so a caller can never make it look valid.
 */
export function formatJoinCode(code: string): string {
  const normalised = normaliseJoinCode(code);
  if (normalised === null) return code.trim();
  return `${normalised.slice(0, GROUP)}-${normalised.slice(GROUP)}`;
}

/** Form and action input: a join code in any accepted spelling, parsed to its stored form. */
export const joinCodeSchema = z.string().transform((value, ctx) => {
  const code = normaliseJoinCode(value);
  if (code === null) {
    ctx.addIssue({ code: "custom", message: "A join code has 8 letters and digits, like KM4P-7QRW." });
    return z.NEVER;
  }
  return code;
});
