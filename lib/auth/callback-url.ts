// Any origin works as the base: only whether a value stays on it matters.
const BASE = new URL("http://systemic.invalid");

/**
 * Where to go after signing in, as a path on this site, or `fallback`. The
 * value is parsed with the URL API the way a browser would (which drops
 * tabs and newlines and reads `\` as `/`, so `/\t/evil.host` means
 * `//evil.host`), and only a same-origin path is kept, normalised.
 */
export function safeCallbackUrl(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  // Control characters never belong in a path we hand out (a newline in a Location header is a 500).
  if (/[\u0000-\u001F\u007F]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Still a path after normalising, never a protocol-relative URL.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
