import type { Blueprint } from "@/lib/content/schema";
import { longItems, PACE_MS } from "@/lib/exam/timing";

export type ScoredItem = { id: string; domain: number; keyIndex: number };
export type ScoredAnswer = { itemId: string; chosen: number | null; timeMs: number };

export type DomainScore = {
  domain: number;
  name: string;
  correct: number;
  total: number;
  /** 0–100 with one decimal; null when the attempt had no item from the domain. */
  percent: number | null;
  /** The domain's blueprint share, normalised so the shares add up to 1. */
  weight: number;
};

export type AttemptScore = {
  correct: number;
  total: number;
  /** 0–100 with one decimal (0 for an empty attempt). */
  percent: number;
  /** Every blueprint domain in id order, then any domain outside the blueprint. */
  byDomain: DomainScore[];
  timing: { totalMs: number; meanMs: number; paceMs: number; overPace: string[] };
};

const percentOf = (correct: number, total: number) => Math.round((correct / total) * 1000) / 10;

/** Blueprint shares normalised to sum 1, so weights stay meaningful if a blueprint's shares are rounded. */
export function blueprintWeights(blueprint: Blueprint): Map<number, number> {
  const sum = blueprint.domains.reduce((acc, d) => acc + d.share, 0);
  return new Map(blueprint.domains.map((d) => [d.id, sum > 0 ? d.share / sum : 1 / blueprint.domains.length]));
}

/**
 * Scores a submitted attempt. `items` is the attempt's item set; an item with
 * no answer, or a null choice, counts as wrong, as on the real exam. Time is
 * summed over the attempt's items only, and the mean is per item shown.
 */
export function scoreAttempt({ items, answers, blueprint }: { items: readonly ScoredItem[]; answers: readonly ScoredAnswer[]; blueprint: Blueprint }): AttemptScore {
  const answerFor = new Map(answers.map((a) => [a.itemId, a]));
  const weights = blueprintWeights(blueprint);

  const tally = new Map<number, { correct: number; total: number }>(blueprint.domains.map((d) => [d.id, { correct: 0, total: 0 }]));
  let correct = 0;
  const times: { itemId: string; timeMs: number }[] = [];
  const counted = new Set<string>();

  for (const item of items) {
    // An item listed twice would otherwise be scored twice.
    if (counted.has(item.id)) continue;
    counted.add(item.id);
    const answer = answerFor.get(item.id);
    const right = answer?.chosen != null && answer.chosen === item.keyIndex;
    const row = tally.get(item.domain) ?? { correct: 0, total: 0 };
    row.total++;
    if (right) {
      row.correct++;
      correct++;
    }
    tally.set(item.domain, row);
    times.push({ itemId: item.id, timeMs: Math.max(0, answer?.timeMs ?? 0) });
  }

  const total = counted.size;
  const blueprintIds = new Set(blueprint.domains.map((d) => d.id));
  const byDomain: DomainScore[] = [...blueprint.domains]
    .sort((a, b) => a.id - b.id)
    .map((d) => {
      const row = tally.get(d.id) ?? { correct: 0, total: 0 };
      return { domain: d.id, name: d.name, ...row, percent: row.total > 0 ? percentOf(row.correct, row.total) : null, weight: weights.get(d.id) ?? 0 };
    });
  const outside = [...tally.entries()].filter(([id]) => !blueprintIds.has(id)).sort(([a], [b]) => a - b);
  for (const [id, row] of outside) byDomain.push({ domain: id, name: `Domain ${id}`, ...row, percent: percentOf(row.correct, row.total), weight: 0 });

  const totalMs = times.reduce((acc, t) => acc + t.timeMs, 0);
  return {
    correct,
    total,
    percent: total > 0 ? percentOf(correct, total) : 0,
    byDomain,
    timing: { totalMs, meanMs: total > 0 ? Math.round(totalMs / total) : 0, paceMs: PACE_MS, overPace: longItems(times, PACE_MS) },
  };
}
