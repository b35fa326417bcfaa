/**
 * Anki decks written as Anki's legacy collection (schema 11, the
 * `collection.anki2` that every Anki since 2.0 imports, and AnkiDroid and
 * AnkiMobile too) inside an `.apkg`: a ZIP of the collection and a `media`
 * map (`{}`, no media).
 *
 * The tables, columns and indexes are those Anki creates for schema 11
 * (rslib/src/storage/schema11.sql); the `col` row carries the note type,
 * decks and deck options as the JSON Anki 2.1 stores there. Cards are new:
 * Anki schedules them from its own first review.
 *
 * The collection is built in an in-memory SQLite database with
 * better-sqlite3 and serialized, which gives the same bytes as a file on
 * disk without a temporary file to clean up.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { fieldChecksum, stripFieldHtml } from "./fields";

/** Anki's schema 11, as Anki creates it. */
export const SCHEMA_11 = `
CREATE TABLE col (
  id integer PRIMARY KEY,
  crt integer NOT NULL,
  mod integer NOT NULL,
  scm integer NOT NULL,
  ver integer NOT NULL,
  dty integer NOT NULL,
  usn integer NOT NULL,
  ls integer NOT NULL,
  conf text NOT NULL,
  models text NOT NULL,
  decks text NOT NULL,
  dconf text NOT NULL,
  tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY,
  guid text NOT NULL,
  mid integer NOT NULL,
  mod integer NOT NULL,
  usn integer NOT NULL,
  tags text NOT NULL,
  flds text NOT NULL,
  sfld integer NOT NULL,
  csum integer NOT NULL,
  flags integer NOT NULL,
  data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY,
  nid integer NOT NULL,
  did integer NOT NULL,
  ord integer NOT NULL,
  mod integer NOT NULL,
  usn integer NOT NULL,
  type integer NOT NULL,
  queue integer NOT NULL,
  due integer NOT NULL,
  ivl integer NOT NULL,
  factor integer NOT NULL,
  reps integer NOT NULL,
  lapses integer NOT NULL,
  left integer NOT NULL,
  odue integer NOT NULL,
  odid integer NOT NULL,
  flags integer NOT NULL,
  data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY,
  cid integer NOT NULL,
  usn integer NOT NULL,
  ease integer NOT NULL,
  ivl integer NOT NULL,
  lastIvl integer NOT NULL,
  factor integer NOT NULL,
  time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (
  usn integer NOT NULL,
  oid integer NOT NULL,
  type integer NOT NULL
);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** The note type's fields, in order. */
export const NOTE_FIELDS = ["Front", "Back", "Lesson"] as const;
export const NOTE_TYPE_NAME = "Systemic (Front, Back, Lesson)";

// Fixed ids, so a deck imported again updates the same note type and decks
// instead of adding copies (Anki matches note types by id, decks by name).
export const NOTE_TYPE_ID = 1_767_225_600_000;
const DEFAULT_DECK_ID = 1;
const DEFAULT_OPTIONS_ID = 1;

export interface AnkiDeck {
  id: number;
  /** Anki's full name; "::" separates levels. */
  name: string;
  description: string;
}

export interface AnkiNote {
  /** Stable across exports: Anki updates a note with a known guid instead of adding a duplicate. */
  guid: string;
  /** Field HTML in {@link NOTE_FIELDS} order. */
  fields: readonly [front: string, back: string, lesson: string];
  tags: readonly string[];
  deckId: number;
}

/** A note guid derived from a stable key: 11 letters and digits (Anki's own are 10 characters of base 91; any unique text works). */
export function noteGuid(key: string): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let value = BigInt(`0x${createHash("sha256").update(key, "utf8").digest("hex").slice(0, 16)}`);
  const base = BigInt(alphabet.length);
  let guid = "";
  for (let i = 0; i < 11; i++) {
    guid = alphabet[Number(value % base)]! + guid;
    value /= base;
  }
  return guid;
}

const CSS = `.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 18px;
  line-height: 1.5;
  text-align: left;
  color: #1c1917;
  background-color: #fafaf9;
  max-width: 40em;
  margin: 0 auto;
}
.nightMode.card, .night_mode .card { color: #f5f5f4; background-color: #1c1917; }
.lead-in { font-weight: 600; }
.option { margin: 0.35em 0; }
.lesson { margin-top: 1.5em; font-size: 15px; }
`;

function noteType(nowSeconds: number, deckId: number) {
  return {
    id: NOTE_TYPE_ID,
    name: NOTE_TYPE_NAME,
    type: 0,
    mod: nowSeconds,
    usn: 0,
    sortf: 0,
    did: deckId,
    tmpls: [
      {
        name: "Card 1",
        ord: 0,
        qfmt: "{{Front}}",
        afmt: '{{FrontSide}}\n\n<hr id="answer">\n\n{{Back}}\n\n{{#Lesson}}<div class="lesson">{{Lesson}}</div>{{/Lesson}}',
        bqfmt: "",
        bafmt: "",
        did: null,
        bfont: "",
        bsize: 0,
      },
    ],
    flds: NOTE_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
    css: CSS,
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    // Card 1 is generated when Front is not empty.
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, description: string, nowSeconds: number) {
  return {
    id,
    name,
    desc: description,
    mod: nowSeconds,
    usn: 0,
    collapsed: false,
    browserCollapsed: false,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
    dyn: 0,
    conf: DEFAULT_OPTIONS_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

function deckOptions() {
  return {
    id: DEFAULT_OPTIONS_ID,
    name: "Default",
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20, separate: true },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  };
}

/** Tags as Anki stores them: space-separated with a space at each end; a tag cannot contain spaces. */
function tagString(tags: readonly string[]): string {
  const clean = tags.map((t) => t.replace(/\s+/g, "_")).filter((t) => t.length > 0);
  return clean.length > 0 ? ` ${clean.join(" ")} ` : "";
}

/**
 * The notes as a schema 11 collection (the bytes of `collection.anki2`).
 * Every deck a note names must be in `decks`, and so must the parents of
 * a deck named with "::".
 */
export function buildCollection(notes: readonly AnkiNote[], decks: readonly AnkiDeck[], now = new Date()): Uint8Array {
  const nowMs = now.getTime();
  const nowSeconds = Math.floor(nowMs / 1000);
  const deckIds = new Set(decks.map((d) => d.id));
  for (const note of notes) {
    if (!deckIds.has(note.deckId)) throw new Error(`note ${note.guid} names deck ${note.deckId}, which is not in the collection`);
  }
  const deckNames = new Set(decks.map((d) => d.name));
  for (const d of decks) {
    const parent = d.name.split("::").slice(0, -1).join("::");
    if (parent && !deckNames.has(parent)) throw new Error(`deck ${d.name} has no parent deck ${parent} in the collection`);
  }

  const allDecks: Record<string, ReturnType<typeof deck>> = { [DEFAULT_DECK_ID]: deck(DEFAULT_DECK_ID, "Default", "", nowSeconds) };
  for (const d of decks) allDecks[d.id] = deck(d.id, d.name, d.description, nowSeconds);
  const firstDeck = decks[0]?.id ?? DEFAULT_DECK_ID;

  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA_11);
    db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
      // crt: the collection's creation day, in seconds.
      Math.floor(nowMs / 86_400_000) * 86_400,
      nowMs,
      nowMs,
      JSON.stringify({
        activeDecks: [firstDeck],
        curDeck: firstDeck,
        newSpread: 0,
        collapseTime: 1200,
        timeLim: 0,
        estTimes: true,
        dueCounts: true,
        curModel: String(NOTE_TYPE_ID),
        nextPos: notes.length + 1,
        sortType: "noteFld",
        sortBackwards: false,
        addToCur: true,
      }),
      JSON.stringify({ [NOTE_TYPE_ID]: noteType(nowSeconds, firstDeck) }),
      JSON.stringify(allDecks),
      JSON.stringify({ [DEFAULT_OPTIONS_ID]: deckOptions() }),
    );
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')");
    // A new card: type 0 and queue 0, due is its position among new cards.
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    db.transaction(() => {
      for (const [index, note] of notes.entries()) {
        // Ids are creation times in milliseconds, as Anki's are; one apart keeps them unique.
        const id = nowMs + index;
        insertNote.run(id, note.guid, NOTE_TYPE_ID, nowSeconds, tagString(note.tags), note.fields.join("\x1f"), stripFieldHtml(note.fields[0]), fieldChecksum(note.fields[0]));
        insertCard.run(id, id, note.deckId, nowSeconds, index + 1);
      }
    })();
    return new Uint8Array(db.serialize());
  } finally {
    db.close();
  }
}

/** An `.apkg`: the collection as `collection.anki2` and an empty media map. */
export function buildApkg(notes: readonly AnkiNote[], decks: readonly AnkiDeck[], now = new Date()): Uint8Array {
  return zipSync({ "collection.anki2": buildCollection(notes, decks, now), media: strToU8("{}") }, { mtime: now });
}
