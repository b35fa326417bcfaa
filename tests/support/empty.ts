// Stands in for `server-only` / `client-only` under Vitest, which runs
// outside Next's bundler conditions.
export {};
