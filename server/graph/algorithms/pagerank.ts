/**
 * PageRank on the CSR snapshot (server/graph/csr.ts): the power iteration of graphology-metrics' pagerank, with the
 * same damping, tolerance and stopping rule (L1 change < order × tolerance), so the same graph gives the same values
 * to rounding. It runs about an order of magnitude faster because it reads flat typed arrays instead of building
 * graphology's neighbourhood index from string keys, and it *pulls* each node's new score from its neighbours
 * (the view is undirected, so in-neighbours are the row itself) instead of scattering writes.
 */
import type { Csr } from "../csr";

export interface PagerankOptions {
  /** Damping factor. */
  alpha?: number;
  /** Stops when the L1 change of an iteration is below order × tolerance. */
  tolerance?: number;
  maxIterations?: number;
  /** Spread each node's score in proportion to the CSR weights (summed tie strength) instead of evenly. */
  weighted?: boolean;
}

export interface PagerankResult {
  /** By node index; sums to 1. */
  scores: Float64Array;
  iterations: number;
}

export class PagerankConvergenceError extends Error {
  override name = "PagerankConvergenceError";
}

export function pagerank(csr: Csr, options: PagerankOptions = {}): PagerankResult {
  const { alpha = 0.85, tolerance = 1e-6, maxIterations = 100, weighted = false } = options;
  const { order: n, offsets, neighbours, weights } = csr;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0 };
  // A node's total out-weight: its distinct-neighbour count, or its summed weights. Zero marks a dangling node.
  const outWeight = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const begin = offsets[u] as number;
    const end = offsets[u + 1] as number;
    if (!weighted) outWeight[u] = end - begin;
    else for (let j = begin; j < end; j++) outWeight[u] = (outWeight[u] as number) + (weights[j] as number);
  }
  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const w = outWeight[u] as number;
      if (w === 0) {
        dangling += x[u] as number;
        share[u] = 0;
      } else share[u] = (alpha * (x[u] as number)) / w;
    }
    const base = alpha * dangling * p + (1 - alpha) * p;
    let error = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1] as number;
      if (weighted)
        for (let j = offsets[v] as number; j < end; j++)
          sum += (share[neighbours[j] as number] as number) * (weights[j] as number);
      else for (let j = offsets[v] as number; j < end; j++) sum += share[neighbours[j] as number] as number;
      const value = sum + base;
      next[v] = value;
      error += Math.abs(value - (x[v] as number));
    }
    [x, next] = [next, x];
    if (error < n * tolerance) return { scores: x, iterations: iteration + 1 };
  }
  throw new PagerankConvergenceError(`PageRank did not converge in ${maxIterations} iterations`);
}
