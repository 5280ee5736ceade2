/**
 * The CSR snapshot as a graphology graph keyed by node index ("0", "1", …): for checking our typed-array algorithms
 * against graphology's own (tests, and the graphology column of `npm run bench -- algorithms`). The server does not
 * use it: at 100k nodes / 1M edges building it takes seconds.
 */
import { UndirectedGraph } from "graphology";
import type { Csr } from "./csr";

export function undirectedView(csr: Csr): UndirectedGraph {
  const { order: n, offsets, neighbours } = csr;
  const view = new UndirectedGraph();
  for (let u = 0; u < n; u++) view.addNode(u);
  for (let u = 0; u < n; u++) {
    for (let j = offsets[u] as number, end = offsets[u + 1] as number; j < end; j++) {
      const v = neighbours[j] as number;
      if (u < v) view.addEdge(u, v);
    }
  }
  return view;
}
