import { describe, expect, it } from "vitest";
import type { Blueprint } from "@/lib/content/schema";
import { getBlueprint } from "@/lib/exam/blueprints";
import { domainTargets, mockSize, sampleItems, type PoolItem } from "@/lib/exam/sampling";
import { seededRandom } from "@/lib/srs/random";

const blueprint = getBlueprint("amftrb-2020");

/** The bank after sync: items per domain. */
const BANK_SIZES: Record<number, number> = { 1: 28, 2: 29, 3: 72, 4: 22, 5: 14, 6: 15 };

function poolOf(sizes: Record<number, number>, prefix = "item"): PoolItem[] {
  return Object.entries(sizes).flatMap(([domain, count]) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-d${domain}-${i}`, domain: Number(domain) })));
}

const bank = poolOf(BANK_SIZES);
const large = poolOf({ 1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 100 }, "large");
const domainOf = new Map([...bank, ...large].map((item) => [item.id, item.domain]));

function countsOf(ids: readonly string[], pool: readonly PoolItem[] = [...bank, ...large]): Record<number, number> {
  const lookup = new Map(pool.map((item) => [item.id, item.domain]));
  const counts: Record<number, number> = {};
  for (const id of ids) {
    const domain = lookup.get(id) ?? domainOf.get(id) ?? -1;
    counts[domain] = (counts[domain] ?? 0) + 1;
  }
  return counts;
}

const asRecord = (map: Map<number, number>) => Object.fromEntries(map) as Record<number, number>;

function customBlueprint(shares: readonly number[]): Blueprint {
  return {
    ...blueprint,
    domains: shares.map((share, i) => ({ id: i + 1, name: `Domain ${i + 1}`, items: 0, share })),
  };
}

describe("domainTargets", () => {
  it("reproduces the published item counts for the full 180-item exam", () => {
    expect(asRecord(domainTargets(blueprint, 180))).toEqual({ 1: 43, 2: 28, 3: 44, 4: 22, 5: 18, 6: 25 });
  });

  it("apportions a 50-item short mock by largest remainder", () => {
    // Quotas 12, 7.75, 12.25, 6, 5, 7: the one extra item goes to domain 2.
    expect(asRecord(domainTargets(blueprint, 50))).toEqual({ 1: 12, 2: 8, 3: 12, 4: 6, 5: 5, 6: 7 });
  });

  it("keeps every target within one item of n × share and sums to n, for any length", () => {
    for (let n = 0; n <= 400; n++) {
      const targets = domainTargets(blueprint, n);
      expect([...targets.values()].reduce((a, b) => a + b, 0)).toBe(n);
      for (const d of blueprint.domains) expect(Math.abs((targets.get(d.id) ?? 0) - n * d.share)).toBeLessThan(1);
    }
  });

  it("breaks remainder ties by the larger share, then the lower domain id", () => {
    // Quotas 0.5 and 1.5: equal remainders, domain 2 has the larger share.
    expect(asRecord(domainTargets(customBlueprint([0.25, 0.75]), 2))).toEqual({ 1: 0, 2: 2 });
    // Equal shares and remainders: lower ids first.
    expect(asRecord(domainTargets(customBlueprint([0.25, 0.25, 0.25, 0.25]), 6))).toEqual({ 1: 2, 2: 2, 3: 1, 4: 1 });
  });

  it("normalises shares that do not add up to 1", () => {
    expect(asRecord(domainTargets(customBlueprint([0.25, 0.125, 0.125]), 8))).toEqual({ 1: 4, 2: 2, 3: 2 });
  });

  it("gives a zero-share domain nothing", () => {
    expect(asRecord(domainTargets(customBlueprint([0.5, 0, 0.5]), 5))).toEqual({ 1: 3, 2: 0, 3: 2 });
  });

  it("rejects a negative or fractional length", () => {
    expect(() => domainTargets(blueprint, -1)).toThrow(RangeError);
    expect(() => domainTargets(blueprint, 2.5)).toThrow(RangeError);
  });
});

describe("sampleItems", () => {
  const sample = (n: number, pool: readonly PoolItem[], seed = "seed", seen: ReadonlySet<string> = new Set()) =>
    sampleItems({ blueprint, n, pool, seen, random: seededRandom(seed) });

  it("matches the blueprint exactly when every domain has enough items (180 and 50)", () => {
    expect(countsOf(sample(180, large))).toEqual({ 1: 43, 2: 28, 3: 44, 4: 22, 5: 18, 6: 25 });
    expect(countsOf(sample(50, large))).toEqual({ 1: 12, 2: 8, 3: 12, 4: 6, 5: 5, 6: 7 });
  });

  it("takes a 50-item short mock from the real bank without redistribution", () => {
    const ids = sample(50, bank);
    expect(ids).toHaveLength(50);
    expect(countsOf(ids, bank)).toEqual({ 1: 12, 2: 8, 3: 12, 4: 6, 5: 5, 6: 7 });
  });

  it("serves the whole 180-item bank for a full mock, short domains and all", () => {
    const ids = sample(180, bank);
    expect(new Set(ids).size).toBe(180);
    // Domains 1, 5 and 6 fall short of 43, 18 and 25; their shortfall lands on 2 and 3.
    expect(countsOf(ids, bank)).toEqual(BANK_SIZES);
  });

  it("redistributes a short domain's shortfall over the domains that still have items, by share", () => {
    // Targets for 120: 29, 19, 29, 14, 12, 17. Domain 1 (28 items) is 1 short and domain 6 (15 items) 2 short;
    // the 3 spare places go by share over domains 2–5: quotas 0.75, 1.19, 0.58, 0.48 → domains 3, 2, 4.
    expect(asRecord(domainTargets(blueprint, 120))).toEqual({ 1: 29, 2: 19, 3: 29, 4: 14, 5: 12, 6: 17 });
    expect(countsOf(sample(120, bank), bank)).toEqual({ 1: 28, 2: 20, 3: 30, 4: 15, 5: 12, 6: 15 });
  });

  it("gives an empty domain's whole target to the others in proportion to their shares", () => {
    // Targets for 100: 24, 15, 25, 12, 10, 14. Domain 1's 24 go by share over domains 2–6:
    // quotas 4.89, 7.74, 3.79, 3.16, 4.42 → 5, 8, 4, 3, 4 (an even split would give about 5 each).
    const pool = large.filter((item) => item.domain !== 1);
    expect(countsOf(sample(100, pool))).toEqual({ 2: 20, 3: 33, 4: 16, 5: 13, 6: 18 });
  });

  it("repeats the redistribution until the set is full", () => {
    // Domain 3 alone can absorb what five nearly empty domains cannot give.
    const pool = poolOf({ 1: 2, 2: 2, 3: 60, 4: 2, 5: 2, 6: 2 }, "thin");
    const ids = sample(50, pool);
    expect(ids).toHaveLength(50);
    expect(countsOf(ids, pool)).toEqual({ 1: 2, 2: 2, 3: 40, 4: 2, 5: 2, 6: 2 });
  });

  it("keeps every domain at least at min(target, available) and never above what it has, for many lengths and seeds", () => {
    for (const n of [1, 7, 25, 50, 90, 120, 150, 179, 180]) {
      for (const seed of ["a", "b", "c"]) {
        const ids = sample(n, bank, seed);
        expect(ids).toHaveLength(n);
        expect(new Set(ids).size).toBe(n);
        const counts = countsOf(ids, bank);
        const targets = domainTargets(blueprint, n);
        for (const d of blueprint.domains) {
          const got = counts[d.id] ?? 0;
          expect(got).toBeGreaterThanOrEqual(Math.min(targets.get(d.id) ?? 0, BANK_SIZES[d.id] ?? 0));
          expect(got).toBeLessThanOrEqual(BANK_SIZES[d.id] ?? 0);
        }
      }
    }
  });

  it("returns the whole pool when it is smaller than n, and nothing for an empty pool", () => {
    const pool = poolOf({ 1: 3, 4: 2 }, "tiny");
    expect(new Set(sample(50, pool))).toEqual(new Set(pool.map((item) => item.id)));
    expect(sample(50, [])).toEqual([]);
    expect(sample(0, bank)).toEqual([]);
  });

  it("never repeats an id, even if the pool lists one twice", () => {
    const pool = [...poolOf({ 1: 5, 2: 5 }, "dup"), { id: "dup-d1-0", domain: 1 }, { id: "dup-d2-0", domain: 2 }];
    const ids = sample(20, pool);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it("prefers unseen items and uses seen ones only to fill a domain's target", () => {
    const seen = new Set(bank.filter((item) => item.domain === 3 && Number(item.id.split("-").pop()) < 60).map((item) => item.id));
    // Domain 3 has 12 unseen items (60–71) and a target of 12 in a 50-item set: all of them, no seen ones.
    const ids = sample(50, bank, "unseen", seen);
    const domain3 = ids.filter((id) => id.startsWith("item-d3-"));
    expect(domain3).toHaveLength(12);
    expect(domain3.every((id) => !seen.has(id))).toBe(true);

    // Domain 5 of the large pool has only items 0–2 unseen and a target of 18: those 3 first, then 15 seen.
    const index = (id: string) => Number(id.split("-").pop());
    const seenLarge = new Set(large.filter((item) => item.domain === 5 && index(item.id) >= 3).map((item) => item.id));
    const domain5 = sample(180, large, "unseen", seenLarge).filter((id) => id.startsWith("large-d5-"));
    expect(domain5).toHaveLength(18);
    expect(domain5.filter((id) => index(id) < 3).sort()).toEqual(["large-d5-0", "large-d5-1", "large-d5-2"]);
  });

  it("is deterministic for a seed and varies between seeds", () => {
    expect(sample(50, bank, "learner-1")).toEqual(sample(50, bank, "learner-1"));
    expect(sample(50, bank, "learner-1")).not.toEqual(sample(50, bank, "learner-2"));
  });

  it("interleaves domains rather than serving them in blocks", () => {
    const ids = sample(180, large, "order");
    const domains = ids.map((id) => domainOf.get(id));
    const switches = domains.slice(1).filter((d, i) => d !== domains[i]).length;
    // Blocks would switch 5 times; a random order switches on most items.
    expect(switches).toBeGreaterThan(100);
  });

  it("uses items from a domain outside the blueprint only when nothing else is left", () => {
    const pool = [...poolOf({ 1: 5, 2: 5 }, "in"), ...poolOf({ 9: 5 }, "out")];
    expect(sample(10, pool).some((id) => id.startsWith("out-"))).toBe(false);
    expect(sample(12, pool).filter((id) => id.startsWith("out-"))).toHaveLength(2);
  });
});

describe("mockSize", () => {
  it("sizes a full mock like the exam and a short one at 50 items, timed at 80 seconds per item", () => {
    expect(mockSize("full", blueprint, 180)).toEqual({ items: 180, minutes: 240 });
    expect(mockSize("short", blueprint, 180)).toEqual({ items: 50, minutes: 67 });
  });

  it("caps the length by the pool and rounds the time up", () => {
    expect(mockSize("full", blueprint, 1000)).toEqual({ items: 180, minutes: 240 });
    expect(mockSize("full", blueprint, 40)).toEqual({ items: 40, minutes: 54 });
    expect(mockSize("short", blueprint, 31)).toEqual({ items: 31, minutes: 42 });
    expect(mockSize("short", blueprint, 0)).toEqual({ items: 0, minutes: 0 });
  });

  it("keeps the exam's domain mix when the bank is lopsided: the longest mock every domain can fill", () => {
    const pool = Object.entries(BANK_SIZES).flatMap(([domain, count]) => Array.from({ length: count }, () => ({ domain: Number(domain) })));
    const full = mockSize("full", blueprint, pool);
    // Domain 6 (15 items, 14% of the exam) is the binding constraint: at 110 items its share (15.4) rounds to 15, at 111 to 16.
    expect(full).toEqual({ items: 110, minutes: 147 });
    for (const [domain, target] of domainTargets(blueprint, full.items)) expect(target).toBeLessThanOrEqual(BANK_SIZES[domain]!);
    expect([...domainTargets(blueprint, full.items + 1)].some(([domain, target]) => target > BANK_SIZES[domain]!)).toBe(true);
    expect(mockSize("short", blueprint, pool)).toEqual({ items: 50, minutes: 67 });
    const balanced = Object.entries({ 1: 43, 2: 28, 3: 44, 4: 22, 5: 18, 6: 25 }).flatMap(([d, n]) => Array.from({ length: n }, () => ({ domain: Number(d) })));
    expect(mockSize("full", blueprint, balanced)).toEqual({ items: 180, minutes: 240 });
  });
});
