/** Keeps the k best-scoring items seen so far, best first, without sorting everything. */
export class TopK<T> {
  private readonly items: { score: number; item: T }[] = [];
  constructor(private readonly k: number) {}

  /** The score a newcomer must beat to enter. */
  get threshold(): number {
    return this.items.length < this.k ? Number.NEGATIVE_INFINITY : (this.items[this.items.length - 1]?.score ?? 0);
  }

  offer(score: number, item: T): void {
    if (this.k <= 0 || score <= this.threshold) return;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid]?.score ?? 0) >= score) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { score, item });
    if (this.items.length > this.k) this.items.pop();
  }

  result(): { score: number; item: T }[] {
    return this.items;
  }
}
