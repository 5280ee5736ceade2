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
 * The server reads the graph into an EdgeList on its own thread, in small steps, and builds the CSR in a worker
 * (metrics-off-thread.ts): typed arrays cross without copying.
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

/** The graph as flat arrays: what a CSR is built from, and what crosses to a worker thread. */
export interface EdgeList {
  /** Node keys by index (the graph's node order). */
  keys: string[];
  /** Each edge's two ends in turn (self-loops left out). */
  ends: Int32Array;
  /** Per edge, its weight. */
  edgeWeights: Float64Array;
  /** Per node, its edge count in the graph itself: parallel edges count separately. */
  degree: Int32Array;
}

/** Edges read between two pauses of edgeListSteps: a few milliseconds. */
const STEP_WORK = 50_000;

/**
 * Reads the graph into an EdgeList, pausing (yielding) every STEP_WORK edges, so that an async caller can let its
 * event loop run between steps: the graph lives on the server's thread, the worker gets only the flat arrays.
 */
export function* edgeListSteps(
  graph: PartnerGraph,
  edgeWeight: (attributes: EdgeAttributes) => number = () => 1,
): Generator<void, EdgeList, void> {
  const keys = graph.nodes();
  const n = keys.length;
  const ends = new Int32Array(2 * graph.size);
  const edgeWeights = new Float64Array(graph.size);
  const degree = new Int32Array(n);
  let m = 0;
  let work = 0;
  let paused = false;
  const read = (_e: number, u: number, v: number, attributes: EdgeAttributes) => {
    degree[u] = (degree[u] as number) + 1;
    degree[v] = (degree[v] as number) + 1;
    if (u !== v) {
      ends[2 * m] = u;
      ends[2 * m + 1] = v;
      edgeWeights[m] = edgeWeight(attributes);
      m++;
    }
    if (++work >= STEP_WORK) {
      work = 0;
      paused = true;
    }
  };
  for (let from = 0; from < graph.size; from += STEP_WORK) {
    graph.forEachEdgeIndex(read, from, Math.min(graph.size, from + STEP_WORK));
    if (paused) {
      paused = false;
      yield;
    }
  }
  return {
    keys,
    ends: m === graph.size ? ends : ends.slice(0, 2 * m),
    edgeWeights: m === graph.size ? edgeWeights : edgeWeights.slice(0, m),
    degree,
  };
}

/** The whole EdgeList at once. */
export function edgeList(graph: PartnerGraph, edgeWeight?: (attributes: EdgeAttributes) => number): EdgeList {
  const steps = edgeListSteps(graph, edgeWeight);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The EdgeList, letting the event loop run between steps. */
export async function edgeListYielding(
  graph: PartnerGraph,
  edgeWeight?: (attributes: EdgeAttributes) => number,
): Promise<EdgeList> {
  const steps = edgeListSteps(graph, edgeWeight);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Builds the snapshot in O(n + m): two counting sorts, so rows come out sorted and duplicates adjacent. */
export function buildCsr(graph: PartnerGraph, edgeWeight?: (attributes: EdgeAttributes) => number): KeyedCsr {
  const { keys, ends, edgeWeights } = edgeList(graph, edgeWeight);
  return csrFromEdges(keys.length, ends, edgeWeights, keys);
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

/** Per node, the summed weights of its row: its weighted degree when the weights are tie strengths. */
export function csrRowSums(csr: Csr): Float64Array {
  const sums = new Float64Array(csr.order);
  for (let i = 0; i < csr.order; i++) {
    let sum = 0;
    for (let j = csr.offsets[i] as number, end = csr.offsets[i + 1] as number; j < end; j++)
      sum += csr.weights[j] as number;
    sums[i] = sum;
  }
  return sums;
}
