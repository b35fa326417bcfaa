/**
 * The few direct reads the benchmark makes outside the app (targets for the
 * load, log counts for the exactly-once check), for SQLite and PostgreSQL.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { Provider } from "./seed";

export interface BenchDb {
  countLogs(): Promise<number>;
  countLogsWithPrefix(prefix: string): Promise<{ rows: number; distinct: number }>;
  /** Gradable cards: not suspended and far from becoming leeches, of every learner but `except`. */
  gradableCards(except: string): Promise<{ userId: string; cardId: string }[]>;
  users(): Promise<{ id: string; email: string }[]>;
  close(): Promise<void>;
}

const GRADABLE = `SELECT "userId", id AS "cardId" FROM "ReviewCard" WHERE suspended = $false AND lapses <= 4 AND "userId" <> $except`;

export async function openBenchDb(provider: Provider, url: string): Promise<BenchDb> {
  if (provider === "sqlite") {
    const db = new Database(url.slice("file:".length), { readonly: true, timeout: 10_000 });
    return {
      countLogs: async () => (db.prepare(`SELECT count(*) AS n FROM "ReviewLog"`).get() as { n: number }).n,
      countLogsWithPrefix: async (prefix) =>
        db.prepare(`SELECT count(*) AS rows, count(DISTINCT "clientId") AS "distinct" FROM "ReviewLog" WHERE "clientId" >= ? AND "clientId" < ?`).get(prefix, `${prefix}\uffff`) as { rows: number; distinct: number },
      gradableCards: async (except) => db.prepare(GRADABLE.replace("$false", "0").replace("$except", "?")).all(except) as { userId: string; cardId: string }[],
      users: async () => db.prepare(`SELECT id, email FROM "User"`).all() as { id: string; email: string }[],
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    countLogs: async () => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ReviewLog"`)).rows[0]!.n),
    countLogsWithPrefix: async (prefix) => {
      const row = (await client.query<{ rows: string; distinct: string }>(`SELECT count(*) AS rows, count(DISTINCT "clientId") AS "distinct" FROM "ReviewLog" WHERE "clientId" LIKE $1`, [`${prefix}%`])).rows[0]!;
      return { rows: Number(row.rows), distinct: Number(row.distinct) };
    },
    gradableCards: async (except) => (await client.query<{ userId: string; cardId: string }>(GRADABLE.replace("$false", "false").replace("$except", "$1"), [except])).rows,
    users: async () => (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`)).rows,
    close: async () => client.end(),
  };
}
