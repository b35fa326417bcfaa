/**
 * Reading review histories from Anki (a collection's revlog in an .apkg)
 * and from fsrs-optimizer CSVs: which rows count, the states derived from
 * Anki's review types, and what a broken file is told.
 */
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_LISTED_PROBLEMS, MAX_REVIEWS_PER_FILE, readAnkiPackage, readRevlogCsv, reviewsFromRevlog, type RevlogRow } from "@/lib/anki/history";
import { ankiPackage, revlogCsv, simulateAnkiHistory } from "@/tests/support/anki-history";

const NOW = Date.UTC(2026, 11, 1);
const START = Date.UTC(2025, 0, 6);
const HEADER = "card_id,review_time,review_rating,review_state,review_duration";
const T = Date.UTC(2025, 2, 3, 18);
const MIN = 60_000;
const DAY = 86_400_000;

describe("Anki revlog rows", () => {
  it("derives each review's state as fsrs-optimizer does and skips rows without a grade or from cramming", () => {
    const rows: RevlogRow[] = [
      // card 1: learning steps, graduated, a lapse and relearning
      [T, 1, 3, 0, 0, 8000],
      [T + MIN, 1, 3, 0, 0, 7000],
      [T + 10 * MIN, 1, 3, 0, 2500, 6000],
      [T + 3 * DAY, 1, 1, 1, 2500, 9000],
      [T + 3 * DAY + 10 * MIN, 1, 3, 2, 2300, 5000],
      // a manual reschedule, a reset (both ease 0), then the card learned anew
      [T + 5 * DAY, 1, 0, 4, 2300, 0],
      [T + 6 * DAY, 1, 0, 5, 0, 0],
      [T + 6 * DAY + MIN, 1, 3, 0, 0, 4000],
      // card 2: a review in a filtered deck that rescheduled counts; cramming without rescheduling does not
      [T, 2, 3, 0, 0, 8000],
      [T + 2 * DAY, 2, 4, 3, 2500, 3000],
      [T + 2 * DAY + MIN, 2, 1, 3, 0, 3000],
      // unreadable: an unknown type, a grade of 7, a time before 2000
      [T + 9 * DAY, 2, 3, 9, 2500, 1000],
      [T + 9 * DAY + MIN, 2, 7, 1, 2500, 1000],
      [Date.UTC(1999, 0, 1), 3, 3, 1, 2500, 1000],
    ];
    const read = reviewsFromRevlog(rows, NOW);
    if ("tooMany" in read) throw new Error("too many");
    expect(read.reviews.map((r) => [r.card, r.at - T, r.rating, r.state])).toEqual([
      ["1", 0, 3, 0],
      ["1", MIN, 3, 1],
      ["1", 10 * MIN, 3, 1],
      ["1", 3 * DAY, 1, 2],
      ["1", 3 * DAY + 10 * MIN, 3, 3],
      ["1", 6 * DAY + MIN, 3, 0],
      ["2", 0, 3, 0],
      ["2", 2 * DAY, 4, 2],
    ]);
    expect(read.reviews[0]!.durationMs).toBe(8000);
    expect(read.skipped).toEqual({ noGrade: 2, cramming: 1, duplicate: 0, unreadable: 3 });
  });

  it("refuses a history longer than one file may hold", () => {
    const rows = function* (): Generator<RevlogRow> {
      for (let i = 0; i <= MAX_REVIEWS_PER_FILE; i++) yield [T + i, Math.floor(i / 50), 3, 1, 2500, 1000];
    };
    expect(reviewsFromRevlog(rows(), NOW)).toEqual({ tooMany: MAX_REVIEWS_PER_FILE + 1 });
  });

  it("gives every simulated review the state ts-fsrs had before it", () => {
    const simulated = simulateAnkiHistory({ seed: 3, cards: 30, days: 60, start: START });
    const read = readAnkiPackage(ankiPackage(simulated), Database, NOW);
    if (!read.ok) throw new Error(read.message);
    expect(read.source).toBe("anki");
    expect(read.reviews).toHaveLength(simulated.length);
    const byKey = new Map(simulated.map((r) => [`${r.card}/${r.at}`, r]));
    for (const review of read.reviews) {
      const truth = byKey.get(`${review.card}/${review.at}`);
      expect(truth, `${review.card}/${review.at}`).toBeDefined();
      expect([review.rating, review.state]).toEqual([truth!.rating, truth!.state]);
    }
  });
});

describe("Anki packages", () => {
  const simulated = simulateAnkiHistory({ seed: 4, cards: 5, days: 10, start: START });

  it("reads collection.anki2 when there is no collection.anki21", () => {
    const read = readAnkiPackage(ankiPackage(simulated, { entry: "collection.anki2" }), Database, NOW);
    expect(read.ok && read.reviews.length).toBe(simulated.length);
  });

  it("refuses the new format (collection.anki21b) and says how to export the old one", () => {
    // Anki 23.10+ writes the zstd collection and a placeholder collection.anki2 holding no history.
    const archive = zipSync({ "collection.anki21b": strToU8("(zstd)"), "collection.anki2": strToU8("placeholder"), meta: strToU8("") });
    const read = readAnkiPackage(archive, Database, NOW);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain("Support older Anki versions");
  });

  it("explains what is wrong with other files", () => {
    const messageOf = (bytes: Uint8Array) => {
      const read = readAnkiPackage(bytes, Database, NOW);
      return read.ok ? "" : read.message;
    };
    expect(messageOf(strToU8("PK\u0003\u0004 but not a zip"))).toContain("not a readable Anki package");
    expect(messageOf(zipSync({ "notes.txt": strToU8("hello") }))).toContain("holds no Anki collection");
    expect(messageOf(zipSync({ "collection.anki21": strToU8("not a database") }))).toContain("not a readable Anki database");
    expect(messageOf(ankiPackage([]))).toContain("Include scheduling information");
    const noRevlog = new Database(":memory:");
    noRevlog.exec("CREATE TABLE notes (id integer)");
    expect(messageOf(zipSync({ "collection.anki21": new Uint8Array(noRevlog.serialize()) }))).toContain("has no review log");
  });
});

describe("fsrs-optimizer CSV", () => {
  it("reads a file with a byte order mark and CRLF line ends, as Excel saves it", () => {
    const simulated = simulateAnkiHistory({ seed: 5, cards: 10, days: 20, start: START });
    const read = readRevlogCsv(revlogCsv(simulated), NOW);
    if (!read.ok) throw new Error(read.message);
    expect(read.source).toBe("csv");
    expect(read.reviews.map((r) => [r.card, r.at, r.rating, r.state, r.durationMs])).toEqual(simulated.map((r) => [String(r.card), r.at, r.rating, r.state, 8000]));
  });

  it("needs only card_id, review_time and review_rating, in any order and case", () => {
    const read = readRevlogCsv(`Review_Rating;CARD_ID;review_time\n3;a;${T}\n1;a;${T + DAY}\n`, NOW);
    if (!read.ok) throw new Error(read.message);
    expect(read.reviews).toEqual([
      { card: "a", at: T, rating: 3, state: null, durationMs: 0 },
      { card: "a", at: T + DAY, rating: 1, state: null, durationMs: 0 },
    ]);
  });

  it("refuses a file without the header", () => {
    const read = readRevlogCsv(`1,${T},3,0,8000\n`, NOW);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain("The first line must name the columns: card_id,review_time,review_rating");
  });

  it("skips ratings of 0 and repeated rows, and reads fsrs-optimizer's filtered-deck state 4 as a review", () => {
    const read = readRevlogCsv([HEADER, `a,${T},3,0,1`, `a,${T},3,0,1`, `a,${T + DAY},0,2,1`, `a,${T + 2 * DAY},3,4,1`].join("\n"), NOW);
    if (!read.ok) throw new Error(read.message);
    expect(read.reviews.map((r) => r.state)).toEqual([0, 2]);
    expect(read.skipped).toMatchObject({ noGrade: 1, duplicate: 1 });
  });

  it("refuses a file with bad lines, naming each by its line in the file", () => {
    const lines = [
      HEADER,
      `a,${T},3,0,8000`,
      `,${T},3,0,8000`, // 3: no card
      `a,${Math.floor(T / 1000)},3,0,8000`, // 4: seconds
      `a,${T + 1},5,0,8000`, // 5: rating
      "", // 6: blank lines are fine
      `"multi`, // 7–8: a quoted card id across two lines
      `line",${T + 2},3,0,8000`,
      `a,${T + 3},3,7,8000`, // 9: state
      `a,${T + 4},3,2,-5`, // 10: duration
      `a,${NOW + 5 * DAY},3,2,1`, // 11: future
      `a,1.5e12,3,2,1`, // 12: not a whole number
    ];
    const read = readRevlogCsv(lines.join("\r\n"), NOW);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain("nothing was imported");
    expect(read.problems?.map((p) => p.line)).toEqual([3, 4, 5, 7, 9, 10, 11, 12]);
    expect(read.problems?.[1]?.message).toContain("looks like seconds");
    expect(read.problems?.[2]?.message).toContain("review_rating must be 1 (Again)");
    expect(read.problems?.[3]?.message).toContain("control character");
    expect(read.problemCount).toBe(8);
  });

  it("lists at most the first problems and counts the rest", () => {
    const lines = [HEADER, ...Array.from({ length: 60 }, (_, i) => `a,${T + i},9,0,1`)];
    const read = readRevlogCsv(lines.join("\n"), NOW);
    if (read.ok) throw new Error("accepted");
    expect(read.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(read.problems?.[0]?.line).toBe(2);
    expect(read.problemCount).toBe(60);
    expect(read.message).toContain("60 lines");
  });
});
