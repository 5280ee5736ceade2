/**
 * The expensive metrics (betweenness, PageRank, Louvain, and weighted degree) of the graph's edge list, by way of its
 * CSR snapshot: typed arrays in, typed arrays out, so the same code runs in place (computeMetrics) or in a worker
 * thread (metrics-worker.ts) without copying the graph.
 *
 * All three run on the CSR itself: on 100 000 nodes / 1 000 000 edges our PageRank takes ≈ 0.1 s against
 * graphology-metrics' ≈ 4 s (same values), and Louvain no longer needs a graphology graph built first (≈ 7.5 s at that
 * size); see `npm run bench -- algorithms`.
 */
import { Random } from "../generate/random";
import { sampledBetweenness } from "./algorithms/betweenness";
import { louvain } from "./algorithms/louvain";
import { pagerank } from "./algorithms/pagerank";
import { type Csr, csrFromEdges, csrRowSums } from "./csr";

/** Node × (node + adjacency) steps up to which betweenness is exact. */
export const EXACT_BETWEENNESS_WORK = 50_000_000;
/**
 * Pivots for the sampled estimate on larger graphs: ≈ 55 ms each at 100 000 nodes / 1 000 000 edges here, so ≈ 7 s.
 * On the synthetic graph of that size, 64 pivots put 42–46 of the top 50 nodes in the top 50 of a 256-pivot estimate.
 */
export const DEFAULT_BETWEENNESS_PIVOTS = 128;

export interface MetricsOptions {
  /** Force sampled betweenness with this many pivots (≥ the node count means exact). */
  betweennessPivots?: number;
  /** Seed for the pivot sample and Louvain's random order. */
  seed?: number;
}

export interface CsrMetrics {
  /** Normalised to [0, 1] (divided by (n − 1)(n − 2)), as networkx and Gephi's normalised value. */
  betweenness: Float64Array;
  pagerank: Float64Array;
  community: Int32Array;
  about: {
    betweenness: { method: "exact" | "sampled"; pivots: number };
    communities: number;
    modularity: number;
    /** Milliseconds per step: `read` the graph into an edge list (on the graph's thread), build the CSR `snapshot`, then the algorithms. */
    ms: Record<"read" | "snapshot" | "betweenness" | "pagerank" | "louvain", number>;
  };
}

const now = () => performance.now();

export function computeCsrMetrics(csr: Csr, options: MetricsOptions = {}): CsrMetrics {
  const seed = options.seed ?? 1;
  const { order: n, offsets, neighbours } = csr;
  const ms = { read: 0, snapshot: 0, betweenness: 0, pagerank: 0, louvain: 0 };

  let t = now();
  const work = n * (n + neighbours.length);
  const pivots = Math.min(
    n,
    options.betweennessPivots ?? (work <= EXACT_BETWEENNESS_WORK ? n : DEFAULT_BETWEENNESS_PIVOTS),
  );
  const all = Array.from({ length: n }, (_, i) => i);
  const sources = pivots >= n ? all : Random.fromSeed(seed).stream(1).shuffle(all).slice(0, pivots);
  const betweenness = sampledBetweenness(offsets, neighbours, sources);
  ms.betweenness = now() - t;

  t = now();
  const ranks = pagerank(csr, { alpha: 0.85, maxIterations: 1000 }).scores;
  ms.pagerank = now() - t;

  t = now();
  const random = Random.fromSeed(seed).stream(2);
  const communities = louvain(csr, { random: () => random.float() });
  ms.louvain = now() - t;

  return {
    betweenness,
    pagerank: ranks,
    community: communities.communities,
    about: {
      betweenness: { method: pivots >= n ? "exact" : "sampled", pivots },
      communities: communities.count,
      modularity: communities.modularity,
      ms,
    },
  };
}

/** The edge list's part of an EdgeList (csr.ts): what the metrics need, and what crosses to a worker. */
export interface Edges {
  order: number;
  ends: Int32Array;
  edgeWeights: Float64Array;
}

export interface EdgeMetrics extends CsrMetrics {
  /** Summed edge weights per node. */
  weightedDegree: Float64Array;
}

/** Builds the CSR, then computes everything but the plain degree from it. */
export function computeEdgeMetrics(edges: Edges, options: MetricsOptions = {}): EdgeMetrics {
  const t = now();
  const csr = csrFromEdges(edges.order, edges.ends, edges.edgeWeights);
  const weightedDegree = csrRowSums(csr);
  const snapshotMs = now() - t;
  const metrics = computeCsrMetrics(csr, options);
  metrics.about.ms.snapshot = snapshotMs;
  return { ...metrics, weightedDegree };
}
