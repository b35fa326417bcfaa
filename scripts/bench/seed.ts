/**
 * Builds a fresh benchmark database: migrated with the project's migrations,
 * content synced from content/, then learners, review cards and a year of
 * review logs written with raw bulk inserts (the app's ORM is bypassed for
 * speed; the column formats are the ones Prisma writes, checked by reading
 * rows back through Prisma at the end).
 *
 * SQLite: Prisma 6 with @prisma/adapter-better-sqlite3 stores DateTime as
 * TEXT `2026-11-22T10:15:03.120+00:00` (ISO 8601, milliseconds, explicit
 * +00:00 offset; read back from a row the app wrote) and Boolean as 0/1.
 * PostgreSQL: TIMESTAMP(3) without time zone holding UTC, BOOLEAN.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb } from "../../lib/db/client";
import { migrate } from "../db/migrate";
import { syncContentFromDisk } from "../content-sync";
import { root } from "../lib/env-files";
import { generateUser, isoUtc, syntheticFlashcards, userId, type LogRow, type PoolCard, type UserData } from "./dataset";

export type Provider = "sqlite" | "postgresql";

export interface SeedOptions {
  provider: Provider;
  url: string;
  users: number;
  cards: number;
  /** Cards of the extra learner used for queue timing. */
  queueCards: number;
  seed: number;
  log: (line: string) => void;
}

export interface SeedSummary {
  users: number;
  cardsPerUser: number;
  queueUser: { id: string; cards: number };
  reviewCards: number;
  reviewLogs: number;
  lessonProgress: number;
  srsSettings: number;
  syntheticFlashcards: number;
  realFlashcards: number;
  items: number;
  /** Seeding time by phase, seconds. */
  seconds: { reset: number; migrate: number; contentSync: number; rows: number; verify: number; total: number };
  seededAt: string;
}

const sqliteTime = (ms: number) => `${isoUtc(ms).slice(0, -1)}+00:00`;
const pgTime = (ms: number) => isoUtc(ms).slice(0, -1);

/**
 * Where generated rows go. `log` is called while a learner is generated,
 * `user` once it is complete (its row, settings, progress and cards);
 * `drain` waits until the writes in progress are few enough to go on.
 */
interface TableSink {
  log(row: LogRow): void;
  user(data: UserData): void;
  flashcards(rows: ReturnType<typeof syntheticFlashcards>): void;
  drain(): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

function sqliteSink(file: string): TableSink {
  const db = new Database(file);
  // Seeding only: no journal, no fsync, big cache. The journal mode is put
  // back to the app's (rollback journal, "delete") before closing.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1048576");
  db.pragma("temp_store = MEMORY");
  db.pragma("foreign_keys = OFF");
  const insertUser = db.prepare(`INSERT INTO "User" (id, email, name, role, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'candidate', ?, ?, ?)`);
  const insertSettings = db.prepare(`INSERT INTO "SrsSettings" (userId, updatedAt) VALUES (?, ?)`);
  const insertProgress = db.prepare(`INSERT INTO "LessonProgress" (userId, lessonSlug, readAt) VALUES (?, ?, ?)`);
  const insertCard = db.prepare(
    `INSERT INTO "ReviewCard" (id, userId, kind, flashcardId, itemId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, leech, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, clientId, cardId, rating, state, reviewedAt, recordedAt, durationMs, source, before, after, undoneAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const insertFlashcard = db.prepare(
    `INSERT INTO "Flashcard" (id, lessonSlug, section, front, back, source, position, contentHash, retiredAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  // One transaction per 10 learners.
  let usersInTransaction = 0;
  db.exec("BEGIN");
  return {
    log(l) {
      insertLog.run(l.id, l.userId, l.clientId, l.cardId, l.rating, l.state, sqliteTime(l.reviewedAt), sqliteTime(l.recordedAt), l.durationMs, l.source, l.before, l.after);
    },
    user({ user, hasSettings, lessonsRead, cards }) {
      insertUser.run(user.id, user.email, user.name, user.timeZone, sqliteTime(user.createdAt), sqliteTime(user.createdAt));
      if (hasSettings) insertSettings.run(user.id, sqliteTime(user.createdAt));
      for (const l of lessonsRead) insertProgress.run(user.id, l.lessonSlug, sqliteTime(l.readAt));
      for (const c of cards) {
        insertCard.run(
          c.id, c.userId, c.kind, c.flashcardId, c.itemId, sqliteTime(c.due), c.stability, c.difficulty, c.elapsedDays, c.scheduledDays,
          c.learningSteps, c.reps, c.lapses, c.state, c.lastReview === null ? null : sqliteTime(c.lastReview), c.suspended ? 1 : 0, c.leech ? 1 : 0,
          sqliteTime(c.createdAt), sqliteTime(c.updatedAt),
        );
      }
      if (++usersInTransaction >= 10) {
        db.exec("COMMIT; BEGIN");
        usersInTransaction = 0;
      }
    },
    flashcards(rows) {
      for (const f of rows) insertFlashcard.run(f.id, f.lessonSlug, f.section, f.front, f.back, f.source, f.position, f.contentHash, sqliteTime(f.createdAt), sqliteTime(f.createdAt));
    },
    async drain() {},
    async flush() {
      db.exec("COMMIT; BEGIN");
      usersInTransaction = 0;
    },
    async close() {
      db.exec("COMMIT");
      db.pragma("journal_mode = DELETE");
      db.close();
    },
  };
}

/** Column name → PostgreSQL type. */
type Columns = Record<string, string>;

const PG_TABLES: Record<string, Columns> = {
  User: { id: "text", email: "text", name: "text", role: "text", timeZone: "text", createdAt: "timestamp(3)", updatedAt: "timestamp(3)" },
  SrsSettings: { userId: "text", updatedAt: "timestamp(3)" },
  LessonProgress: { userId: "text", lessonSlug: "text", readAt: "timestamp(3)" },
  Flashcard: { id: "text", lessonSlug: "text", section: "text", front: "text", back: "text", source: "text", position: "int", contentHash: "text", createdAt: "timestamp(3)", updatedAt: "timestamp(3)" },
  ReviewCard: {
    id: "text", userId: "text", kind: "text", flashcardId: "text", itemId: "text", due: "timestamp(3)", stability: "float8", difficulty: "float8",
    elapsedDays: "int", scheduledDays: "int", learningSteps: "int", reps: "int", lapses: "int", state: "int", lastReview: "timestamp(3)",
    suspended: "boolean", leech: "boolean", createdAt: "timestamp(3)", updatedAt: "timestamp(3)",
  },
  ReviewLog: {
    id: "text", userId: "text", clientId: "text", cardId: "text", rating: "int", state: "int", reviewedAt: "timestamp(3)", recordedAt: "timestamp(3)",
    durationMs: "int", source: "text", before: "text", after: "text",
  },
};

/** Batches of rows per table, each sent as one JSON array parameter and inserted with `INSERT … SELECT … FROM json_array_elements($1)`. */
function postgresSink(url: string): TableSink & { connect(): Promise<void> } {
  // Two connections: PostgreSQL inserts one batch on each core while the next is generated.
  const client = new pg.Client({ connectionString: url });
  const second = new pg.Client({ connectionString: url });
  let turn = 0;
  // One query at a time per connection (node-pg deprecates queueing on a busy client).
  const queues: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  const BATCH = 5000;
  const buffers = new Map<string, unknown[][]>(Object.keys(PG_TABLES).map((t) => [t, []]));
  const inFlight: Promise<unknown>[] = [];
  let deferredIndexes: string[] = [];

  const send = (table: string) => {
    const rows = buffers.get(table)!;
    if (rows.length === 0) return;
    buffers.set(table, []);
    const columns = Object.entries(PG_TABLES[table]!);
    const names = columns.map(([c]) => `"${c}"`).join(", ");
    const values = columns.map(([, type], i) => `(r->>${i})::${type}`).join(", ");
    const i = turn++ % 2;
    const connection = i === 0 ? client : second;
    const payload = JSON.stringify(rows);
    const sql = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM json_array_elements($1::json) AS r`;
    queues[i] = queues[i]!.then(() => connection.query(sql, [payload]));
    inFlight.push(queues[i]!);
  };
  const add = (table: string, row: unknown[]) => {
    const rows = buffers.get(table)!;
    rows.push(row);
    if (rows.length >= BATCH) send(table);
  };
  return {
    async connect() {
      for (const c of [client, second]) {
        await c.connect();
        await c.query("SET synchronous_commit = off");
        // Seeding only: skip foreign-key triggers (the generated rows are consistent).
        await c.query("SET session_replication_role = replica");
      }
      // Building the secondary indexes once after the load is much faster than
      // maintaining them row by row; they are recreated from their exact definitions.
      const { rows } = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('ReviewCard', 'ReviewLog') AND indexname NOT LIKE '%_pkey'`,
      );
      deferredIndexes = rows.map((r) => r.indexdef);
      for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
    },
    log(l) {
      add("ReviewLog", [l.id, l.userId, l.clientId, l.cardId, l.rating, l.state, pgTime(l.reviewedAt), pgTime(l.recordedAt), l.durationMs, l.source, l.before, l.after]);
    },
    user({ user, hasSettings, lessonsRead, cards }) {
      add("User", [user.id, user.email, user.name, "candidate", user.timeZone, pgTime(user.createdAt), pgTime(user.createdAt)]);
      if (hasSettings) add("SrsSettings", [user.id, pgTime(user.createdAt)]);
      for (const l of lessonsRead) add("LessonProgress", [user.id, l.lessonSlug, pgTime(l.readAt)]);
      for (const c of cards) {
        add("ReviewCard", [
          c.id, c.userId, c.kind, c.flashcardId, c.itemId, pgTime(c.due), c.stability, c.difficulty, c.elapsedDays, c.scheduledDays, c.learningSteps,
          c.reps, c.lapses, c.state, c.lastReview === null ? null : pgTime(c.lastReview), c.suspended, c.leech, pgTime(c.createdAt), pgTime(c.updatedAt),
        ]);
      }
    },
    flashcards(rows) {
      for (const f of rows) add("Flashcard", [f.id, f.lessonSlug, f.section, f.front, f.back, f.source, f.position, f.contentHash, pgTime(f.createdAt), pgTime(f.createdAt)]);
    },
    async drain() {
      // Keep generating while PostgreSQL inserts the previous batch, but no further ahead.
      while (inFlight.length > 2) await inFlight.shift();
    },
    async flush() {
      for (const table of Object.keys(PG_TABLES)) send(table);
      await Promise.all(inFlight.splice(0));
    },
    async close() {
      await client.query("SET maintenance_work_mem = '1GB'");
      for (const definition of deferredIndexes) await client.query(definition);
      await client.query("SET session_replication_role = DEFAULT");
      await client.query("ANALYZE");
      await client.end();
      await second.end();
    },
  };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** The database name in a PostgreSQL URL, and a URL for the server's maintenance database. */
function pgParts(url: string): { name: string; adminUrl: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bench database name must be letters, digits and _: ${name}`);
  u.pathname = "/postgres";
  return { name, adminUrl: u.toString() };
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const { name, adminUrl } = pgParts(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function resetDatabase(provider: Provider, url: string): Promise<void> {
  if (provider === "sqlite") {
    const file = url.slice("file:".length);
    fs.mkdirSync(new URL(".", `file://${file}`).pathname, { recursive: true });
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    return;
  }
  await dropPostgresDatabase(url);
  const { name, adminUrl } = pgParts(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Seeds a fresh benchmark database; see the module comment. */
export async function seedBenchDatabase(o: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const now = Date.now();
  let phase = performance.now();
  await resetDatabase(o.provider, o.url);
  const tReset = seconds(phase);

  phase = performance.now();
  migrate(o.url);
  const tMigrate = seconds(phase);
  o.log(`  migrated (${tMigrate} s)`);

  phase = performance.now();
  process.env.DATABASE_URL = o.url;
  o.log(`  ${await syncContentFromDisk(root)} (${seconds(phase)} s)`);
  const tSync = seconds(phase);

  // The bank as synced, in course order, then bench-only flashcards if it is smaller than a learner's collection.
  const prisma = createDb(o.url);
  const [bankCards, bankItems, lessonRows] = await Promise.all([
    prisma.flashcard.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: [{ lessonSlug: "asc" }, { position: "asc" }] }),
    prisma.item.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } }),
    prisma.flashcard.findMany({ distinct: ["lessonSlug"], select: { lessonSlug: true }, orderBy: { lessonSlug: "asc" } }),
  ]);
  await prisma.$disconnect();
  const needed = Math.max(o.cards, o.queueCards);
  const bank: PoolCard[] = [...bankCards.map((c) => ({ kind: "flashcard" as const, id: c.id })), ...bankItems.map((i) => ({ kind: "item" as const, id: i.id }))];
  const synthetic = syntheticFlashcards(Math.max(0, needed - bank.length), now, o.seed);
  const pool: PoolCard[] = [...bank, ...synthetic.map((f) => ({ kind: "flashcard" as const, id: f.id }))];
  const lessons = lessonRows.map((l) => l.lessonSlug);
  o.log(`  bank: ${bankCards.length} flashcards + ${bankItems.length} items; ${synthetic.length} synthetic flashcards added in lesson "bench-synthetic"`);

  phase = performance.now();
  let sink: TableSink;
  if (o.provider === "sqlite") sink = sqliteSink(o.url.slice("file:".length));
  else {
    const pgSink = postgresSink(o.url);
    await pgSink.connect();
    sink = pgSink;
  }
  if (synthetic.length) sink.flashcards(synthetic);
  const totals = { cards: 0, logs: 0, progress: 0, settings: 0 };
  const step = Math.max(1, Math.round(o.users / 10));
  const expected: { userId: string; cards: number; logs: number; dueNow: number; firstCardDue: number }[] = [];
  for (let index = 1; index <= o.users + 1; index++) {
    const queueUser = index === o.users + 1;
    const data = generateUser({ index, cards: queueUser ? o.queueCards : o.cards, pool, lessons, now, seed: o.seed, activeToday: queueUser, onLog: sink.log });
    totals.cards += data.cards.length;
    totals.logs += data.logCount;
    totals.progress += data.lessonsRead.length;
    totals.settings += data.hasSettings ? 1 : 0;
    if (index === 1 || queueUser) {
      expected.push({
        userId: data.user.id,
        cards: data.cards.length,
        logs: data.logCount,
        dueNow: data.cards.filter((c) => !c.suspended && Math.trunc(c.due) < now).length,
        firstCardDue: Math.trunc(data.cards[0]!.due),
      });
    }
    sink.user(data);
    await sink.drain();
    if (index % step === 0 || queueUser) {
      await sink.flush();
      const t = (performance.now() - phase) / 1000;
      o.log(`  ${queueUser ? "queue user" : `${index}/${o.users} users`}: ${totals.cards.toLocaleString("en")} cards, ${totals.logs.toLocaleString("en")} logs, ${t.toFixed(1)} s (${Math.round((totals.cards + totals.logs) / t).toLocaleString("en")} rows/s)`);
    }
  }
  await sink.flush();
  await sink.close();
  const tRows = seconds(phase);

  // Read back through Prisma: the app must see exactly what was generated
  // (dates parsed, and compared in SQL correctly).
  phase = performance.now();
  const check = createDb(o.url);
  try {
    for (const e of expected) {
      const [cards, logs, dueNow, first] = await Promise.all([
        check.reviewCard.count({ where: { userId: e.userId } }),
        check.reviewLog.count({ where: { userId: e.userId } }),
        check.reviewCard.count({ where: { userId: e.userId, suspended: false, due: { lt: new Date(now) } } }),
        check.reviewCard.findFirst({ where: { userId: e.userId }, orderBy: { id: "asc" }, select: { due: true } }),
      ]);
      const got = { cards, logs, dueNow, firstCardDue: first?.due.getTime() };
      const want = { cards: e.cards, logs: e.logs, dueNow: e.dueNow, firstCardDue: e.firstCardDue };
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`seeded rows read back differently for ${e.userId}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  } finally {
    await check.$disconnect();
  }
  const tVerify = seconds(phase);
  o.log(`  verified through Prisma (${tVerify} s)`);

  return {
    users: o.users,
    cardsPerUser: o.cards,
    queueUser: { id: userId(o.users + 1), cards: o.queueCards },
    reviewCards: totals.cards,
    reviewLogs: totals.logs,
    lessonProgress: totals.progress,
    srsSettings: totals.settings,
    syntheticFlashcards: synthetic.length,
    realFlashcards: bankCards.length,
    items: bankItems.length,
    seconds: { reset: tReset, migrate: tMigrate, contentSync: tSync, rows: tRows, verify: tVerify, total: seconds(started) },
    seededAt: new Date(now).toISOString(),
  };
}

