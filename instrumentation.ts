// Validates the environment when the server starts, so a missing or
// malformed variable stops it at once with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/env-check");
    checkEnvironmentOrExit();
  }
}
