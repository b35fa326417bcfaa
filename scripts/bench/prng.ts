/**
 * A small, fast, seeded PRNG (sfc32) so the benchmark data set is the same
 * on every run with the same seed and sizes.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n lowercase hex digits. */
  hex(n: number): string;
  /** A version-4-shaped UUID, the kind of grade id the review screen sends. */
  uuid(): string;
}

export function prng(seed: number): Prng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const next32 = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  const next = () => next32() / 4294967296;
  const HEX = "0123456789abcdef";
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += HEX[next32() & 15];
    return s;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    range: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${HEX[8 + (next32() & 3)]}${hex(3)}-${hex(12)}`,
  };
}
