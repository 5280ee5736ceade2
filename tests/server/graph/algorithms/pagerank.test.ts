/** PageRank on the CSR against graphology-metrics' pagerank on the same graphs, same damping and tolerance. */
import type { UndirectedGraph } from "graphology";
import graphologyPagerank from "graphology-metrics/centrality/pagerank.js";
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../../server/cli/generate";
import { generateDataset } from "../../../../server/generate/generate-dataset";
import { Random } from "../../../../server/generate/random";
import { pagerank } from "../../../../server/graph/algorithms/pagerank";
import { buildGraph } from "../../../../server/graph/build";
import { buildCsr, type Csr, csrFromEdges } from "../../../../server/graph/csr";
import { undirectedView } from "../../../../server/graph/graphology-view";

/** The CSR as a weighted graphology graph (node keys "0", "1", …; `weight` from the CSR). */
function weightedView(csr: Csr): UndirectedGraph {
  const g = undirectedView(csr);
  for (let u = 0; u < csr.order; u++)
    for (let j = csr.offsets[u] as number; j < (csr.offsets[u + 1] as number); j++) {
      const v = csr.neighbours[j] as number;
      if (u < v) g.setEdgeAttribute(String(u), String(v), "weight", csr.weights[j]);
    }
  return g;
}

function expectSame(ours: Float64Array, theirs: Record<string, number>) {
  expect(ours.length).toBe(Object.keys(theirs).length);
  for (let i = 0; i < ours.length; i++)
    expect(Math.abs((ours[i] as number) - (theirs[String(i)] as number))).toBeLessThan(1e-12);
}

describe("pagerank on the CSR", () => {
  it("a three-node path: networkx's values (0.2568, 0.4865, 0.2568) to the tolerance", () => {
    const { scores } = pagerank(csrFromEdges(3, new Int32Array([0, 1, 1, 2])));
    expect(scores[0]).toBeCloseTo(0.2567568, 5);
    expect(scores[1]).toBeCloseTo(0.4864865, 5);
    expect(scores[2]).toBeCloseTo(0.2567568, 5);
  });

  it("equals graphology-metrics on random graphs with isolated (dangling) nodes, for several alphas", () => {
    const random = Random.fromSeed(5);
    for (let trial = 0; trial < 10; trial++) {
      const n = 2 + random.below(60);
      const ends = Int32Array.from({ length: 2 * random.below(3 * n) }, () => random.below(n));
      const csr = csrFromEdges(n, ends);
      for (const alpha of [0.5, 0.85, 0.95]) {
        const ours = pagerank(csr, { alpha, tolerance: 1e-6, maxIterations: 1000 });
        const theirs = graphologyPagerank(undirectedView(csr), {
          getEdgeWeight: null,
          alpha,
          tolerance: 1e-6,
          maxIterations: 1000,
        });
        expectSame(ours.scores, theirs);
        expect(ours.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
    }
  });

  it("equals graphology-metrics on a generated partner graph, unweighted and weighted by tie strength", () => {
    const graph = buildGraph(generateDataset({ projects: 120, organisations: 150, seed: 2 }, readTaxonomy("data")));
    const csr = buildCsr(graph, (a) => (a.type === "leads" ? 2 : 1));
    expectSame(pagerank(csr).scores, graphologyPagerank(undirectedView(csr), { getEdgeWeight: null }));
    expectSame(
      pagerank(csr, { weighted: true }).scores,
      graphologyPagerank(weightedView(csr), { getEdgeWeight: "weight" }),
    );
  });

  it("throws when it cannot converge in the allowed iterations, as graphology does", () => {
    const csr = csrFromEdges(4, new Int32Array([0, 1, 1, 2, 2, 3, 0, 0]));
    expect(() => pagerank(csr, { maxIterations: 1, tolerance: 1e-12 })).toThrow("did not converge");
  });

  it("handles an empty graph", () => {
    expect(pagerank(csrFromEdges(0, new Int32Array(0))).scores.length).toBe(0);
  });
});
