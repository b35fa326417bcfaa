/**
 * Where today's queue spends its time, in-process against a bench database:
 *
 *   npx tsx --conditions=react-server scripts/bench/queue-profile.ts --sqlite-file bench-results/q.db [--user u000021] [--runs 40] [--attempts 300]
 *
 * `--attempts N` runs on a copy of the file in which the learner has also
 * taken N practice sessions and mock exams (submitted, ten answers each), as
 * a learner who has studied for a while has: the queue's check that an item
 * is in no running attempt looks at the learner's attempts.
 *
 * Times getReviewSession (the whole day and `limit=20`) and todaysCounts,
 * then each database read the queue makes, one at a time, and the CPU-only
 * steps (interval previews, the JSON answer). Not a benchmark of record:
 * the figures of docs/benchmarks.md come from `npm run bench:review`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseArgs } from "node:util";
import { sqliteStoredTime } from "../../lib/db/config";
import { root } from "../lib/env-files";

const { values: args } = parseArgs({
  options: {
    "sqlite-file": { type: "string", default: "bench-results/q.db" },
    url: { type: "string" },
    user: { type: "string" },
    runs: { type: "string", default: "40" },
    attempts: { type: "string", default: "0" },
  },
});
const attempts = Number(args.attempts);
let sqliteFile = path.resolve(root, args["sqlite-file"]!);
if (attempts > 0) {
  if (args.url) throw new Error("--attempts works on a copy of a SQLite file, not on --url");
  const copy = sqliteFile.replace(/\.db$/, "") + `.attempts-${attempts}.db`;
  fs.copyFileSync(sqliteFile, copy);
  const file = new Database(copy);
  const learner =
    args.user ?? (file.prepare(`SELECT "userId" FROM "ReviewCard" GROUP BY "userId" ORDER BY COUNT(*) DESC LIMIT 1`).get() as { userId: string }).userId;
  const items = (file.prepare(`SELECT "itemId" FROM "ReviewCard" WHERE "userId" = ? AND "kind" = 'item' LIMIT 200`).all(learner) as { itemId: string }[]).map((r) => r.itemId);
  const attempt = file.prepare(`INSERT INTO "Attempt" ("id", "userId", "kind", "mode", "blueprintId", "itemIds", "spec", "startedAt", "submittedAt", "total") VALUES (?, ?, ?, 'tutor', 'amftrb-2020', '[]', '{}', ?, ?, 10)`);
  const answer = file.prepare(`INSERT INTO "AttemptAnswer" ("attemptId", "itemId", "position", "chosen", "correct", "marked", "timeMs") VALUES (?, ?, ?, 1, 1, 0, 1000)`);
  file.transaction(() => {
    for (let n = 0; n < attempts; n++) {
      const at = sqliteStoredTime(new Date(Date.now() - (n + 1) * 3_600_000));
      attempt.run(`bench-attempt-${n}`, learner, n % 3 === 2 ? "mock-full" : "practice", at, at);
      for (let k = 0; k < Math.min(10, items.length); k++) answer.run(`bench-attempt-${n}`, items[(n * 10 + k) % items.length], k);
    }
  })();
  file.close();
  sqliteFile = copy;
  console.log(`${attempts} submitted attempts added for ${learner} in ${path.relative(root, copy)}\n`);
}
process.env.DATABASE_URL = args.url ?? `file:${sqliteFile}`;
process.env.NEXTAUTH_SECRET ??= crypto.randomBytes(48).toString("base64url");
const runs = Number(args.runs);

const { db } = await import("../../lib/db");
const { getReviewSession, todaysCounts } = await import("../../lib/srs/session");
const { previewGrades } = await import("../../lib/srs/scheduler");
const { CARD_FIELDS_SELECT } = await import("../../lib/srs/records");
const { getSrsSettings } = await import("../../lib/srs/settings-store");
const { learnerDay } = await import("../../lib/srs/day");
const { listLessons } = await import("../../lib/content/lessons");

// The learner with the most cards (the bench's queue learner), unless named.
const userId =
  args.user ??
  (await db.$queryRawUnsafe<{ userId: string }[]>(`SELECT "userId" FROM "ReviewCard" GROUP BY "userId" ORDER BY COUNT(*) DESC LIMIT 1`))[0]!.userId;
const timeZone = "America/Chicago";

async function time(label: string, fn: () => Promise<unknown> | unknown, n = runs): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!.toFixed(2);
  const mean = (samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2);
  console.log(`${label.padEnd(46)} mean ${mean.padStart(7)}  p50 ${q(0.5).padStart(7)}  p95 ${q(0.95).padStart(7)} ms`);
}

try {
  const cards = await db.reviewCard.count({ where: { userId } });
  const session = await getReviewSession(userId, timeZone);
  console.log(`learner ${userId}: ${cards} cards, ${session.cards.length} in today's queue, ${(JSON.stringify(session).length / 1024).toFixed(1)} KB of JSON\n`);

  await time("getReviewSession (whole day)", () => getReviewSession(userId, timeZone));
  // Cold: this process has never built this learner's views (the content and interval caches emptied before each call).
  const caches = await Promise.all([import("../../lib/srs/card-content").catch(() => null), import("../../lib/srs/interval-cache").catch(() => null)]);
  if (caches[0] && caches[1]) {
    const [content, intervals] = caches;
    await time("getReviewSession (whole day, caches emptied)", () => {
      content.clearCardContentCache();
      intervals.clearIntervalCache();
      return getReviewSession(userId, timeZone);
    });
  }
  await time("getReviewSession (limit 20)", () => getReviewSession(userId, timeZone, new Date(), { limit: 20 }));
  await time("todaysCounts", () => todaysCounts(userId, timeZone));
  // A learner's first queue after reading five lessons: its 20 new cards get their rows (written to the file, then removed).
  const fiveLessons = (await db.flashcard.groupBy({ by: ["lessonSlug"], where: { retiredAt: null }, orderBy: { lessonSlug: "asc" } })).slice(0, 5).map((l) => l.lessonSlug);
  const newcomers: string[] = [];
  try {
    for (let i = 0; i < runs + 3; i++) {
      const { id } = await db.user.create({ data: { email: `queue-profile-${i}-${Date.now()}@example.test`, timeZone }, select: { id: true } });
      newcomers.push(id);
      await db.lessonProgress.createMany({ data: fiveLessons.map((lessonSlug) => ({ userId: id, lessonSlug })) });
    }
    const queue = newcomers.values();
    await time("getReviewSession (first, 20 new cards to make)", () => getReviewSession(queue.next().value!, timeZone));
  } finally {
    await db.user.deleteMany({ where: { id: { in: newcomers } } });
  }
  // Each raw statement getReviewSession makes, recorded from one call, then replayed one at a time.
  const made: Array<{ query: string; values: unknown[] }> = [];
  const raw = db.$queryRawUnsafe.bind(db);
  const patched = db as unknown as { $queryRawUnsafe: typeof raw };
  patched.$queryRawUnsafe = ((query: string, ...values: unknown[]) => {
    made.push({ query, values });
    return raw(query, ...values);
  }) as typeof raw;
  await getReviewSession(userId, timeZone);
  patched.$queryRawUnsafe = raw;
  console.log("\nRaw statements of one getReviewSession, each replayed on its own:");
  for (const { query, values } of made) {
    const rows = ((await raw(query, ...values)) as unknown[]).length;
    await time(`  ${query.replace(/\s+/g, " ").slice(0, 38)}… (${rows} rows)`, () => raw(query, ...values));
  }

  console.log("\nEach read on its own:");
  const settings = await getSrsSettings(userId);
  const now = new Date();
  const day = learnerDay(now, timeZone, settings.rolloverHour);
  await time("  getSrsSettings", () => getSrsSettings(userId));
  await time("  lessonProgress", () => db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true } }));
  await time("  today's logs", () =>
    db.reviewLog.findMany({ where: { userId, undoneAt: null, reviewedAt: { gte: day.start, lt: day.end } }, select: { state: true, rating: true, source: true } }),
  );
  await time("  listLessons", () => listLessons());
  const read = await db.lessonProgress.findMany({ where: { userId }, select: { lessonSlug: true } });
  await time("  new candidates (relation filter)", () =>
    db.flashcard.findMany({
      where: { lessonSlug: { in: read.map((r) => r.lessonSlug) }, retiredAt: null, reviewCards: { none: { userId } } },
      select: { id: true, lessonSlug: true, position: true },
    }),
  );
  await time("  latest undoable grade", () =>
    db.reviewLog.findFirst({
      where: { userId, undoneAt: null, source: { in: ["review", "offline"] } },
      orderBy: [{ recordedAt: "desc" }, { reviewedAt: "desc" }],
      select: { clientId: true, cardId: true },
    }),
  );
  await time("  tomorrow (count)", () =>
    db.reviewCard.count({ where: { userId, suspended: false, state: { not: 0 }, due: { gte: day.end, lt: new Date(day.end.getTime() + 86_400_000) } } }),
  );
  const ids = session.cards.map((c) => c.cardId);
  await time(`  card views read (${ids.length} cards, 2 relations)`, () =>
    db.reviewCard.findMany({
      where: { userId, id: { in: ids } },
      select: {
        id: true,
        kind: true,
        ...CARD_FIELDS_SELECT,
        flashcard: { select: { lessonSlug: true, section: true, front: true, back: true } },
        item: { select: { lessonSlug: true, section: true, stem: true, leadIn: true, options: true, keyIndex: true } },
      },
    }),
  );
  await time("  SELECT 1 (one raw round trip)", () => db.$queryRawUnsafe("SELECT 1"));

  // The settings page's count of training reviews: made once from the whole history, then kept while it is unchanged.
  const { countTrainingReviews } = await import("../../lib/srs/optimizer");
  const first = performance.now();
  const training = await countTrainingReviews(db, userId);
  console.log(`\ncountTrainingReviews: ${training} training reviews of ${await db.reviewLog.count({ where: { userId } })} logs, first call ${(performance.now() - first).toFixed(1)} ms`);
  await time("  countTrainingReviews, unchanged history", () => countTrainingReviews(db, userId));

  console.log("\nCPU only:");
  const fields = session.cards.map((c) => ({ ...c.fields, due: new Date(c.fields.due), lastReview: c.fields.lastReview ? new Date(c.fields.lastReview) : null }));
  await time(`  previewGrades × ${fields.length}`, () => {
    for (const f of fields) previewGrades(f, now, settings);
  });
  await time("  JSON.stringify(session)", () => JSON.stringify(session));
} finally {
  await db.$disconnect();
}
