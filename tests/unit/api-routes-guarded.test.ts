import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// The proxy does not run for /api/v1 (each route authenticates itself), so
// every handler exported there must be wrapped in withUser or withLearner.
const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("the JSON API's routes", () => {
  const files = routeFiles(path.join(root, "app/api/v1"));

  it("are found", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("export every method handler through withUser or withLearner", () => {
    const unguarded: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(?:async\\s+)?(?:const|function|let|var)\\s+${method}\\b\\s*(=\\s*(\\w+))?`).exec(source);
        if (exported && !["withUser", "withLearner"].includes(exported[2] ?? "")) unguarded.push(`${path.relative(root, file)} ${method}`);
        if (new RegExp(`export\\s*\\{[^}]*\\b${method}\\b`).test(source)) unguarded.push(`${path.relative(root, file)} ${method} (re-exported)`);
      }
    }
    expect(unguarded).toEqual([]);
  });

  it("are not matched by the proxy, which still covers the signed-in pages", () => {
    expect(config.matcher.some((m) => m.startsWith("/api"))).toBe(false);
    expect(config.matcher).toEqual(expect.arrayContaining(["/review/:path*", "/dashboard/:path*", "/teach/:path*"]));
  });
});
