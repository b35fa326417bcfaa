import type { Blueprint } from "@/lib/content/schema";
import { shuffle } from "@/lib/learn/shuffle";
import { PACE_SECONDS } from "@/lib/exam/timing";

/** Items in a short mock, whatever the blueprint's full length. */
export const SHORT_MOCK_ITEMS = 50;

/** Remainders closer than this are a tie: shares like 0.24 and 0.14 pick up float noise when multiplied. */
const EPSILON = 1e-9;

type Share = { id: number; share: number };

/**
 * Largest-remainder (Hamilton) apportionment of `n` seats over `shares`
 * (not necessarily normalised). Ties in the remainder go to the larger share,
 * then the lower id, so the result never depends on input order.
 */
function apportion(shares: readonly Share[], n: number): Map<number, number> {
  const out = new Map<number, number>(shares.map((s) => [s.id, 0]));
  const sum = shares.reduce((acc, s) => acc + Math.max(0, s.share), 0);
  if (n <= 0 || shares.length === 0) return out;
  // A blueprint with no positive share still has to place its items somewhere: split evenly.
  const weights = sum > 0 ? shares.map((s) => ({ ...s, share: Math.max(0, s.share) / sum })) : shares.map((s) => ({ ...s, share: 1 / shares.length }));

  const quotas = weights.map((w) => {
    const exact = n * w.share;
    // Float noise can leave 18 as 17.999999999; round such quotas instead of flooring them.
    const whole = Math.abs(exact - Math.round(exact)) < EPSILON ? Math.round(exact) : Math.floor(exact);
    return { id: w.id, share: w.share, whole, remainder: Math.max(0, exact - whole) };
  });
  for (const q of quotas) out.set(q.id, q.whole);

  let left = n - quotas.reduce((acc, q) => acc + q.whole, 0);
  const order = [...quotas]
    .filter((q) => q.share > 0)
    .sort((a, b) => {
      if (Math.abs(a.remainder - b.remainder) > EPSILON) return b.remainder - a.remainder;
      if (Math.abs(a.share - b.share) > EPSILON) return b.share - a.share;
      return a.id - b.id;
    });
  for (const q of order) {
    if (left <= 0) break;
    out.set(q.id, (out.get(q.id) ?? 0) + 1);
    left--;
  }
  return out;
}

function assertCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/**
 * How many of `n` items each blueprint domain should get: Hamilton
 * apportionment by the domains' shares (normalised by their sum). Every
 * target lies within one item of n × share and the targets add up to n. For
 * the 2020 outline, n = 180 reproduces the published counts (43, 28, 44, 22,
 * 18, 25).
 */
export function domainTargets(blueprint: Blueprint, n: number): Map<number, number> {
  assertCount(n, "n");
  return apportion(blueprint.domains.map((d) => ({ id: d.id, share: d.share })), n);
}

export type PoolItem = { id: string; domain: number };

export type SampleInput = {
  blueprint: Blueprint;
  n: number;
  pool: readonly PoolItem[];
  /** Items the learner has already met; within a domain they are used only after the unseen ones. */
  seen: ReadonlySet<string>;
  random: () => number;
};

/**
 * Draws an attempt's item set: n distinct ids (the whole pool when it is
 * smaller), spread over the domains as domainTargets says. When a domain has
 * too few items its shortfall goes to the domains that still have some, by
 * share, until the set is full; domains outside the blueprint are used only
 * as a last resort. Within a domain unseen items come first. The returned
 * order is shuffled so domains interleave.
 */
export function sampleItems({ blueprint, n, pool, seen, random }: SampleInput): string[] {
  assertCount(n, "n");

  const byDomain = new Map<number, string[]>();
  const ids = new Set<string>();
  for (const item of pool) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    const list = byDomain.get(item.domain) ?? [];
    list.push(item.id);
    byDomain.set(item.domain, list);
  }
  const size = Math.min(n, ids.size);

  // Unseen first, each group shuffled, so taking a prefix prefers fresh items.
  const ranked = new Map<number, string[]>();
  for (const domain of [...byDomain.keys()].sort((a, b) => a - b)) {
    const list = byDomain.get(domain) ?? [];
    const unseen = shuffle(list.filter((id) => !seen.has(id)), random);
    const already = shuffle(list.filter((id) => seen.has(id)), random);
    ranked.set(domain, [...unseen, ...already]);
  }
  const available = (domain: number) => ranked.get(domain)?.length ?? 0;

  const take = new Map<number, number>();
  for (const [domain, target] of domainTargets(blueprint, size)) take.set(domain, Math.min(target, available(domain)));
  const taken = () => [...take.values()].reduce((a, b) => a + b, 0);

  // Each round places at least one item (every open domain has room for one), so the loop ends.
  let shortfall = size - taken();
  while (shortfall > 0) {
    const open = blueprint.domains.filter((d) => d.share > 0 && available(d.id) > (take.get(d.id) ?? 0));
    if (open.length === 0) break;
    const extra = apportion(open.map((d) => ({ id: d.id, share: d.share })), shortfall);
    for (const [domain, count] of extra) {
      const current = take.get(domain) ?? 0;
      take.set(domain, current + Math.min(count, available(domain) - current));
    }
    shortfall = size - taken();
  }

  const chosen: string[] = [];
  for (const [domain, count] of take) chosen.push(...(ranked.get(domain) ?? []).slice(0, count));

  if (chosen.length < size) {
    // Only items from domains the blueprint does not weight remain.
    const picked = new Set(chosen);
    const rest = [...ranked.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list.filter((id) => !picked.has(id)));
    const restUnseen = rest.filter((id) => !seen.has(id));
    const restSeen = rest.filter((id) => seen.has(id));
    chosen.push(...[...shuffle(restUnseen, random), ...shuffle(restSeen, random)].slice(0, size - chosen.length));
  }

  return shuffle(chosen, random);
}

export type MockKind = "full" | "short";

/**
 * Length and time limit of a mock exam: a full mock mirrors the blueprint
 * (180 items), a short one has 50; both are timed at the real exam's pace of
 * 80 seconds per item, rounded up to whole minutes.
 *
 * Given the pool's items (with their domains), the length is the largest
 * that still meets every domain's blueprint target, so a small or lopsided
 * bank gives a shorter mock with the exam's domain mix rather than a long
 * one skewed toward the domains with most items. Given only a count, the
 * length is simply capped by it.
 */
export function mockSize(kind: MockKind, blueprint: Blueprint, pool: number | readonly Pick<PoolItem, "domain">[]): { items: number; minutes: number } {
  const cap = kind === "full" ? blueprint.totalItems : SHORT_MOCK_ITEMS;
  let items: number;
  if (typeof pool === "number") {
    items = Math.min(cap, Math.max(0, Math.floor(pool)));
  } else {
    const available = new Map<number, number>();
    for (const item of pool) available.set(item.domain, (available.get(item.domain) ?? 0) + 1);
    items = Math.min(cap, pool.length);
    while (items > 0 && [...domainTargets(blueprint, items)].some(([domain, target]) => target > (available.get(domain) ?? 0))) items -= 1;
  }
  return { items, minutes: Math.ceil((items * PACE_SECONDS) / 60) };
}
