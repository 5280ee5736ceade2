/**
 * A compact, typed-array snapshot of the graph for the hot algorithms (PageRank, Brandes, Jaccard): compressed sparse
 * rows (CSR) of its undirected, simple view. The distinct neighbours of node i are
 * `neighbours[offsets[i] .. offsets[i + 1])`, sorted ascending; node i is `keys[i]`, in the graph's node order.
 *
 * Why undirected and simple: edge directions in the partner graph are conventions (an organisation *leads* a
 * project, a project *covers* a län), and parallel edges are different relations between the same two nodes (a
 * funder that is also a partner). Structural measures ask *whether* two nodes are linked, so parallel edges merge
 * into one entry, as in networkx's and igraph's simple graphs that the benchmarks compare against. What the merged
 * edges were worth is kept beside the entry: `weights` sums `edgeWeight` over them (by default 1 each, i.e. the
 * number of relations), so a weighted algorithm can still see a double tie. Self-loops are left out.
 *
 * Only typed arrays besides `keys`: they cross to a worker thread without copying (see `csrTransferables`).
 */
import type { EdgeAttributes, PartnerGraph } from "./model";

export interface Csr {
  /** Node count. */
  order: number;
  /** Length order + 1; row i is offsets[i] .. offsets[i + 1]. */
  offsets: Int32Array;
  /** Distinct neighbour indices, each row sorted ascending; every undirected link appears in both rows. */
  neighbours: Int32Array;
  /** Per entry, the summed weight of the parallel edges merged into it. */
  weights: Float64Array;
}

export interface KeyedCsr extends Csr {
  /** Node keys by index (the graph's node order). */
  keys: string[];
}

/** Builds the snapshot in O(n + m): two counting sorts, so rows come out sorted and duplicates adjacent. */
export function buildCsr(graph: PartnerGraph, edgeWeight: (attributes: EdgeAttributes) => number = () => 1): KeyedCsr {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
  const ends = new Int32Array(2 * graph.size);
  const edgeWeights = new Float64Array(graph.size);
  let m = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source === target) return;
    ends[2 * m] = index.get(source) as number;
    ends[2 * m + 1] = index.get(target) as number;
    edgeWeights[m] = edgeWeight(attributes);
    m++;
  });
  return csrFromEdges(keys.length, ends.subarray(0, 2 * m), edgeWeights.subarray(0, m), keys);
}

/**
 * The snapshot of an edge list over nodes 0 .. order − 1: `ends` holds each edge's two ends in turn. Parallel edges
 * (in either direction) merge, summing their weights; self-loops are dropped.
 */
export function csrFromEdges(order: number, ends: Int32Array, edgeWeights?: Float64Array, keys?: string[]): KeyedCsr {
  // Both directions of every edge that is not a self-loop: entry 2k is u → v, 2k + 1 is v → u. Since every edge
  // gives one entry each way, a node has as many entries as source as it has as target: one count serves both sorts.
  const entries = ends.length;
  const start = new Int32Array(order + 1);
  for (let k = 0; k < entries; k++) {
    const u = ends[k] as number;
    if (u !== ends[k ^ 1]) start[u + 1] = (start[u + 1] as number) + 1;
  }
  for (let i = 0; i < order; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const total = start[order] as number;
  // First a counting sort by the entry's target…
  const byTarget = new Int32Array(total);
  let fill = start.slice(0, order);
  for (let k = 0; k < entries; k++) {
    const target = ends[k ^ 1] as number;
    if (target === ends[k]) continue;
    const slot = fill[target] as number;
    fill[target] = slot + 1;
    byTarget[slot] = k;
  }
  // …then a stable one by its source: each row lists its targets in ascending order, duplicates side by side.
  const sorted = new Int32Array(total);
  fill = start.slice(0, order);
  for (let t = 0; t < total; t++) {
    const k = byTarget[t] as number;
    const u = ends[k] as number;
    const slot = fill[u] as number;
    fill[u] = slot + 1;
    sorted[slot] = k;
  }
  // Merge each run of the same target into one entry, summing the weights.
  const offsets = new Int32Array(order + 1);
  const neighbours = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  for (let u = 0; u < order; u++) {
    offsets[u] = at;
    const rowBegin = at;
    for (let j = start[u] as number, end = start[u + 1] as number; j < end; j++) {
      const k = sorted[j] as number;
      const v = ends[k ^ 1] as number;
      const w = edgeWeights ? (edgeWeights[k >> 1] as number) : 1;
      if (at > rowBegin && neighbours[at - 1] === v) weights[at - 1] = (weights[at - 1] as number) + w;
      else {
        neighbours[at] = v;
        weights[at] = w;
        at++;
      }
    }
  }
  offsets[order] = at;
  return {
    order,
    offsets,
    neighbours: at === total ? neighbours : neighbours.slice(0, at),
    weights: at === total ? weights : weights.slice(0, at),
    keys: keys ?? Array.from({ length: order }, (_, i) => String(i)),
  };
}

/** Distinct-neighbour count of node i in the simple view. */
export const csrDegree = (csr: Csr, i: number): number => (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);

/** The buffers to list as transferables when posting a snapshot to a worker (they move, not copy). */
export const csrTransferables = (csr: Csr): ArrayBuffer[] =>
  [csr.offsets.buffer, csr.neighbours.buffer, csr.weights.buffer] as ArrayBuffer[];

/** The typed-array part only (no keys), as posted to a worker. */
export const bareCsr = (csr: Csr): Csr => ({
  order: csr.order,
  offsets: csr.offsets,
  neighbours: csr.neighbours,
  weights: csr.weights,
});
