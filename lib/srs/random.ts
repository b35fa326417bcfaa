import { shuffle } from "@/lib/learn/shuffle";

/**
 * A deterministic PRNG in [0, 1) seeded by a string: xmur3 hashes the seed
 * into 32 bits and mulberry32 generates from there. Used where an order must
 * look random yet come out the same on every reload (the day's review queue).
 * Not for anything security-related.
 */
export function seededRandom(seed: string): () => number {
  // xmur3: mixes every character of the seed into one 32-bit state.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  let state = (h ^= h >>> 16) >>> 0;

  // mulberry32
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffled copy of `items`, the same for the same seed. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  return shuffle(items, seededRandom(seed));
}
