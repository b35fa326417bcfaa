import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Loads .env.local and .env (when present) without overriding the shell. */
export function loadEnvFiles(): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

const SECRET_FILE = path.join(root, ".secrets", "nextauth-secret");

/**
 * Makes sure NEXTAUTH_SECRET is set. Outside production a random secret is
 * generated once into a git-ignored file so a fresh clone starts with no
 * set-up; with NODE_ENV=production a real secret must be configured.
 */
export function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  if (process.env.NODE_ENV === "production") {
    console.error(
      "NEXTAUTH_SECRET is not set. Production needs a real secret of at least 32 characters:\n" +
        "  export NEXTAUTH_SECRET=\"$(openssl rand -base64 48)\"",
    );
    process.exit(1);
  }
  if (!fs.existsSync(SECRET_FILE)) {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a local development secret in ${path.relative(root, SECRET_FILE)} (git-ignored).`);
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(SECRET_FILE, "utf8").trim();
}
