/** Louvain on the CSR: named errors, communities by hand, modularity against graphology's, and its results. */
import type { UndirectedGraph } from "graphology";
import graphologyLouvain from "graphology-communities-louvain";
import graphologyModularity from "graphology-metrics/graph/modularity.js";
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../../server/cli/generate";
import { generateDataset } from "../../../../server/generate/generate-dataset";
import { Random } from "../../../../server/generate/random";
import { LouvainError, louvain, modularity } from "../../../../server/graph/algorithms/louvain";
import { buildGraph } from "../../../../server/graph/build";
import { buildCsr, csrFromEdges } from "../../../../server/graph/csr";
import { undirectedView } from "../../../../server/graph/graphology-view";

const seeded = (seed = 1) => {
  const random = Random.fromSeed(seed);
  return () => random.float();
};

/** k cliques of `size` nodes, clique i joined to clique i + 1 by one edge. */
function cliques(k: number, size: number) {
  const ends: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) ends.push(c * size + a, c * size + b);
    if (c + 1 < k) ends.push(c * size, (c + 1) * size + 1);
  }
  return csrFromEdges(k * size, Int32Array.from(ends));
}

describe("louvain", () => {
  it("throws a LouvainError for a resolution that is not a positive number", () => {
    expect(() => louvain(cliques(2, 3), { random: seeded(), resolution: 0 })).toThrow(LouvainError);
    expect(() => louvain(cliques(2, 3), { random: seeded(), resolution: Number.NaN })).toThrow(
      "resolution must be a positive number",
    );
  });

  it("finds each clique of a ring of cliques, numbered in node order, the same way every time", () => {
    const result = louvain(cliques(6, 5), { random: seeded() });
    expect(result.count).toBe(6);
    expect(Array.from(result.communities)).toEqual(Array.from({ length: 30 }, (_, i) => Math.floor(i / 5)));
    expect(louvain(cliques(6, 5), { random: seeded() })).toEqual(result);
  });

  it("leaves every node alone in a graph without links", () => {
    const result = louvain(csrFromEdges(4, new Int32Array(0)), { random: seeded() });
    expect(Array.from(result.communities)).toEqual([0, 1, 2, 3]);
    expect(result.modularity).toBe(0);
  });

  it("computes modularity as graphology-metrics does", () => {
    const random = Random.fromSeed(3);
    for (let trial = 0; trial < 10; trial++) {
      const n = 5 + random.below(30);
      const csr = csrFromEdges(
        n,
        Int32Array.from({ length: 2 * 3 * n }, () => random.below(n)),
      );
      const view: UndirectedGraph = undirectedView(csr);
      if (view.size === 0) continue;
      const parts = Int32Array.from({ length: n }, () => random.below(4));
      const theirs = graphologyModularity(view, { getNodeCommunity: (node) => parts[Number(node)] as number });
      expect(modularity(csr, parts)).toBeCloseTo(theirs, 12);
    }
  });

  it("reaches graphology-communities-louvain's modularity on a generated partner graph, within 0.02", () => {
    const csr = buildCsr(
      buildGraph(generateDataset({ projects: 400, organisations: 600, seed: 2 }, readTaxonomy("data"))),
    );
    const ours = louvain(csr, { random: seeded() });
    const theirs = graphologyLouvain.detailed(undirectedView(csr), { getEdgeWeight: null, rng: seeded() });
    expect(ours.modularity).toBeGreaterThan(theirs.modularity - 0.02);
    expect(ours.modularity).toBeCloseTo(modularity(csr, ours.communities), 12);
    expect(new Set(ours.communities).size).toBe(ours.count);
  });
});
