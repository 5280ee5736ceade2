/**
 * Network metrics of the whole graph: degree, weighted degree, betweenness, PageRank and Louvain community. Pure: a
 * graph in, plain typed arrays out.
 *
 * The graph is heterogeneous and its edge directions are conventions (an organisation *leads* a project, a project
 * *covers* a län), so betweenness, PageRank and Louvain run on its undirected, simple view: one unweighted edge per
 * linked pair, held as a typed-array snapshot (csr.ts). Degree counts relations (edges) in the graph itself; weighted
 * degree sums EDGE_WEIGHTS over them.
 *
 * Betweenness is O(n·m). Up to EXACT_BETWEENNESS_WORK (n × (n + 2m) steps, about a second) it is exact; beyond,
 * Brandes' algorithm runs from a seeded random sample of pivots and scales up by n / pivots (Brandes & Pich 2007), an
 * unbiased estimate. The result says which was used. Everything is deterministic: the same graph gives the same
 * numbers. At 100 000 nodes / 1 000 000 edges the whole takes about 11 s here, so the server computes them on first
 * use, once per data version, in a worker thread (MetricsCache): requests keep being answered meanwhile.
 */

import type { EdgeType } from "../../shared/schema/graph";
import { type EdgeList, edgeList, edgeListYielding } from "./csr";
import { type CsrMetrics, computeEdgeMetrics, type EdgeMetrics, type MetricsOptions } from "./metrics-csr";
import { computeEdgeMetricsOffThread } from "./metrics-off-thread";
import type { EdgeAttributes, PartnerGraph } from "./model";

export { sampledBetweenness } from "./algorithms/betweenness";
export { DEFAULT_BETWEENNESS_PIVOTS, EXACT_BETWEENNESS_WORK, type MetricsOptions } from "./metrics-csr";

/** Tie strength per relation, for weighted degree and the `weight` of exported edges. */
export const EDGE_WEIGHTS: Partial<Record<EdgeType, number>> = {
  // The lead organisation coordinates the project: its tie counts double that of a partner.
  leads: 2,
};
export const edgeWeight = (type: EdgeType): number => EDGE_WEIGHTS[type] ?? 1;

export interface GraphMetrics {
  /** Node key → position in the arrays below (the graph's node order). */
  index: Map<string, number>;
  degree: Int32Array;
  weightedDegree: Float64Array;
  /** Normalised to [0, 1] (divided by (n − 1)(n − 2)), as networkx and Gephi's normalised value. */
  betweenness: Float64Array;
  pagerank: Float64Array;
  community: Int32Array;
  about: CsrMetrics["about"];
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

function assemble(list: EdgeList, listMs: number, computed: EdgeMetrics): GraphMetrics {
  const index = new Map<string, number>();
  for (const key of list.keys) index.set(key, index.size);
  const { ms } = computed.about;
  return {
    index,
    degree: list.degree,
    weightedDegree: computed.weightedDegree,
    betweenness: computed.betweenness,
    pagerank: computed.pagerank,
    community: computed.community,
    about: { ...computed.about, ms: { ...ms, read: listMs } },
  };
}

const tieStrength = (attributes: EdgeAttributes) => edgeWeight(attributes.type);

/** Computes in place, blocking the thread: for CLIs and tests. A server uses createMetricsCache. */
export function computeMetrics(graph: PartnerGraph, options: MetricsOptions = {}): GraphMetrics {
  const t = performance.now();
  const list = edgeList(graph, tieStrength);
  const listMs = performance.now() - t;
  return assemble(list, listMs, computeEdgeMetrics({ ...list, order: list.keys.length }, options));
}

/**
 * Below this many nodes + edges computing in place takes a few milliseconds, less than starting a worker thread
 * (≈ 0.3 s to load tsx and graphology in it), so small graphs such as the seed data skip the worker.
 */
export const IN_PLACE_MAX_SIZE = 20_000;

/** Computes in a worker thread, except for small graphs (IN_PLACE_MAX_SIZE) unless `inWorker` says otherwise. */
export async function computeMetricsAsync(
  graph: PartnerGraph,
  options: MetricsOptions & { inWorker?: boolean } = {},
): Promise<GraphMetrics> {
  const { inWorker = graph.order + graph.size > IN_PLACE_MAX_SIZE, ...metricsOptions } = options;
  if (!inWorker) return computeMetrics(graph, metricsOptions);
  // Reading the graph must happen here, on its thread: in short steps, so requests are served in between.
  const t = performance.now();
  const list = await edgeListYielding(graph, tieStrength);
  const listMs = performance.now() - t;
  const edges = { order: list.keys.length, ends: list.ends, edgeWeights: list.edgeWeights };
  return assemble(list, listMs, await computeEdgeMetricsOffThread(edges, metricsOptions));
}

/**
 * Metrics computed at most once per data version, on first use: at 100 000 nodes they take seconds, too long for
 * start-up, and most sessions never ask for them. A new data version means a new cache (the services are rebuilt).
 */
export interface MetricsCache {
  readonly dataVersion: number;
  /** Starts computing on the first call (in a worker thread for large graphs); later calls share the same result. */
  get(): Promise<GraphMetrics>;
  /** The metrics if already computed, without computing them. */
  peek(): GraphMetrics | undefined;
}

export function createMetricsCache(
  graph: PartnerGraph,
  dataVersion: number,
  options?: MetricsOptions & { inWorker?: boolean },
): MetricsCache {
  let metrics: GraphMetrics | undefined;
  let pending: Promise<GraphMetrics> | undefined;
  return {
    dataVersion,
    get() {
      if (metrics) return Promise.resolve(metrics);
      pending ??= computeMetricsAsync(graph, options).then(
        (computed) => {
          metrics = computed;
          return computed;
        },
        (error: unknown) => {
          pending = undefined; // a failed computation is tried again on the next call
          throw error;
        },
      );
      return pending;
    },
    peek: () => metrics,
  };
}
