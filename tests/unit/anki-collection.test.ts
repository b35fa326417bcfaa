/**
 * The pieces of the Anki export that do not need a database: field HTML,
 * Anki's sort field and checksum, note guids, and the package itself.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildApkg, buildCollection, noteGuid, type AnkiNote } from "@/lib/anki/collection";
import { fieldChecksum, stripFieldHtml, textToFieldHtml } from "@/lib/anki/fields";

const DECKS = [
  { id: 10, name: "Parent", description: "" },
  { id: 11, name: "Parent::Child", description: "child & co" },
];
const note = (front: string, deckId = 11): AnkiNote => ({ guid: noteGuid(front), fields: [front, "back", "<a href=\"https://x.test/learn/a#b\">Lesson: A</a>"], tags: ["a tag", "b"], deckId });

describe("Anki fields", () => {
  it("computes Anki's checksum: the first 8 hex digits of SHA-1 of the field without HTML", () => {
    // sha1("test") = a94a8fe5…, and 0xa94a8fe5 = 2840236005 (Anki's own test value).
    expect(fieldChecksum("test")).toBe(2_840_236_005);
    expect(fieldChecksum("<b>te</b>st")).toBe(2_840_236_005);
    expect(fieldChecksum("te<!-- a comment -->st")).toBe(2_840_236_005);
    expect(stripFieldHtml("a&nbsp;b &lt;c&gt; &amp; &#233;&#x20AC;<br>d")).toBe("a b <c> & é€d");
    expect(stripFieldHtml('x<img src="pic.png">y')).toBe("x pic.png y");
  });

  it("turns text into field HTML: escaped, paragraphs and line breaks kept", () => {
    expect(textToFieldHtml("a < b & c")).toBe("a &lt; b &amp; c");
    expect(textToFieldHtml("one\ntwo")).toBe("one<br>two");
    expect(textToFieldHtml("first\r\n\r\nsecond")).toBe("<p>first</p><p>second</p>");
  });

  it("derives the same guid from the same key, and different ones from different keys", () => {
    expect(noteGuid("systemic/flashcard/a")).toBe(noteGuid("systemic/flashcard/a"));
    expect(noteGuid("systemic/flashcard/a")).not.toBe(noteGuid("systemic/flashcard/b"));
    expect(noteGuid("x")).toMatch(/^[A-Za-z0-9]{11}$/);
  });
});

describe("Anki collection", () => {
  it("refuses a note in a deck it does not hold, and a deck without its parent", () => {
    expect(() => buildCollection([note("a", 99)], DECKS)).toThrow(/deck 99/);
    expect(() => buildCollection([], [DECKS[1]!])).toThrow(/no parent deck Parent/);
  });

  it("stores tags as Anki does and numbers new cards in order", () => {
    const db = new Database(Buffer.from(buildCollection([note("first"), note("second")], DECKS, new Date("2026-12-02T12:00:00Z"))), { readonly: true });
    expect(db.prepare("SELECT tags, sfld FROM notes ORDER BY id").all()).toEqual([
      { tags: " a_tag b ", sfld: "first" },
      { tags: " a_tag b ", sfld: "second" },
    ]);
    expect(db.prepare("SELECT due, type, queue FROM cards ORDER BY id").all()).toEqual([
      { due: 1, type: 0, queue: 0 },
      { due: 2, type: 0, queue: 0 },
    ]);
    const col = db.prepare("SELECT crt, mod, ver FROM col").get();
    expect(col).toEqual({ crt: Date.UTC(2026, 11, 2) / 1000, mod: Date.parse("2026-12-02T12:00:00Z"), ver: 11 });
    db.close();
  });

  it("packs collection.anki2 and an empty media map in a ZIP that unzip accepts", () => {
    const archive = buildApkg([note("a")], DECKS, new Date("2026-12-02T12:00:00Z"));
    const entries = unzipSync(archive);
    expect(Object.keys(entries).sort()).toEqual(["collection.anki2", "media"]);
    expect(strFromU8(entries.media!)).toBe("{}");
    expect(strFromU8(entries["collection.anki2"]!.subarray(0, 15))).toBe("SQLite format 3");

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "apkg-")), "deck.apkg");
    writeFileSync(file, archive);
    const check = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    if (check.error) return; // unzip is not installed: fflate has read the archive above
    expect(check.stdout).toContain("No errors detected");
  });
});
