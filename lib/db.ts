import "server-only";
import { createDb, type Db } from "./db/client";

export type { Db } from "./db/client";

const globalForDb = globalThis as unknown as { systemicDb?: Db };

/**
 * The one Prisma client of the process, for the database named by
 * DATABASE_URL (validated at start-up by lib/env-schema.ts). Cached on
 * globalThis so hot reload in development does not open a pool per edit.
 */
export const db: Db = globalForDb.systemicDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.systemicDb = db;
