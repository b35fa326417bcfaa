/**
 * A simulated Anki user for tests: ts-fsrs schedules (two learning steps,
 * one relearning step, as Anki's defaults), and the learner recalls each
 * card with the probability their own forgetting curve gives, which differs
 * from FSRS's defaults so the optimizer has something to fit. The history
 * comes out as an Anki collection (schema 11 with a revlog) in an .apkg,
 * or as an fsrs-optimizer CSV.
 */
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import { createEmptyCard, default_w, fsrs, State, type Card, type Grade } from "ts-fsrs";
import { SCHEMA_11 } from "@/lib/anki/collection";
import { prng } from "./prng";

const DAY_MS = 86_400_000;

export interface SimulatedReview {
  /** Anki card id (a creation time in milliseconds). */
  card: number;
  at: number;
  rating: Grade;
  /** ts-fsrs state before the review (0 New … 3 Relearning). */
  state: State;
  /** Anki's revlog type: 0 learning (new cards too), 1 review, 2 relearning. */
  ankiType: 0 | 1 | 2;
}


const TRUE_MEMORY = (() => {
  const w = [...default_w];
  w[0] = 0.2;
  w[1] = 0.9;
  w[2] = 2;
  w[3] = 7;
  w[8] = 1.4;
  w[10] = 0.9;
  return fsrs({ w, enable_fuzz: false });
})();

const SCHEDULER = fsrs({ enable_fuzz: false, learning_steps: ["1m", "10m"], relearning_steps: ["10m"], enable_short_term: true });

/** Studies most evenings (UTC) from `start`, `newPerDay` new cards a day until `cards` are in. */
export function simulateAnkiHistory({ seed, cards: cardCount, days, start, newPerDay = 2 }: { seed: number; cards: number; days: number; start: number; newPerDay?: number }): SimulatedReview[] {
  const random = prng(seed);
  const cards: { id: number; card: Card; memory: Card }[] = [];
  const reviews: SimulatedReview[] = [];
  for (let day = 0; day < days; day++) {
    if (random() < 0.1) continue;
    let at = start + day * DAY_MS + Math.floor((19 + random() * 2) * 3_600_000);
    const sessionEnd = at + 3_600_000;
    for (let n = 0; n < newPerDay && cards.length < cardCount; n++) {
      cards.push({ id: 1_600_000_000_000 + seed * 100_000 + cards.length, card: createEmptyCard(new Date(at)), memory: createEmptyCard(new Date(at)) });
    }
    for (;;) {
      let next: (typeof cards)[number] | undefined;
      for (const c of cards) if (c.card.due.getTime() <= at && (!next || c.card.due < next.card.due)) next = c;
      if (!next) {
        const later = Math.min(...cards.map((c) => c.card.due.getTime()).filter((t) => t > at && t < sessionEnd));
        if (!Number.isFinite(later)) break;
        at = later;
        continue;
      }
      const when = new Date(at);
      let rating: Grade;
      if (next.card.state === State.New) {
        const u = random();
        rating = (u < 0.25 ? 1 : u < 0.9 ? 3 : 4) as Grade;
      } else if (random() >= TRUE_MEMORY.get_retrievability(next.memory, when, false)) {
        rating = 1 as Grade;
      } else {
        const u = random();
        rating = (u < 0.15 ? 2 : u < 0.9 ? 3 : 4) as Grade;
      }
      const state = next.card.state;
      reviews.push({ card: next.id, at, rating, state, ankiType: state === State.Review ? 1 : state === State.Relearning ? 2 : 0 });
      next.card = SCHEDULER.next(next.card, when, rating).card;
      next.memory = TRUE_MEMORY.next(next.memory, when, rating).card;
      at += 10_000 + Math.floor(random() * 20_000);
    }
  }
  return reviews;
}

/** An extra revlog row: [id, cid, ease, type, factor]. */
export type ExtraRevlogRow = [id: number, cid: number, ease: number, type: number, factor: number];

/**
 * The reviews as an Anki collection (schema 11) with a revlog, plus
 * `extra` rows (manual reschedules, cramming), zipped as Anki exports it.
 */
export function ankiPackage(reviews: readonly SimulatedReview[], { extra = [], entry = "collection.anki21" }: { extra?: readonly ExtraRevlogRow[]; entry?: string } = {}): Uint8Array {
  const db = new Database(":memory:");
  db.exec(SCHEMA_11);
  db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')").run();
  const insert = db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, ?, 8000, ?)");
  db.transaction(() => {
    for (const r of reviews) insert.run(r.at, r.card, r.rating, r.ankiType === 0 ? 0 : 2500, r.ankiType);
    for (const [id, cid, ease, type, factor] of extra) insert.run(id, cid, ease, factor, type);
  })();
  const collection = new Uint8Array(db.serialize());
  db.close();
  return zipSync({ [entry]: collection, media: strToU8("{}") });
}

/** The reviews as an fsrs-optimizer review-log CSV (with a BOM and CRLF line ends, as Excel saves it). */
export function revlogCsv(reviews: readonly SimulatedReview[]): string {
  const lines = ["card_id,review_time,review_rating,review_state,review_duration", ...reviews.map((r) => `${r.card},${r.at},${r.rating},${r.state},8000`)];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
