/**
 * Brandes' betweenness on the CSR snapshot (server/graph/csr.ts), unweighted and undirected, from the given sources,
 * scaled by order / sources and normalised like graphology's `normalized: true` (divided by (n − 1)(n − 2)). With
 * every node as a source it is the exact value; with a random sample of pivots it is Brandes & Pich's (2007)
 * unbiased estimate.
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
