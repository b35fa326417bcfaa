/**
 * `npm run content:stats`: how the shared bank's items perform with the
 * learners in the database named by DATABASE_URL. Prints the flagged items
 * (too easy, weak distractors, possible miskey, non-discriminating; only
 * items answered by 30 or more learners are flagged) and a summary; with
 * `--json`, every item's statistics as JSON. See lib/content/item-stats.ts.
 */
import { createDb } from "../lib/db/client";
import { BANK_FLAG_MIN_LEARNERS, WEAK_DISTRACTOR_SHARE } from "../lib/content/item-stats";
import { bankStatsFromDb } from "../lib/content/item-stats-data";

const LETTERS = ["A", "B", "C", "D", "E", "F"];
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

const db = createDb();
try {
  const stats = await bankStatsFromDb(db);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(stats, null, 2));
  } else {
    const answered = stats.filter((s) => s.learners > 0);
    const enough = stats.filter((s) => s.learners >= BANK_FLAG_MIN_LEARNERS);
    const flagged = stats.filter((s) => s.flags.length > 0);
    console.log(`${stats.length} live bank items; ${answered.length} answered by anyone; ${enough.length} by ${BANK_FLAG_MIN_LEARNERS}+ learners (flags need that many).`);
    if (flagged.length === 0) console.log("No item is flagged.");
    else {
      console.log(`\n${flagged.length} flagged item(s):\n`);
      console.log("item        learners  facility  discrim.  options (key*)                 flags");
      for (const s of flagged) {
        const options = s.optionShares.map((share, i) => `${LETTERS[i]}${i === s.keyIndex ? "*" : ""} ${pct(share)}`).join("  ");
        const weak = s.weakDistractors.length > 0 ? ` (${s.weakDistractors.map((i) => LETTERS[i]).join(", ")} under ${pct(WEAK_DISTRACTOR_SHARE)})` : "";
        console.log(`${s.itemId.padEnd(11)} ${String(s.learners).padStart(8)}  ${pct(s.facility).padStart(8)}  ${(s.discrimination === null ? "—" : s.discrimination.toFixed(2)).padStart(8)}  ${options.padEnd(30)} ${s.flags.join(", ")}${weak}`);
      }
    }
  }
} finally {
  await db.$disconnect();
}
