/**
 * `npm run bench:lighthouse`: Lighthouse mobile performance of a lesson page
 * and of /review signed in, then the PWA checks Lighthouse 12 no longer makes,
 * against the production server on a fresh SQLite database prepared as
 * `npm start` prepares it (migrated, content synced, demo accounts seeded).
 *
 *   npm run bench:lighthouse -- [--runs 3] [--lesson /learn/joining] [--port 3300] [--skip-pwa]
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH); nothing is downloaded.
 * Results: bench-results/lighthouse-<timestamp>.json and a Markdown table.
 */
import { launch as launchChrome } from "chrome-launcher";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import sharp from "sharp";
import Database from "better-sqlite3";
import { root } from "../lib/env-files";
import { measureFirstLoadJs, type FirstLoadJs } from "./first-load-js";
import { mintCookies, SESSION_COOKIE } from "./load";
import { ensureBuilt, freePort, startServer } from "./server";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    lesson: { type: "string", default: "/learn/joining" },
    port: { type: "string", default: "3300" },
    "skip-pwa": { type: "boolean", default: false },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const DEMO_LEARNER = "candidate@demo.systemic.local";
const resultsDir = path.join(root, "bench-results");
const log = (line: string) => console.log(line);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface LighthouseRun {
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's measure of this machine's CPU at the time (~1000+ for a typical desktop); simulated CPU times scale with it. */
  benchmarkIndex: number;
  lcpElement: string | null;
  /** Where the LCP time went (TTFB, load delay, load time, render delay), ms. */
  lcpPhases: Record<string, number>;
  renderBlocking: { url: string; wastedMs: number }[];
  /** Audits scored below 0.9 in the performance category (id: display value). */
  flagged: Record<string, string>;
}

interface PageResult {
  page: string;
  runs: LighthouseRun[];
  score: { median: number; min: number; max: number };
  lcpMs: { median: number; min: number; max: number };
}

const range = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** A fresh SQLite file prepared as `npm start` prepares its database (in this process: lib/db binds DATABASE_URL on import). */
async function prepareDatabase(file: string, secret: string, port: number): Promise<string> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET = secret;
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
  const { prepare } = await import("../lib/prepare");
  const { db } = await import("@/lib/db");
  try {
    await prepare((line) => log(`  ${line}`));
  } finally {
    await db.$disconnect();
  }
  return url;
}

function learnerId(file: string): { id: string; email: string } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite.prepare(`SELECT id, email FROM "User" WHERE email = ?`).get(DEMO_LEARNER) as { id: string; email: string } | undefined;
    if (!row) throw new Error(`the demo learner ${DEMO_LEARNER} was not seeded`);
    return row;
  } finally {
    sqlite.close();
  }
}

/**
 * Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP) on a busy machine: such a run
 * measured nothing, so it is made again, at most twice, and said so.
 */
async function runLighthouseRetrying(url: string, cookie: string): Promise<LighthouseRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouse(url, cookie);
    } catch (error) {
      const message = (error as Error).message;
      if (attempt >= 3 || !message.startsWith("Lighthouse: ")) throw error;
      log(`    ${message.split(" ").slice(0, 2).join(" ")}: the run recorded no trace; running it again (attempt ${attempt + 1} of 3)`);
    }
  }
}

async function runLighthouse(url: string, cookie: string): Promise<LighthouseRun> {
  const chrome = await launchChrome({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    // The default configuration: mobile form factor and screen, simulated (Lantern) throttling.
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } });
    if (!result) throw new Error("Lighthouse returned no result");
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id];
    const num = (id: string) => audit(id)?.numericValue ?? NaN;
    const lcpDetails = audit("largest-contentful-paint-element")?.details as
      | { items?: { items?: { node?: { snippet?: string; selector?: string }; phase?: string; timing?: number }[] }[] }
      | undefined;
    const lcpNode = lcpDetails?.items?.[0]?.items?.[0]?.node;
    const lcpPhases = Object.fromEntries((lcpDetails?.items?.[1]?.items ?? []).filter((p) => p.phase).map((p) => [p.phase!, Math.round(p.timing ?? 0)]));
    const blocking = (audit("render-blocking-resources")?.details as { items?: { url: string; wastedMs: number }[] } | undefined)?.items ?? [];
    const flagged: Record<string, string> = {};
    for (const ref of lhr.categories.performance!.auditRefs) {
      const a = lhr.audits[ref.id];
      if (a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable") flagged[ref.id] = a.displayValue ?? String(a.score);
    }
    return {
      score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      lcpMs: Math.round(num("largest-contentful-paint")),
      fcpMs: Math.round(num("first-contentful-paint")),
      tbtMs: Math.round(num("total-blocking-time")),
      cls: Math.round(num("cumulative-layout-shift") * 1000) / 1000,
      speedIndexMs: Math.round(num("speed-index")),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      lcpElement: lcpNode ? `${lcpNode.selector ?? ""} ${lcpNode.snippet ?? ""}`.trim() : null,
      lcpPhases,
      renderBlocking: blocking.map((b) => ({ url: new URL(b.url).pathname, wastedMs: Math.round(b.wastedMs) })),
      flagged,
    };
  } finally {
    chrome.kill();
  }
}

interface PwaCheck {
  check: string;
  ok: boolean;
  detail: string;
}

/** What Lighthouse's PWA category checked, through the Chrome DevTools Protocol. */
async function pwaChecks(baseUrl: string, cookie: string): Promise<{ checks: PwaCheck[]; startUrl: string }> {
  const checks: PwaCheck[] = [];
  const add = (check: string, ok: boolean, detail: string) => checks.push({ check, ok, detail });
  // A persistent profile: an off-the-record context is never installable ("in-incognito").
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "systemic-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_FLAGS,
    headless: true,
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2.625,
  });
  let startUrl = "/review";
  try {
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/review`, { waitUntil: "load" });
    const cdp = await context.newCDPSession(page);

    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string; critical: number }[]; data?: string };
    const parsed = manifest.data ? (JSON.parse(manifest.data) as { start_url?: string; icons?: { src: string; sizes: string; type?: string; purpose?: string }[] }) : null;
    add("manifest parses", !!parsed && manifest.errors.length === 0, manifest.errors.length ? manifest.errors.map((e) => e.message).join("; ") : `${new URL(manifest.url).pathname}, no errors`);
    startUrl = parsed?.start_url ?? startUrl;

    // Installability is checked once a service worker is active (Chrome no longer requires one, but it is what the app ships).
    const sw = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, script: registration.active?.scriptURL ?? null };
    });
    const installability = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    const errors = installability.installabilityErrors.map((e) => e.errorId);
    add("no installability errors", errors.length === 0, errors.length ? errors.join(", ") : "Page.getInstallabilityErrors: none");

    for (const icon of parsed?.icons ?? []) {
      const response = await fetch(new URL(icon.src, baseUrl));
      const body = Buffer.from(await response.arrayBuffer());
      const type = response.headers.get("content-type")?.split(";")[0] ?? "";
      let actual = "?";
      try {
        const meta = await sharp(body).metadata();
        actual = icon.type === "image/svg+xml" ? `svg ${meta.width}x${meta.height}` : `${meta.format} ${meta.width}x${meta.height}`;
        const sizeOk = icon.sizes === "any" ? icon.type === "image/svg+xml" && meta.format === "svg" : icon.sizes.split(" ").includes(`${meta.width}x${meta.height}`);
        const formatOk = !icon.type || icon.type === `image/${meta.format === "svg" ? "svg+xml" : meta.format}`;
        add(`icon ${icon.src} (${icon.sizes}, ${icon.purpose ?? "any"})`, response.ok && type === icon.type && sizeOk && formatOk, `${response.status} ${type}, ${actual}`);
      } catch (error) {
        add(`icon ${icon.src}`, false, `${response.status} ${type}: ${(error as Error).message}`);
      }
    }

    // A service worker controls the page: after its first activation (clientsClaim) or on the next load.
    await page.reload({ waitUntil: "load" });
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    add("service worker controls the page", !!controlled && new URL(sw.scope).pathname === "/", controlled ? `${new URL(controlled).pathname}, scope ${new URL(sw.scope).pathname}` : "no controller");

    // The start URL offline: the review page the learner opened is kept by the worker (its CACHE_URLS message).
    const start = new URL(startUrl, baseUrl).toString();
    const kept = await page
      .waitForFunction(async (u) => !!(await caches.match(u)), new URL(startUrl, baseUrl).pathname, { timeout: 60_000, polling: 500 })
      .then(() => true)
      .catch(() => false);
    await context.setOffline(true);
    const offline = await page.goto(start, { waitUntil: "load" }).catch((error: Error) => error);
    const heading = offline instanceof Error ? null : await page.locator("h1").first().textContent({ timeout: 10_000 }).catch(() => null);
    const status = offline instanceof Error ? offline.message.split("\n")[0] : String(offline?.status());
    add("start URL loads offline", !(offline instanceof Error) && offline?.status() === 200 && heading === "Review", `${new URL(start).pathname}: ${status}, h1 "${heading ?? ""}"${kept ? "" : " (not in the cache before going offline)"}`);
    await context.setOffline(false);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return { checks, startUrl };
}

/** The page's LCP candidates and console errors (a hydration mismatch re-creates the DOM and repaints it), unthrottled, phone-sized. */
async function paintDiagnostics(baseUrl: string, cookie: string, page: string) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.625 });
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text().slice(0, 200)));
    tab.on("pageerror", (e) => errors.push(e.message.slice(0, 200)));
    await tab.addInitScript(() => {
      const w = window as unknown as { __lcp: { t: number; el: string }[] };
      w.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
          const el = e.element;
          w.__lcp.push({ t: Math.round(e.startTime), el: el ? `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").slice(0, 40)}"` : "(removed)" });
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await tab.goto(`${baseUrl}${page}`, { waitUntil: "load" });
    await tab.waitForTimeout(4000);
    const lcp = await tab.evaluate(() => (window as unknown as { __lcp: { t: number; el: string }[] }).__lcp);
    const fcp = await tab.evaluate(() => Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1));
    return { page, fcp, lcp, errors };
  } finally {
    await browser.close();
  }
}

async function serviceWorkerSize(baseUrl: string) {
  const response = await fetch(`${baseUrl}/sw.js`);
  const body = Buffer.from(await response.arrayBuffer());
  const precache = (body.toString("utf8").match(/\{url:"|"url":"|\burl:"/g) ?? []).length;
  return {
    status: response.status,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    precacheEntries: precache,
  };
}

async function main() {
  const startedAt = new Date();
  const secret = crypto.randomBytes(48).toString("base64url");
  const port = await freePort(Number(args.port));
  const dbFile = path.join(resultsDir, "lighthouse.db");
  fs.mkdirSync(resultsDir, { recursive: true });
  log(`Preparing a fresh database (${path.relative(root, dbFile)}) as npm start does…`);
  const url = await prepareDatabase(dbFile, secret, port);
  const env = { DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  await ensureBuilt(env, log);
  const learner = learnerId(dbFile);
  const cookie = (await mintCookies([learner], secret)).get(learner.id)!;
  if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error("unexpected cookie");

  const serverLog = path.join(resultsDir, "server-lighthouse.log");
  log(`Starting the production server on :${port} (log: ${path.relative(root, serverLog)})…`);
  const server = await startServer(port, env, serverLog);
  const pages: PageResult[] = [];
  let pwa: Awaited<ReturnType<typeof pwaChecks>> | null = null;
  const paints: Awaited<ReturnType<typeof paintDiagnostics>>[] = [];
  let firstLoad: { review: FirstLoadJs; lesson: FirstLoadJs; landing: FirstLoadJs };
  let sw: Awaited<ReturnType<typeof serviceWorkerSize>>;
  try {
    for (const page of [args.lesson!, "/review"]) {
      const check = await fetch(`${server.url}${page}`, { headers: { cookie }, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${page} answered ${check.status} signed in`);
    }
    firstLoad = {
      review: await measureFirstLoadJs(server.url, "/review", cookie),
      lesson: await measureFirstLoadJs(server.url, args.lesson!, cookie),
      landing: await measureFirstLoadJs(server.url, "/", ""),
    };
    log(`First-load JS (gzip 9): /review ${kb(firstLoad.review.gzip)} KB (${firstLoad.review.scripts} scripts), ${args.lesson} ${kb(firstLoad.lesson.gzip)} KB, / ${kb(firstLoad.landing.gzip)} KB`);
    sw = await serviceWorkerSize(server.url);
    log(`Service worker /sw.js: ${kb(sw.raw)} KB raw, ${kb(sw.gzip)} KB gzip, ${kb(sw.brotli)} KB brotli, ${sw.precacheEntries} precache entries`);

    for (const page of [args.lesson!, "/review"]) {
      const d = await paintDiagnostics(server.url, cookie, page);
      paints.push(d);
      log(`  ${page} unthrottled: FCP ${d.fcp} ms; LCP candidates ${d.lcp.map((e) => `${e.t} ms ${e.el}`).join(" → ")}${d.errors.length ? `; console errors: ${d.errors.join(" | ")}` : ""}`);
    }
    for (const page of [args.lesson!, "/review"]) {
      const results: LighthouseRun[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await runLighthouseRetrying(`${server.url}${page}`, cookie);
        results.push(r);
        log(`  ${page} run ${i + 1}: score ${r.score}, LCP ${r.lcpMs} ms, FCP ${r.fcpMs} ms, TBT ${r.tbtMs} ms, CLS ${r.cls}, benchmarkIndex ${r.benchmarkIndex}; LCP element ${r.lcpElement ?? "?"} (${Object.entries(r.lcpPhases).map(([k, v]) => `${k} ${v} ms`).join(", ")})`);
        const flagged = Object.entries(r.flagged);
        if (flagged.length) log(`    below 0.9: ${flagged.map(([id, v]) => `${id} (${v})`).join(", ")}`);
      }
      pages.push({ page, runs: results, score: range(results.map((r) => r.score)), lcpMs: range(results.map((r) => r.lcpMs)) });
    }
    if (!args["skip-pwa"]) {
      log("PWA checks (Chrome DevTools Protocol)…");
      pwa = await pwaChecks(server.url, cookie);
    }
  } finally {
    await server.stop();
  }

  const out = {
    startedAt: startedAt.toISOString(),
    chromium: CHROME_PATH,
    lighthouse: (JSON.parse(fs.readFileSync(path.join(root, "node_modules/lighthouse/package.json"), "utf8")) as { version: string }).version,
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
    runs,
    pages,
    pwa,
    paints,
    firstLoadJs: Object.fromEntries(Object.entries(firstLoad).map(([k, v]) => [k, { page: v.page, scripts: v.scripts, raw: v.raw, gzip: v.gzip, brotli: v.brotli, all: v.all }])),
    serviceWorker: sw,
  };
  const file = path.join(resultsDir, `lighthouse-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);

  const lines = [
    "",
    `Lighthouse ${out.lighthouse} mobile (simulated throttling), ${runs} runs per page, ${new Date().toISOString().slice(0, 10)}:`,
    "",
    "| page | performance (median, range) | LCP ms (median, range) | FCP ms | TBT ms | CLS | first-load JS gzip |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...pages.map((p) => {
      const js = p.page === "/review" ? firstLoad.review : firstLoad.lesson;
      return `| \`${p.page}\` (signed in) | ${p.score.median} (${p.score.min}–${p.score.max}) | ${Math.round(p.lcpMs.median)} (${p.lcpMs.min}–${p.lcpMs.max}) | ${Math.round(median(p.runs.map((r) => r.fcpMs)))} | ${Math.round(median(p.runs.map((r) => r.tbtMs)))} | ${median(p.runs.map((r) => r.cls))} | ${kb(js.gzip)} KB |`;
    }),
    `| \`/\` (framework baseline) | | | | | | ${kb(firstLoad.landing.gzip)} KB |`,
    "",
    `Service worker \`/sw.js\`: ${kb(sw.raw)} KB raw, ${kb(sw.gzip)} KB gzip, ${kb(sw.brotli)} KB brotli.`,
  ];
  if (pwa) {
    lines.push("", "| PWA check | result | detail |", "|---|---|---|", ...pwa.checks.map((c) => `| ${c.check} | ${c.ok ? "pass" : "**fail**"} | ${c.detail.replace(/\|/g, "\\|")} |`));
  }
  lines.push("", `Results: ${path.relative(root, file)}`);
  log(lines.join("\n"));
  const failed = pwa?.checks.filter((c) => !c.ok).length ?? 0;
  if (failed) process.exitCode = 1;
}

await main();
