import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export type TokenPurpose = "password-reset" | "email-change";

/** How long a link stays good. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  "password-reset": 60 * 60 * 1000,
  "email-change": 24 * 60 * 60 * 1000,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a new single-use token and forgets earlier unused ones of the same
 * purpose (only the newest link works). The database keeps only its SHA-256
 * hash: a leaked table cannot be turned into working links.
 */
export async function issueToken(userId: string, purpose: TokenPurpose, now = new Date(), newEmail?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.accountToken.deleteMany({ where: { userId, purpose } }),
    db.accountToken.create({
      data: { userId, purpose, tokenHash: hashToken(token), newEmail, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
    }),
  ]);
  return token;
}

/** The live token's row (unused, unexpired), without using it up. */
export async function findLiveToken(token: string, purpose: TokenPurpose, now = new Date()) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  return db.accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
}

/** Uses the token up; true for exactly one caller, however many arrive at once. */
export async function consumeToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<boolean> {
  const { count } = await db.accountToken.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
