/**
 * Anki on a real database: a learner's cards exported as an .apkg that
 * reads back as a valid Anki collection (opened with SQLite), and an Anki
 * or fsrs-optimizer review history imported for the optimizer, which then
 * runs on a fresh account.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { learnerData } from "@/lib/account/data-export";
import { ANKI_DECKS, learnerAnkiExport } from "@/lib/anki/export";
import { deleteImportedHistory, describeImport, importedHistorySummary, importReviewHistory, MAX_HISTORY_FILE_BYTES } from "@/lib/anki/history-import";
import { db } from "@/lib/db";
import { resolveDatabase } from "@/lib/db/config";
import { buildTrainingHistories, countTrainingReviews, getOptimization, MIN_REVIEWS_FOR_OPTIMIZATION, runOptimization, startOptimization } from "@/lib/srs/optimizer";
import { ankiPackage, revlogCsv, simulateAnkiHistory, type SimulatedReview } from "@/tests/support/anki-history";

const run = Math.random().toString(36).slice(2, 8);
const lesson = `anki-${run}`;
const SITE = "https://systemic.example.org";
const NOW = new Date("2026-12-02T12:00:00Z");
const users: string[] = [];
let me = "";
let other = "";

/** Anki's schema 11 (rslib/src/storage/schema11.sql): table → columns in order. */
const ANKI_TABLES: Record<string, string[]> = {
  col: ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
  notes: ["id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"],
  cards: ["id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data"],
  revlog: ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"],
  graves: ["usn", "oid", "type"],
};
const ANKI_INDEXES: Record<string, [table: string, columns: string[]]> = {
  ix_notes_usn: ["notes", ["usn"]],
  ix_cards_usn: ["cards", ["usn"]],
  ix_revlog_usn: ["revlog", ["usn"]],
  ix_cards_nid: ["cards", ["nid"]],
  ix_cards_sched: ["cards", ["did", "queue", "due"]],
  ix_revlog_cid: ["revlog", ["cid"]],
  ix_notes_csum: ["notes", ["csum"]],
};

async function makeUser(label: string, timeZone = "UTC") {
  const user = await db.user.create({ data: { email: `${label}-${run}@example.test`, name: label, timeZone }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

const itemData = (id: string, section: string, stem: string, retired = false) => ({
  id: `${lesson}-${id}`,
  lessonSlug: lesson,
  section,
  domain: 1,
  concepts: "[]",
  difficulty: 2,
  stem,
  leadIn: `What should the therapist do first (${id})?`,
  options: JSON.stringify(["A", "B", "C", "D"].map((l) => ({ text: `Option ${l} of ${id} <${l}>`, rationale: `Why ${l} of ${id} & more` }))),
  keyIndex: 2,
  author: "t",
  writtenOn: "2026-12-01",
  blueprint: "amftrb-2020",
  contentHash: "h",
  retiredAt: retired ? NOW : null,
});

const flashcardData = (id: string, section: string, front: string, retired = false) => ({
  id: `${lesson}/${id}`,
  lessonSlug: lesson,
  section,
  front,
  back: `Back of ${id}`,
  source: "card",
  position: Number(id.replace(/\D/g, "")),
  contentHash: "h",
  retiredAt: retired ? NOW : null,
});

async function study(userId: string, flashcardIds: string[]) {
  await db.reviewCard.createMany({
    data: flashcardIds.map((id) => ({ userId, kind: "flashcard", flashcardId: `${lesson}/${id}`, due: NOW, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 })),
  });
}

async function answer(userId: string, itemId: string, correct: boolean, at: string) {
  await db.answer.create({ data: { userId, itemId: `${lesson}-${itemId}`, chosen: correct ? 2 : 0, correct, timeMs: 3000, mode: "tutor", answeredAt: new Date(at) } });
}

beforeAll(async () => {
  me = await makeUser("me");
  other = await makeUser("other");
  await db.flashcard.createMany({
    data: [
      flashcardData("f1", "boundaries", "What is a diffuse boundary?"),
      flashcardData("f2", "triangles", "Name the three corners:\n\nof a <triangle> & its pull"),
      flashcardData("f3", "old", "A retired card", true),
      flashcardData("f4", "others", "Only the other learner studies this"),
    ],
  });
  await db.item.createMany({
    data: [
      itemData("i1", "joining", "A family of four arrives.\n\nThe father speaks first."),
      itemData("i2", "joining", "An item answered correctly only."),
      itemData("i3", "enactment", "An item only the other learner missed."),
      itemData("i4", "enactment", "A retired item the learner missed.", true),
      itemData("i5", "enactment", "An item in the learner's running mock exam."),
      itemData("i6", "unbalancing", "Missed once, right since."),
    ],
  });
  await study(me, ["f1", "f2", "f3"]);
  await study(other, ["f4"]);
  await answer(me, "i1", false, "2026-11-01T10:00:00Z");
  await answer(me, "i2", true, "2026-11-01T10:01:00Z");
  await answer(me, "i4", false, "2026-11-01T10:02:00Z");
  await answer(me, "i5", false, "2026-11-01T10:03:00Z");
  await answer(me, "i6", false, "2026-11-01T10:04:00Z");
  await answer(me, "i6", true, "2026-11-02T10:04:00Z");
  await answer(other, "i3", false, "2026-11-01T10:00:00Z");
  await db.attempt.create({
    data: { userId: me, kind: "mock-short", mode: "timed", blueprintId: "amftrb-2020", itemIds: JSON.stringify([`${lesson}-i5`]), total: 1, answers: { create: [{ itemId: `${lesson}-i5`, position: 0 }] } },
  });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.item.deleteMany({ where: { lessonSlug: lesson } });
  await db.flashcard.deleteMany({ where: { lessonSlug: lesson } });
});

/** Anki's field checksum, computed here independently of lib/anki/fields.ts. */
function ankiChecksum(field: string): number {
  const text = field
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  return Number.parseInt(createHash("sha1").update(text, "utf8").digest("hex").slice(0, 8), 16);
}

describe("exporting a learner's cards as an Anki deck", () => {
  let collection: Database.Database;
  let notes: { id: number; guid: string; mid: number; flds: string; sfld: string; csum: number; tags: string }[];

  beforeAll(async () => {
    const { apkg, flashcards, missedItems } = await learnerAnkiExport(me, SITE, NOW);
    expect({ flashcards, missedItems }).toEqual({ flashcards: 2, missedItems: 2 });
    const entries = unzipSync(apkg);
    expect(Object.keys(entries).sort()).toEqual(["collection.anki2", "media"]);
    expect(JSON.parse(strFromU8(entries.media!))).toEqual({});
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "anki-export-")), "collection.anki2");
    writeFileSync(file, entries["collection.anki2"]!);
    collection = new Database(file, { readonly: true });
    notes = collection.prepare("SELECT id, guid, mid, flds, sfld, csum, tags FROM notes ORDER BY id").all() as typeof notes;
  });

  afterAll(() => collection?.close());

  it("is an intact SQLite database with Anki's schema 11 tables, columns and indexes", () => {
    expect(collection.pragma("integrity_check", { simple: true })).toBe("ok");
    for (const [table, columns] of Object.entries(ANKI_TABLES)) {
      const info = collection.pragma(`table_info(${table})`) as { name: string; notnull: number }[];
      expect(info.map((c) => c.name), table).toEqual(columns);
      expect(info.every((c) => c.notnull === 1 || c.name === "id"), table).toBe(true);
    }
    for (const [index, [table, columns]] of Object.entries(ANKI_INDEXES)) {
      const list = collection.pragma(`index_list(${table})`) as { name: string }[];
      expect(list.map((i) => i.name), table).toContain(index);
      expect((collection.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name)).toEqual(columns);
    }
    expect(collection.prepare("SELECT count(*) AS n FROM revlog").get()).toEqual({ n: 0 });
  });

  it("has one col row whose note type, decks and deck options every note and card use", () => {
    const rows = collection.prepare("SELECT * FROM col").all() as Record<string, string | number>[];
    expect(rows).toHaveLength(1);
    const col = rows[0]!;
    expect(col.ver).toBe(11);
    const models = JSON.parse(col.models as string) as Record<string, { id: number; name: string; flds: { name: string; ord: number }[]; tmpls: { ord: number; qfmt: string; afmt: string }[]; sortf: number }>;
    const decks = JSON.parse(col.decks as string) as Record<string, { id: number; name: string; conf: number; dyn: number }>;
    const dconf = JSON.parse(col.dconf as string) as Record<string, { id: number }>;
    expect(JSON.parse(col.conf as string)).toMatchObject({ curModel: Object.keys(models)[0] });

    expect(notes).toHaveLength(4);
    for (const note of notes) {
      const model = models[String(note.mid)];
      expect(model, `note type ${note.mid}`).toBeDefined();
      expect(model!.id).toBe(note.mid);
      expect(model!.flds.map((f) => f.name)).toEqual(["Front", "Back", "Lesson"]);
      expect(note.flds.split("\x1f")).toHaveLength(model!.flds.length);
      expect(model!.tmpls[0]!.qfmt).toContain("{{Front}}");
      expect(model!.tmpls[0]!.afmt).toContain("{{Lesson}}");
    }

    const cards = collection.prepare("SELECT nid, did, ord, type, queue FROM cards").all() as { nid: number; did: number; ord: number; type: number; queue: number }[];
    expect(cards).toHaveLength(notes.length);
    const noteIds = new Set(notes.map((n) => n.id));
    for (const card of cards) {
      expect(noteIds.has(card.nid)).toBe(true);
      expect(decks[String(card.did)], `deck ${card.did}`).toBeDefined();
      expect(card).toMatchObject({ ord: 0, type: 0, queue: 0 });
    }
    expect(decks["1"]?.name).toBe("Default");
    for (const deck of Object.values(decks)) {
      expect(dconf[String(deck.conf)]).toBeDefined();
      expect(String(deck.id)).toBe(Object.keys(decks).find((k) => decks[k] === deck));
    }
    const deckOf = (front: string) => cards.find((c) => c.nid === notes.find((n) => n.flds.startsWith(front))?.id)?.did;
    expect(deckOf("What is a diffuse boundary?")).toBe(ANKI_DECKS.flashcards.id);
    expect(decks[String(ANKI_DECKS.missed.id)]?.name).toBe("Systemic::Missed questions");
  });

  it("fills each note as Anki would: unique guids, sort field, checksum, tags", () => {
    expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
    for (const note of notes) {
      const first = note.flds.split("\x1f")[0]!;
      expect(note.csum).toBe(ankiChecksum(first));
      expect(String(note.sfld)).toBe(first.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
      expect(note.tags).toMatch(/^ Systemic /);
    }
  });

  it("holds the learner's flashcards and missed bank items, each linked to its lesson section", () => {
    const fields = notes.map((n) => n.flds.split("\x1f") as [string, string, string]);
    const expectedSections: [string, string][] = [
      ["What is a diffuse boundary?", "boundaries"],
      ["<p>Name the three corners:</p><p>of a &lt;triangle&gt; &amp; its pull</p>", "triangles"],
      ['<div class="stem"><p>A family of four arrives.</p><p>The father speaks first.</p></div>', "joining"],
      ['<div class="stem">Missed once, right since.</div>', "unbalancing"],
    ];
    expect(fields.map(([front]) => expectedSections.findIndex(([start]) => front.startsWith(start)))).toEqual([0, 1, 2, 3]);
    for (const [i, [, , link]] of fields.entries()) {
      expect(link).toContain(`href="${SITE}/learn/${lesson}#${expectedSections[i]![1]}"`);
    }
    const [front, back] = fields[2]!;
    for (const letter of ["A", "B", "C", "D"]) expect(front).toContain(`<b>${letter}.</b> Option ${letter} of i1 &lt;${letter}&gt;`);
    expect(front).toContain("What should the therapist do first (i1)?");
    expect(back).toContain("<b>C.</b> Option C of i1");
    expect(back).toContain("Why C of i1 &amp; more");
    expect(back).not.toContain("Why A of i1");
  });

  it("leaves out other learners' cards and mistakes, retired content and items of a running mock exam", () => {
    const all = notes.map((n) => n.flds).join("\n");
    for (const absent of ["Only the other learner studies this", "only the other learner missed", "A retired card", "A retired item", "answered correctly only", "running mock exam"]) {
      expect(all).not.toContain(absent);
    }
  });
});

describe("importing an Anki review history", () => {
  const simulated = simulateAnkiHistory({ seed: 11, cards: 120, days: 200, start: Date.UTC(2025, 0, 6) });
  const cardCount = new Set(simulated.map((r) => r.card)).size;
  const someCard = simulated[0]!.card;
  const extra: [number, number, number, number, number][] = [
    [Date.UTC(2025, 5, 1), someCard, 0, 4, 2500], // set due date by hand
    [Date.UTC(2025, 5, 2), someCard, 0, 5, 0], // rescheduled
    [Date.UTC(2025, 5, 3), someCard, 3, 3, 0], // crammed without rescheduling
  ];
  const apkg = ankiPackage(simulated, { extra });
  let importer = "";

  beforeAll(async () => {
    importer = await makeUser("importer");
  });

  it("stores the usable reviews of a generated Anki collection and says what it skipped", async () => {
    const outcome = await importReviewHistory(db, importer, { bytes: apkg, name: "My deck.apkg" }, NOW);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome).toMatchObject({ source: "anki", imported: simulated.length, alreadyImported: 0, cards: cardCount, skipped: { noGrade: 2, cramming: 1, duplicate: 0, unreadable: 0 } });
    expect(describeImport(outcome)).toBe(
      `Imported ${simulated.length.toLocaleString("en")} reviews of ${cardCount} cards; 3 skipped: 2 rescheduled or reset by hand (no grade), 1 crammed in a filtered deck without rescheduling.`,
    );
    expect(await db.importedReview.count({ where: { userId: importer } })).toBe(simulated.length);
    const first = await db.importedReview.findFirst({ where: { userId: importer, externalCardId: String(someCard) }, orderBy: { reviewedAt: "asc" } });
    expect(first).toMatchObject({ source: "anki", rating: simulated[0]!.rating, state: 0, reviewedAt: new Date(simulated[0]!.at), durationMs: 8000, importedAt: NOW });
    // Stored as Prisma stores times: its own queries match them, and its own writes meet the same unique key.
    expect(await db.importedReview.count({ where: { userId: importer, reviewedAt: new Date(simulated[0]!.at) } })).toBeGreaterThanOrEqual(1);
    expect(await db.importedReview.count({ where: { userId: importer, reviewedAt: { lt: new Date(simulated[0]!.at) } } })).toBe(0);
    const duplicate = { userId: importer, source: "anki", externalCardId: String(someCard), reviewedAt: new Date(simulated[0]!.at), rating: 3, durationMs: 1 };
    await expect(db.importedReview.create({ data: duplicate })).rejects.toMatchObject({ code: "P2002" });
  });

  it("adds nothing when the same file is imported again", async () => {
    const again = await importReviewHistory(db, importer, { bytes: apkg, name: "My deck.apkg" }, NOW);
    expect(again).toMatchObject({ ok: true, imported: 0, alreadyImported: simulated.length });
    expect(await db.importedReview.count({ where: { userId: importer } })).toBe(simulated.length);
    expect((await importedHistorySummary(db, importer)).reviews).toBe(simulated.length);
    expect((await importedHistorySummary(db, me)).reviews).toBe(0);
  });

  it("lets the optimizer run on the fresh account from the imported history alone", async () => {
    expect(await db.reviewLog.count({ where: { userId: importer } })).toBe(0);
    const expected = buildTrainingHistories(
      simulated.map((r) => ({ cardId: String(r.card), rating: r.rating, reviewedAt: new Date(r.at), state: r.state })),
      "UTC",
      4,
    ).length;
    expect(expected).toBeGreaterThanOrEqual(MIN_REVIEWS_FOR_OPTIMIZATION);
    expect(await countTrainingReviews(db, importer)).toBe(expected);

    const started = await startOptimization(db, importer, NOW);
    if (!started.ok) throw new Error(`not started: ${started.reason}`);
    await runOptimization(db, started.optimizationId);
    const optimization = await getOptimization(db, importer, started.optimizationId);
    expect(optimization).toMatchObject({ status: "done", reviews: expected, error: null });
    expect(optimization?.result?.parameters.every(Number.isFinite)).toBe(true);
  });

  it("refuses the new Anki format, naming the export option, and stores nothing", async () => {
    const fresh = await makeUser("new-format");
    const archive = zipSync({ "collection.anki21b": strToU8("zstd"), "collection.anki2": ankiPackage([]), meta: strToU8("") });
    const outcome = await importReviewHistory(db, fresh, { bytes: archive, name: "collection.colpkg" }, NOW);
    expect(outcome).toMatchObject({ ok: false, reason: "unreadable" });
    if (!outcome.ok) expect(outcome.message).toContain("Support older Anki versions");
    expect(await db.importedReview.count({ where: { userId: fresh } })).toBe(0);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const outcome = await importReviewHistory(db, importer, { bytes: new Uint8Array(MAX_HISTORY_FILE_BYTES + 1), name: "huge.colpkg" }, NOW);
    expect(outcome).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("removes only the learner's own imported history", async () => {
    const bystander = await makeUser("bystander");
    await importReviewHistory(db, bystander, { bytes: ankiPackage(simulated.slice(0, 50)), name: "a.apkg" }, NOW);
    expect(await deleteImportedHistory(db, importer)).toBe(simulated.length);
    expect(await db.importedReview.count({ where: { userId: importer } })).toBe(0);
    expect(await db.importedReview.count({ where: { userId: bystander } })).toBe(50);
  });
});

describe("importing an fsrs-optimizer CSV", () => {
  const simulated: SimulatedReview[] = simulateAnkiHistory({ seed: 12, cards: 20, days: 30, start: Date.UTC(2025, 0, 6) });
  let learner = "";

  beforeAll(async () => {
    learner = await makeUser("csv");
  });

  it("refuses a file with bad lines, reporting them by line number, and stores nothing", async () => {
    const lines = revlogCsv(simulated).split("\r\n");
    lines[3] = `${simulated[2]!.card},${simulated[2]!.at},6,2,8000`;
    lines[7] = `,${simulated[6]!.at},3,2,8000`;
    const outcome = await importReviewHistory(db, learner, { bytes: strToU8(lines.join("\r\n")), name: "revlog.csv" }, NOW);
    expect(outcome).toMatchObject({ ok: false, reason: "unreadable", problemCount: 2 });
    if (outcome.ok) return;
    expect(outcome.problems?.map((p) => p.line)).toEqual([4, 8]);
    expect(outcome.problems?.[0]?.message).toContain("review_rating");
    expect(await db.importedReview.count({ where: { userId: learner } })).toBe(0);
  });

  it("stores a good file once, whatever the number of imports", async () => {
    const bytes = strToU8(revlogCsv(simulated));
    const first = await importReviewHistory(db, learner, { bytes, name: "revlog.csv" }, NOW);
    expect(first).toMatchObject({ ok: true, source: "csv", imported: simulated.length, alreadyImported: 0 });
    const second = await importReviewHistory(db, learner, { bytes, name: "revlog.csv" }, NOW);
    expect(second).toMatchObject({ ok: true, imported: 0, alreadyImported: simulated.length });
    const rows = await db.importedReview.findMany({ where: { userId: learner }, select: { source: true, state: true } });
    expect(rows).toHaveLength(simulated.length);
    expect(rows.every((r) => r.source === "csv" && r.state !== null)).toBe(true);
    // The learner's data export carries the imported history too.
    expect((await learnerData(learner)).importedReviews).toHaveLength(simulated.length);
  });

  it("refuses a file that would take the learner past the cap, storing nothing", async () => {
    const cap = { maxImportedReviews: simulated.length + 10 };
    const learner = await makeUser("capped");
    const file = (n: number) => strToU8(revlogCsv(simulated.map((r) => ({ ...r, card: r.card + 1_000_000 * n }))));
    expect(await importReviewHistory(db, learner, { bytes: file(1), name: "one.csv" }, NOW, cap)).toMatchObject({ ok: true, imported: simulated.length });
    const refused = await importReviewHistory(db, learner, { bytes: file(2), name: "two.csv" }, NOW, cap);
    expect(refused).toMatchObject({ ok: false, reason: "too-many" });
    if (!refused.ok) expect(refused.message).toContain(`at most ${cap.maxImportedReviews} imported reviews; this file would bring you to ${2 * simulated.length}.`);
    expect(await db.importedReview.count({ where: { userId: learner } })).toBe(simulated.length);
  });

  // Several app processes share a database only on PostgreSQL; on SQLite one process runs a learner's imports one at a time.
  it.runIf(resolveDatabase().provider === "postgresql")("holds the cap when two processes import for one learner at once", async () => {
    const cap = { maxImportedReviews: simulated.length + 10 };
    const learner = await makeUser("capped-twice");
    // A second app process: this module loaded afresh, with its own database connection and its own per-process queue.
    vi.resetModules();
    const elsewhere = await import("@/lib/anki/history-import");
    const { db: otherDb } = await import("@/lib/db");
    // Each import, once it has counted the learner's stored reviews, waits for the other to count too (or a
    // second, when the other cannot get there): without a lock held across the count and the inserts, both
    // would count none stored and both would store theirs.
    let counted = 0;
    let bothCounted = () => {};
    const both = new Promise<void>((resolve) => (bothCounted = resolve));
    const afterCount = async () => {
      if (++counted === 2) bothCounted();
      await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    };
    const pausing = <T extends object>(client: T): T => {
      const reviews = (store: object) =>
        new Proxy(Reflect.get(store, "importedReview") as object, {
          get: (model, key) =>
            key === "count" ? async (...args: unknown[]) => ((n: unknown) => afterCount().then(() => n))(await Reflect.apply(Reflect.get(model, key) as (...a: unknown[]) => Promise<unknown>, model, args)) : Reflect.get(model, key),
        });
      const wrap = (store: object): object => new Proxy(store, { get: (target, key) => (key === "importedReview" ? reviews(target) : Reflect.get(target, key)) });
      return new Proxy(client, {
        get: (target, key) => {
          if (key === "importedReview") return reviews(target);
          if (key === "$transaction") return (fn: (tx: object) => unknown, options?: unknown) => (target as unknown as { $transaction: (f: (tx: object) => unknown, o?: unknown) => unknown }).$transaction((tx) => fn(wrap(tx)), options);
          return Reflect.get(target, key);
        },
      });
    };
    try {
      const files = [0, 1].map((n) => strToU8(revlogCsv(simulated.map((r) => ({ ...r, card: r.card + 1_000_000 * (n + 1) })))));
      const outcomes = await Promise.all([
        importReviewHistory(pausing(db), learner, { bytes: files[0]!, name: "one.csv" }, NOW, cap),
        elsewhere.importReviewHistory(pausing(otherDb), learner, { bytes: files[1]!, name: "two.csv" }, NOW, cap),
      ]);
      expect(counted).toBe(2);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const refused = outcomes.find((o) => !o.ok);
      expect(refused).toMatchObject({ ok: false, reason: "too-many" });
      if (refused?.ok === false) expect(refused.message).toContain(`at most ${cap.maxImportedReviews}`);
      expect(await db.importedReview.count({ where: { userId: learner } })).toBe(simulated.length);
    } finally {
      await otherDb.$disconnect();
    }
  });

  it("stores a review once when the same history comes in both formats, in either order", async () => {
    // The CSV of a collection's first half, then the whole collection as a package: only the second half is new.
    const half = simulated.slice(0, Math.floor(simulated.length / 2));
    const csvFirst = await makeUser("csv-then-apkg");
    expect(await importReviewHistory(db, csvFirst, { bytes: strToU8(revlogCsv(half)), name: "revlog.csv" }, NOW)).toMatchObject({ ok: true, imported: half.length });
    const apkg = await importReviewHistory(db, csvFirst, { bytes: ankiPackage(simulated), name: "collection.apkg" }, NOW);
    expect(apkg).toMatchObject({ ok: true, source: "anki", imported: simulated.length - half.length, alreadyImported: half.length });
    expect(await db.importedReview.count({ where: { userId: csvFirst } })).toBe(simulated.length);
    expect(await db.importedReview.count({ where: { userId: csvFirst, source: "csv" } })).toBe(half.length);

    // The package first, then the CSV of the same reviews: nothing is added.
    const apkgFirst = await makeUser("apkg-then-csv");
    expect(await importReviewHistory(db, apkgFirst, { bytes: ankiPackage(simulated), name: "collection.apkg" }, NOW)).toMatchObject({ ok: true, imported: simulated.length });
    expect(await importReviewHistory(db, apkgFirst, { bytes: strToU8(revlogCsv(simulated)), name: "revlog.csv" }, NOW)).toMatchObject({
      ok: true,
      imported: 0,
      alreadyImported: simulated.length,
    });
    expect(await db.importedReview.count({ where: { userId: apkgFirst } })).toBe(simulated.length);
    // The optimizer trains on each review once: the same count as from one import of the history.
    const single = await makeUser("csv-once");
    await importReviewHistory(db, single, { bytes: strToU8(revlogCsv(simulated)), name: "revlog.csv" }, NOW);
    expect(await countTrainingReviews(db, apkgFirst)).toBe(await countTrainingReviews(db, single));
    expect(await countTrainingReviews(db, csvFirst)).toBe(await countTrainingReviews(db, single));
  });
});
