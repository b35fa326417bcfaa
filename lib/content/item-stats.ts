/**
 * How the bank's items perform with learners, across everyone who answered
 * them: facility, discrimination, how often each option is chosen, and the
 * flags a maintainer acts on. Learners answer different subsets of the bank,
 * so discrimination is the correlation between getting the item right and
 * the learner's share correct on every *other* bank item they answered (a
 * corrected point-biserial on a proportion rather than a total score).
 * Pure: `npm run content:stats` (scripts/content-stats.ts) gathers the
 * responses from a database.
 */
import { MIN_POINT_BISERIAL, pearson, TOO_EASY_FACILITY, WEAK_DISTRACTOR_MIN_RESPONSES, WEAK_DISTRACTOR_SHARE } from "@/lib/cohorts/item-analysis";

export interface BankResponse {
  learnerId: string;
  itemId: string;
  /** Option chosen, null when the item was shown but left unanswered. */
  chosen: number | null;
  correct: boolean;
}

/** Items are flagged only once this many learners have answered them (the cohort analysis's threshold for weak distractors). */
export const BANK_FLAG_MIN_LEARNERS = WEAK_DISTRACTOR_MIN_RESPONSES;
export { WEAK_DISTRACTOR_SHARE };

export type BankItemFlag = "too-easy" | "weak-distractor" | "possible-miskey" | "non-discriminating";

export interface BankItemStats {
  itemId: string;
  keyIndex: number;
  learners: number;
  facility: number | null;
  discrimination: number | null;
  /** Share of learners choosing each option (omissions count in the denominator). */
  optionShares: number[];
  /** Distractors (by index) chosen by under 5% once enough learners have answered. */
  weakDistractors: number[];
  flags: BankItemFlag[];
}

/**
 * One learner's first response per item counts (later ones have seen the
 * rationale). `responses` must already be first responses; the function
 * keeps the first it meets for each learner and item to be safe.
 */
export function bankItemStats(responses: readonly BankResponse[], items: readonly { id: string; keyIndex: number; optionCount?: number }[]): BankItemStats[] {
  const seen = new Set<string>();
  const first: BankResponse[] = [];
  for (const r of responses) {
    const key = `${r.learnerId}\u0000${r.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    first.push(r);
  }
  const totals = new Map<string, { correct: number; n: number }>();
  for (const r of first) {
    const t = totals.get(r.learnerId) ?? { correct: 0, n: 0 };
    t.n += 1;
    if (r.correct) t.correct += 1;
    totals.set(r.learnerId, t);
  }
  const byItem = new Map<string, BankResponse[]>();
  for (const r of first) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);

  return items.map((item) => {
    const rs = byItem.get(item.id) ?? [];
    const optionCount = item.optionCount ?? 4;
    const counts = new Array<number>(optionCount).fill(0);
    let correct = 0;
    const x: number[] = [];
    const y: number[] = [];
    for (const r of rs) {
      if (r.chosen !== null && r.chosen >= 0 && r.chosen < optionCount) counts[r.chosen]! += 1;
      if (r.correct) correct += 1;
      const t = totals.get(r.learnerId)!;
      if (t.n < 2) continue;
      x.push(r.correct ? 1 : 0);
      y.push((t.correct - (r.correct ? 1 : 0)) / (t.n - 1));
    }
    const learners = rs.length;
    const facility = learners > 0 ? correct / learners : null;
    const discrimination = x.length >= 3 ? pearson(x, y) : null;
    const optionShares = counts.map((c) => (learners > 0 ? c / learners : 0));
    const enough = learners >= BANK_FLAG_MIN_LEARNERS;
    const weakDistractors = enough ? optionShares.flatMap((share, i) => (i !== item.keyIndex && share < WEAK_DISTRACTOR_SHARE ? [i] : [])) : [];
    const flags: BankItemFlag[] = [];
    if (enough) {
      if (facility !== null && facility > TOO_EASY_FACILITY) flags.push("too-easy");
      if (weakDistractors.length > 0) flags.push("weak-distractor");
      // Stronger learners doing worse on it than weaker ones is the classic sign of a wrong key.
      if (discrimination !== null && discrimination < 0) flags.push("possible-miskey");
      else if (discrimination !== null && discrimination < MIN_POINT_BISERIAL) flags.push("non-discriminating");
    }
    return { itemId: item.id, keyIndex: item.keyIndex, learners, facility, discrimination, optionShares, weakDistractors, flags };
  });
}
