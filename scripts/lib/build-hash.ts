import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "./env-files";

const INPUTS = [
  "app",
  "components",
  "lib",
  "content",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "serwist.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
// The service worker is the build's output (written into public/ by `serwist build`), not an input.
const SKIP = new Set([path.join(root, "lib/db/generated"), path.join(root, "public/sw.js"), path.join(root, "public/sw.js.map")]);

function walk(target: string, out: string[]) {
  if (SKIP.has(target) || !fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) for (const entry of fs.readdirSync(target).sort()) walk(path.join(target, entry), out);
  else out.push(target);
}

/** A hash of everything the production build depends on. */
export function buildInputsHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(/*turbopackIgnore: true*/ root, input), files);
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const STAMP = path.join(root, ".next", "systemic-build-hash");

export function buildIsCurrent(hash: string): boolean {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
}

export function markBuilt(hash: string): void {
  fs.writeFileSync(STAMP, hash);
}
