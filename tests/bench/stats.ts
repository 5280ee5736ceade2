/** Small statistics for benchmarks: percentiles, medians, timing, memory, a forced garbage collection. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

let gc = (globalThis as { gc?: () => void }).gc;
/**
 * Runs a full garbage collection, so that memory figures count live data and timed runs do not pay for earlier
 * garbage. Works with or without node's --expose-gc flag (without it, the flag is set at run time).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const rssMb = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
