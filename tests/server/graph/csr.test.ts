/** The CSR snapshot: parallel edges merged with summed weights, both directions, sorted rows, no self-loops. */
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { Random } from "../../../server/generate/random";
import { buildGraph } from "../../../server/graph/build";
import { buildCsr, csrDegree, csrFromEdges } from "../../../server/graph/csr";
import type { NodeAttributes } from "../../../server/graph/model";
import { PartnerGraphBuilder } from "../../../server/graph/partner-graph";
import type { EdgeType } from "../../../shared/schema/graph";

const rows = (csr: { order: number; offsets: Int32Array; neighbours: Int32Array }) =>
  Array.from({ length: csr.order }, (_, i) => Array.from(csr.neighbours.subarray(csr.offsets[i], csr.offsets[i + 1])));

describe("buildCsr", () => {
  it("merges parallel edges in either direction, summing their weights, and keeps the graph's node order", () => {
    const builder = new PartnerGraphBuilder();
    for (const key of ["org", "p", "t", "lonely"]) builder.addNode(key, { kind: "topic" } as unknown as NodeAttributes);
    const edges: [string, string, EdgeType][] = [
      ["org", "p", "leads"],
      ["p", "org", "funded-by"],
      ["p", "t", "about-topic"],
    ];
    for (const [s, t, type] of edges) builder.addEdge(s, t, { type });
    const g = builder.build();
    const csr = buildCsr(g, (a) => (a.type === "leads" ? 2 : 1));
    expect(csr.keys).toEqual(["org", "p", "t", "lonely"]);
    expect(rows(csr)).toEqual([[1], [0, 2], [1], []]);
    expect(Array.from(csr.weights)).toEqual([3, 3, 1, 1]);
    expect(csrDegree(csr, 1)).toBe(2);
    expect(Array.from(buildCsr(g).weights)).toEqual([2, 2, 1, 1]); // by default: the number of relations
  });

  it("on a generated graph has, per node, exactly the distinct neighbours the graph lists, sorted", () => {
    const g = buildGraph(generateDataset({ projects: 60, organisations: 80, seed: 3 }, readTaxonomy("data")));
    const csr = buildCsr(g);
    const index = new Map(csr.keys.map((k, i) => [k, i]));
    csr.keys.forEach((key, i) => {
      const expected: number[] = [];
      g.forEachNeighbor(key, (k) => expected.push(index.get(k) as number));
      expected.sort((a, b) => a - b);
      expect(rows(csr)[i]).toEqual(expected);
    });
  });
});

describe("csrFromEdges", () => {
  it("drops self-loops and equals a set-based adjacency on random multigraphs", () => {
    const random = Random.fromSeed(9);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + random.below(30);
      const m = random.below(80);
      const ends = Int32Array.from({ length: 2 * m }, () => random.below(n));
      const csr = csrFromEdges(n, ends);
      const sets = Array.from({ length: n }, () => new Map<number, number>());
      for (let k = 0; k < m; k++) {
        const u = ends[2 * k] as number;
        const v = ends[2 * k + 1] as number;
        if (u === v) continue;
        sets[u]?.set(v, (sets[u]?.get(v) ?? 0) + 1);
        sets[v]?.set(u, (sets[v]?.get(u) ?? 0) + 1);
      }
      expect(rows(csr)).toEqual(sets.map((s) => [...s.keys()].sort((a, b) => a - b)));
      const weightRows = rows({ ...csr, neighbours: Int32Array.from(csr.weights) });
      expect(weightRows).toEqual(sets.map((s) => [...s.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c)));
    }
  });
});
