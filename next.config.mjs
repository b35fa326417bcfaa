const dev = process.env.NODE_ENV !== "production";

// Next's hydration scripts are inline and lesson pages are static (no
// per-request nonce), so scripts are limited to this origin plus inline.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://lh3.googleusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The app's own sources; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  // Native or binary-carrying packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["mdx-bundler", "esbuild", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "@open-spaced-repetition/binding"],
  outputFileTracingIncludes: { "/learn/**": ["./content/**/*"] },
  experimental: {
    authInterrupts: true,
    // An import sends up to MAX_IMPORT_CHARS (1,000,000) characters through a server action. Encoded for the
    // action a character can take up to 6 bytes (an escaped control character), so the action limit sits above
    // that and the import's own check answers "The file is too large (at most 1 MB)" instead of a 500.
    serverActions: { bodySizeLimit: "8mb" },
    // The proxy (proxy.ts) buffers request bodies and silently cuts them at this size (10 MB by default). An
    // imported review history may be up to MAX_HISTORY_FILE_BYTES (32 MiB, lib/anki/history-import.ts), so the
    // route sees the whole file and its own check answers a larger one.
    proxyClientMaxBodySize: "33mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Production sites are https (lib/env-schema.ts); browsers ignore the header over plain http (localhost).
          ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
        ],
      },
    ];
  },
};

export default nextConfig;
