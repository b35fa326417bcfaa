import "server-only";
import { parseEnv } from "./env-schema";

/**
 * The validated environment. Importing this module on the server checks
 * every variable once; a missing or malformed one stops the app with a
 * message that names it.
 */
export const env = parseEnv(process.env);
