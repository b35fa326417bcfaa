import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN_LENGTH } from "./validation";

const zxcvbn = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/** zxcvbn scores 0–4; 3 means "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

// The common-password list that ships with @zxcvbn-ts/language-common (most used passwords from breaches, most frequent first).
const COMMON = new Set<string>(common.dictionary["passwords-common"]);

export type StrengthResult = { ok: true } | { ok: false; message: string };

/**
 * Refuses passwords that are common or easy to guess, with advice in plain
 * words. `related` are the account's own words (email, name), which make a
 * password easy to guess for anyone who knows them.
 */
export function checkPasswordStrength(password: string, related: (string | null | undefined)[] = []): StrengthResult {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  const advice = "Try a short sentence of four or five unrelated words, like “orange lamp swims at noon”.";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\d+$/, ""))) {
    return { ok: false, message: `This is one of the most common passwords, so it is among the first anyone tries. ${advice}` };
  }
  // Whole values, their parts, and the parts run together ("Ada Lovelace" → "adalovelace").
  const words = related
    .flatMap((r) => (r ? [r, r.split("@")[0]!.replace(/[^\p{L}\p{N}]/gu, ""), r.replace(/\s+/g, ""), ...r.split(/[@.\s_-]+/)] : []))
    .filter((w) => w.length >= 3)
    .map((w) => w.toLowerCase());
  const result = zxcvbn.check(password.slice(0, 100), words);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  return { ok: false, message: `This password is too easy to guess. ${warning}${advice}` };
}
