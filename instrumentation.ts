// Validates the environment when the server starts, so a missing or
// malformed variable stops it at once with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv, EnvError } = await import("./lib/env-schema");
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n\nSystemic cannot start until these are fixed. See README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }
}
