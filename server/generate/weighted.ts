/** Weighted sampling over a fixed list (cumulative weights, binary search) and the Zipf weights of skewed frequencies. */
import type { Random } from "./random";

/** Weights 1, 1/2^s, 1/3^s, …: rank r (0-based) is drawn in proportion to 1 / (r + 1)^s. */
export function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, r) => 1 / (r + 1) ** exponent);
}

export class WeightedSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} must be a finite number ≥ 0`);
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** An index drawn in proportion to its weight; -1 when every weight is 0. */
  sample(random: Random): number {
    if (this.total <= 0) return -1;
    const x = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Adds up to `count` distinct indices to `into`, each drawn by weight (without replacement, by rejection).
   * `accept` can veto a draw (vetoed draws are retried, a bounded number of times).
   */
  sampleDistinct(random: Random, count: number, into: Set<number>, accept?: (index: number) => boolean): Set<number> {
    const target = Math.min(into.size + count, this.size);
    for (let attempts = 0; into.size < target && attempts < 8 * count + 8; attempts++) {
      const i = this.sample(random);
      if (i < 0) break;
      if (!into.has(i) && (accept === undefined || accept(i))) into.add(i);
    }
    return into;
  }
}
