/**
 * Network metrics of the whole graph: degree, weighted degree, betweenness, PageRank and Louvain community, from
 * graphology's standard library where it has the algorithm. Pure: a graph in, plain typed arrays out.
 *
 * The graph is heterogeneous and its edge directions are conventions (an organisation *leads* a project, a project
 * *covers* a län), so betweenness, PageRank and Louvain run on its undirected, simple view: one unweighted edge per
 * linked pair. Degree counts relations (edges) in the graph itself; weighted degree sums EDGE_WEIGHTS over them.
 *
 * Betweenness is O(n·m). Up to EXACT_BETWEENNESS_WORK (n × (n + 2m) steps, about a second) graphology computes it
 * exactly; beyond, Brandes' algorithm runs from a seeded random sample of pivots and scales up by n / pivots
 * (Brandes & Pich 2007), an unbiased estimate. The result says which was used. Everything is deterministic: the
 * same graph gives the same numbers. At 100 000 nodes / 1 000 000 edges the whole takes about 20–25 s here (most of
 * it building graphology's view), so the server computes them on first use, once per data version (MetricsCache).
 */
import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import type { EdgeType } from "../../shared/schema/graph";
import { Random } from "../generate/random";
import type { PartnerGraph } from "./model";

/** Tie strength per relation, for weighted degree and the `weight` of exported edges. */
export const EDGE_WEIGHTS: Partial<Record<EdgeType, number>> = {
  // The lead organisation coordinates the project: its tie counts double that of a partner.
  leads: 2,
};
export const edgeWeight = (type: EdgeType): number => EDGE_WEIGHTS[type] ?? 1;

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

export interface GraphMetrics {
  /** Node key → position in the arrays below (the graph's node order). */
  index: Map<string, number>;
  degree: Int32Array;
  weightedDegree: Float64Array;
  /** Normalised to [0, 1] (divided by (n − 1)(n − 2)), as networkx and Gephi's normalised value. */
  betweenness: Float64Array;
  pagerank: Float64Array;
  community: Int32Array;
  about: {
    betweenness: { method: "exact" | "sampled"; pivots: number };
    communities: number;
    modularity: number;
    /** Milliseconds per step. */
    ms: Record<"view" | "betweenness" | "pagerank" | "louvain", number>;
  };
}

export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pagerank: number;
  community: number;
}

export class MetricsError extends Error {
  override name = "MetricsError";
}

export function nodeMetrics(metrics: GraphMetrics, key: string): NodeMetrics {
  const i = metrics.index.get(key);
  if (i === undefined)
    throw new MetricsError(`No metrics for node "${key}": it is not in the graph they were computed on`);
  return {
    degree: metrics.degree[i] as number,
    weightedDegree: metrics.weightedDegree[i] as number,
    betweenness: metrics.betweenness[i] as number,
    pagerank: metrics.pagerank[i] as number,
    community: metrics.community[i] as number,
  };
}

/**
 * The metrics as plain JSON-friendly columns in the graph's node order, for an API to send to the client (node size
 * and colour by metric): `keys[i]` has `degree[i]`, `pagerank[i]`, …
 */
export function metricsTable(metrics: GraphMetrics): {
  keys: string[];
  degree: number[];
  weightedDegree: number[];
  betweenness: number[];
  pagerank: number[];
  community: number[];
  about: GraphMetrics["about"];
} {
  return {
    keys: [...metrics.index.keys()],
    degree: Array.from(metrics.degree),
    weightedDegree: Array.from(metrics.weightedDegree),
    betweenness: Array.from(metrics.betweenness),
    pagerank: Array.from(metrics.pagerank),
    community: Array.from(metrics.community),
    about: metrics.about,
  };
}

/**
 * Compressed adjacency of the undirected simple view: the distinct neighbours of node i (by index, self-loops left
 * out) are adj[offsets[i] .. offsets[i + 1]).
 */
export function simpleAdjacency(
  graph: PartnerGraph,
  index: ReadonlyMap<string, number>,
): { offsets: Int32Array; adj: Int32Array } {
  const n = graph.order;
  const ends = new Int32Array(2 * graph.size);
  const degree = new Int32Array(n + 1);
  let m = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    if (source === target) return;
    const u = index.get(source) as number;
    const v = index.get(target) as number;
    ends[2 * m] = u;
    ends[2 * m + 1] = v;
    degree[u] = (degree[u] as number) + 1;
    degree[v] = (degree[v] as number) + 1;
    m++;
  });
  // Counting sort of both directions of every edge by node, then parallel entries dropped in place.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + (degree[i] as number);
  const fill = start.slice(0, n);
  const all = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    const u = ends[2 * k] as number;
    const v = ends[2 * k + 1] as number;
    all[fill[u] as number] = v;
    fill[u] = (fill[u] as number) + 1;
    all[fill[v] as number] = u;
    fill[v] = (fill[v] as number) + 1;
  }
  const offsets = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  let at = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = at;
    for (let j = start[u] as number, end = start[u + 1] as number; j < end; j++) {
      const v = all[j] as number;
      if (seen[v] !== u) {
        seen[v] = u;
        all[at++] = v;
      }
    }
  }
  offsets[n] = at;
  return { offsets, adj: all.slice(0, at) };
}

/**
 * The same view as a graphology graph for its algorithms, keyed by node index ("0", "1", …): short keys build it
 * twice as fast as the graph's own at a million edges.
 */
function undirectedView(offsets: Int32Array, adj: Int32Array): UndirectedGraph {
  const n = offsets.length - 1;
  const view = new UndirectedGraph();
  for (let u = 0; u < n; u++) view.addNode(u);
  for (let u = 0; u < n; u++) {
    for (let j = offsets[u] as number, end = offsets[u + 1] as number; j < end; j++) {
      const v = adj[j] as number;
      if (u < v) view.addEdge(u, v);
    }
  }
  return view;
}

/**
 * Brandes' accumulation from the given sources on an unweighted undirected graph, scaled by n / sources and
 * normalised like graphology's `normalized: true`. With every node as a source it equals the exact value.
 */
export function sampledBetweenness(offsets: Int32Array, adj: Int32Array, sources: ArrayLike<number>): Float64Array {
  const n = offsets.length - 1;
  const result = new Float64Array(n);
  if (n <= 2 || sources.length === 0) return result;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k] as number;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = dist[v] as number;
      for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
        const w = adj[j] as number;
        if (dist[w] === -1) {
          dist[w] = dv + 1;
          order[tail++] = w;
        }
        if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    // Back-propagate in reverse BFS order over successors (no predecessor lists needed).
    for (let q = tail - 1; q >= 0; q--) {
      const v = order[q] as number;
      const dv = dist[v] as number;
      let sum = 0;
      for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
        const w = adj[j] as number;
        if (dist[w] === dv + 1) sum += ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
      }
      delta[v] = sum;
      if (v !== s) result[v] = (result[v] as number) + sum;
    }
    for (let q = 0; q < tail; q++) {
      const v = order[q] as number;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  const scale = n / sources.length / ((n - 1) * (n - 2));
  for (let v = 0; v < n; v++) result[v] = (result[v] as number) * scale;
  return result;
}

const now = () => performance.now();

export function computeMetrics(graph: PartnerGraph, options: MetricsOptions = {}): GraphMetrics {
  const seed = options.seed ?? 1;
  const n = graph.order;
  const index = new Map<string, number>();
  graph.forEachNode((key) => {
    index.set(key, index.size);
  });

  const degree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  graph.forEachEdge((_e, attrs, source, target) => {
    const w = edgeWeight(attrs.type);
    for (const end of source === target ? [source] : [source, target]) {
      const i = index.get(end) as number;
      degree[i] = (degree[i] as number) + 1;
      weightedDegree[i] = (weightedDegree[i] as number) + w;
    }
  });

  let t = now();
  const { offsets, adj } = simpleAdjacency(graph, index);
  const view = undirectedView(offsets, adj);
  const ms = { view: now() - t, betweenness: 0, pagerank: 0, louvain: 0 };
  const byIndex = (values: Record<string, number>, fallback: number) =>
    Float64Array.from({ length: n }, (_, i) => values[i] ?? fallback);

  t = now();
  const work = n * (n + adj.length);
  const pivots = Math.min(
    n,
    options.betweennessPivots ?? (work <= EXACT_BETWEENNESS_WORK ? n : DEFAULT_BETWEENNESS_PIVOTS),
  );
  let betweenness: Float64Array;
  if (n === 0) betweenness = new Float64Array(0);
  else if (pivots >= n) {
    betweenness = byIndex(betweennessCentrality(view, { getEdgeWeight: null, normalized: true }), 0);
  } else {
    const all = Array.from({ length: n }, (_, i) => i);
    const sample = Random.fromSeed(seed).stream(1).shuffle(all).slice(0, pivots);
    betweenness = sampledBetweenness(offsets, adj, sample);
  }
  ms.betweenness = now() - t;

  t = now();
  const pagerankValues =
    n > 0 ? byIndex(pagerank(view, { getEdgeWeight: null, alpha: 0.85, maxIterations: 1000 }), 0) : new Float64Array(0);
  ms.pagerank = now() - t;

  t = now();
  const random = Random.fromSeed(seed).stream(2);
  const detailed = louvain.detailed(view, { getEdgeWeight: null, rng: () => random.float() });
  const community = Int32Array.from({ length: n }, (_, i) => detailed.communities[i] ?? -1);
  ms.louvain = now() - t;

  return {
    index,
    degree,
    weightedDegree,
    betweenness,
    pagerank: pagerankValues,
    community,
    about: {
      betweenness: { method: pivots >= n ? "exact" : "sampled", pivots },
      communities: detailed.count,
      modularity: detailed.modularity,
      ms,
    },
  };
}

/**
 * Metrics computed at most once per data version, on first use: at 100 000 nodes they take seconds, too long for
 * start-up, and most sessions never ask for them. A new data version means a new cache (the services are rebuilt).
 */
export interface MetricsCache {
  readonly dataVersion: number;
  /** Computes on the first call, then returns the same object. */
  get(): GraphMetrics;
  /** The metrics if already computed, without computing them. */
  peek(): GraphMetrics | undefined;
}

export function createMetricsCache(graph: PartnerGraph, dataVersion: number, options?: MetricsOptions): MetricsCache {
  let metrics: GraphMetrics | undefined;
  return {
    dataVersion,
    get() {
      metrics ??= computeMetrics(graph, options);
      return metrics;
    },
    peek: () => metrics,
  };
}
