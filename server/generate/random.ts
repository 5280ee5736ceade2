/** The seeded random source: pure-rand's xoroshiro128+ (mutating, fast) with the draws the generator needs. */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/** The largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** Spreads the bits of a seed (murmur3's finaliser), so that seeds 1 and 2 start from unrelated states. */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h;
}

export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  /** The root stream of a seed (an integer from 0 to MAX_SEED). */
  static fromSeed(seed: number): Random {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be 0–${MAX_SEED}`);
    const rng = xoroshiro128plus(mixSeed(seed));
    for (let i = 0; i < 32; i++) rng.next(); // xoroshiro starts weak from a sparse state: warm it up
    return new Random(rng);
  }

  /**
   * Independent stream number `n` (≥ 1) of this one: a copy moved n × 2^64 draws ahead. Each part of the generator
   * draws from its own stream, so generating more projects never changes the organisations.
   */
  stream(n: number): Random {
    const copy = this.rng.clone();
    for (let i = 0; i < n; i++) copy.jump();
    return new Random(copy);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return uniformInt(this.rng, 0, n - 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[this.below(items.length)] as T;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /**
   * A count with the given mean and a long right tail (geometric: many small values, a few large), capped at max.
   * The cap trims the mean a little when it is close to it.
   */
  count(mean: number, max: number): number {
    if (mean <= 0 || max <= 0) return 0;
    const q = mean / (1 + mean); // P(k) = (1 − q) q^k has mean q / (1 − q)
    const k = Math.floor(Math.log(1 - this.float()) / Math.log(q));
    return Math.min(k, max);
  }
}
