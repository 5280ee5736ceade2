/**
 * Jaccard similarity of one node's neighbour set against every node's, on the CSR snapshot (server/graph/csr.ts):
 * |N(u) ∩ N(v)| / |N(u) ∪ N(v)|. Only nodes two steps from u can share a neighbour, so the intersections are counted
 * by walking u's neighbours' rows once (O(Σ degree of u's neighbours)), never by comparing u with all n nodes.
 */
import type { Csr } from "../csr";

/**
 * Similarity of node u with every node, by index: 0 where nothing is shared (and for isolated nodes), 1 for u itself
 * when it has neighbours, as networkx's and igraph's Jaccard coefficients give.
 */
export function jaccardAgainstAll(csr: Csr, u: number): Float64Array {
  const { order, offsets, neighbours } = csr;
  if (!(u >= 0 && u < order)) throw new RangeError(`No node ${u} in a graph of ${order} nodes`);
  const result = new Float64Array(order);
  // result[v] first counts the common neighbours of u and v; `reached` lists each v once, to turn counts into ratios.
  const reached: number[] = [];
  const uBegin = offsets[u] as number;
  const uEnd = offsets[u + 1] as number;
  for (let i = uBegin; i < uEnd; i++) {
    const w = neighbours[i] as number;
    for (let j = offsets[w] as number, end = offsets[w + 1] as number; j < end; j++) {
      const v = neighbours[j] as number;
      if (result[v] === 0) reached.push(v);
      result[v] = (result[v] as number) + 1;
    }
  }
  const uDegree = uEnd - uBegin;
  for (const v of reached) {
    const common = result[v] as number;
    result[v] = common / (uDegree + ((offsets[v + 1] as number) - (offsets[v] as number)) - common);
  }
  return result;
}
