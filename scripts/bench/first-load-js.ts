/**
 * First-load JavaScript of a page: every script the signed-in HTML loads
 * (<script src> and modulepreload / preload-as-script links), fetched from
 * the production server and compressed the way a CDN would serve it.
 */
import zlib from "node:zlib";

export interface ScriptSize {
  path: string;
  /** Recognisable packages inside the chunk (a rough label; chunks have no module names in production). */
  contains: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstLoadJs {
  page: string;
  /** Scripts a modern browser loads (module or classic scripts, not `nomodule` ones). */
  scripts: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** Inline <script> bodies (the RSC payload and bootstrap), gzipped with the HTML. */
  inlineScripts: { count: number; raw: number; gzip: number };
  html: { raw: number; gzip: number };
  /** `<script nomodule>` (the legacy-browser polyfills): not loaded by modern browsers, so not counted above. */
  nomodule: ScriptSize[];
  /** Every counted script, largest (gzip) first. */
  all: ScriptSize[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(1).find((v) => v !== undefined);
const SIGNATURES: [string, RegExp][] = [
  ["react-dom", /react-dom|__reactFiber|reactContainer/],
  ["react", /react\.transitional\.element|__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE/],
  ["next router/runtime", /useRouterBFCache|__next_f|NEXT_REDIRECT|next-router-state-tree|nextjs-portal/],
  ["next-auth/react", /next-auth|\/api\/auth\/session/],
  ["core-js polyfills", /core-js|Symbol\.species|"species"/],
  ["turbopack runtime", /TURBOPACK_CHUNK_LISTS|turbopack runtime|__turbopack_load__|getChunkRelativeUrl/],
  ["review screen", /summary-heading|aria-keyshortcuts|retryDelayMs/],
  ["minisearch", /MiniSearch|minisearch/],
  ["zod", /ZodError|\$ZodType/],
  ["ts-fsrs", /request_retention|createEmptyCard|FSRSAlgorithm/],
];
const gzipSize = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;
const brotliSize = (b: Buffer) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export async function measureFirstLoadJs(baseUrl: string, page: string, cookie: string): Promise<FirstLoadJs> {
  const response = await fetch(new URL(page, baseUrl), { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${page} answered ${response.status} (is the cookie valid?)`);
  const html = await response.text();
  const sources = new Set<string>();
  const legacy = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, "src");
    if (src) (/\snomodule(\s|=|>|\/)/i.test(tag) ? legacy : sources).add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, "rel")?.toLowerCase() ?? "";
    const as = attr(tag, "as")?.toLowerCase();
    const href = attr(tag, "href");
    if (href && (rel.includes("modulepreload") || (rel.includes("preload") && as === "script"))) sources.add(href);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? "");
  const inlineBuf = Buffer.from(inline.join("\n"));

  const measure = async (src: string): Promise<ScriptSize> => {
    const url = new URL(src.replace(/&amp;/g, "&"), baseUrl);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url.pathname} answered ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    const text = body.toString("utf8");
    const contains = SIGNATURES.filter(([, re]) => re.test(text)).map(([name]) => name);
    return { path: url.pathname + url.search, contains, raw: body.length, gzip: gzipSize(body), brotli: brotliSize(body) };
  };
  const sizes: ScriptSize[] = [];
  for (const src of sources) sizes.push(await measure(src));
  sizes.sort((a, b) => b.gzip - a.gzip);
  const nomodule: ScriptSize[] = [];
  for (const src of legacy) if (!sources.has(src)) nomodule.push(await measure(src));
  const sum = (k: "raw" | "gzip" | "brotli") => sizes.reduce((s, x) => s + x[k], 0);
  const htmlBuf = Buffer.from(html);
  return {
    page,
    scripts: sizes.length,
    raw: sum("raw"),
    gzip: sum("gzip"),
    brotli: sum("brotli"),
    inlineScripts: { count: inline.length, raw: inlineBuf.length, gzip: gzipSize(inlineBuf) },
    html: { raw: htmlBuf.length, gzip: gzipSize(htmlBuf) },
    nomodule,
    all: sizes,
  };
}
