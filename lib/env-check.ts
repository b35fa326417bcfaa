import { EnvError, parseEnv } from "./env-schema";

/** Stops the process with a readable message when the environment is invalid. */
export function checkEnvironmentOrExit(): void {
  try {
    parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n\nSystemic cannot start until these are fixed. See README.md, "Configuration".\n`);
    process.exit(1);
  }
}
