/**
 * Pins the network metrics on tiny inline graphs with the expected values beside them (networkx gives the same
 * numbers), the sampled betweenness against graphology's exact one, determinism, and the once-per-version cache.
 */
import { UndirectedGraph } from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { buildGraph } from "../../../server/graph/build";
import {
  computeMetrics,
  createMetricsCache,
  EDGE_WEIGHTS,
  MetricsError,
  metricsTable,
  nodeMetrics,
  sampledBetweenness,
} from "../../../server/graph/metrics";
import type { NodeAttributes, PartnerGraph } from "../../../server/graph/model";
import { PartnerGraphBuilder } from "../../../server/graph/partner-graph";
import type { EdgeType } from "../../../shared/schema/graph";
import { smallDataset } from "../../fixtures/dataset";

/** A graph of the given typed edges; metrics read only keys and edge types, so node attributes are stubs. */
function tiny(edges: [string, string, EdgeType][]): PartnerGraph {
  const g = new PartnerGraphBuilder();
  for (const [s, t, type] of edges) {
    for (const key of [s, t]) if (!g.hasNode(key)) g.addNode(key, { kind: "topic" } as unknown as NodeAttributes);
    g.addEdge(s, t, { type });
  }
  return g.build();
}

const valuesOf = (g: PartnerGraph, metric: "betweenness" | "pagerank" | "community" | "degree" | "weightedDegree") => {
  const m = computeMetrics(g);
  return Object.fromEntries(g.nodes().map((key) => [key, nodeMetrics(m, key)[metric]]));
};

describe("computeMetrics", () => {
  it("throws a MetricsError for a node the metrics were not computed on", () => {
    const m = computeMetrics(tiny([["a", "b", "covers"]]));
    expect(() => nodeMetrics(m, "c")).toThrow(MetricsError);
    expect(() => nodeMetrics(m, "c")).toThrow('No metrics for node "c"');
  });

  it("degree counts relations; weighted degree counts a lead tie as 2", () => {
    expect(EDGE_WEIGHTS.leads).toBe(2);
    const g = tiny([
      ["org", "p", "leads"],
      ["p", "org", "funded-by"],
      ["p", "t", "about-topic"],
    ]);
    expect(valuesOf(g, "degree")).toEqual({ org: 2, p: 3, t: 1 });
    expect(valuesOf(g, "weightedDegree")).toEqual({ org: 3, p: 4, t: 1 });
  });

  it("betweenness is normalised on the undirected simple view: the middle of a path is 1", () => {
    // a → b ← c is still the path a–b–c; the parallel b → a adds no second shortest path.
    const g = tiny([
      ["a", "b", "leads"],
      ["c", "b", "partner-in"],
      ["b", "a", "funded-by"],
    ]);
    expect(valuesOf(g, "betweenness")).toEqual({ a: 0, b: 1, c: 0 });
  });

  it("PageRank (alpha 0.85) of a three-node path matches networkx and sums to 1", () => {
    const pr = valuesOf(
      tiny([
        ["a", "b", "covers"],
        ["b", "c", "covers"],
      ]),
      "pagerank",
    );
    expect(pr.a).toBeCloseTo(0.2567568, 5);
    expect(pr.b).toBeCloseTo(0.4864865, 5);
    expect(pr.c).toBeCloseTo(0.2567568, 5);
  });

  it("Louvain separates two triangles joined by one edge, the same way every time", () => {
    const g = tiny([
      ["a1", "a2", "covers"],
      ["a2", "a3", "covers"],
      ["a3", "a1", "covers"],
      ["b1", "b2", "covers"],
      ["b2", "b3", "covers"],
      ["b3", "b1", "covers"],
      ["a1", "b1", "neighbours"],
    ]);
    const c = valuesOf(g, "community");
    expect(c.a1).toBe(c.a2);
    expect(c.a2).toBe(c.a3);
    expect(c.b1).toBe(c.b2);
    expect(c.b2).toBe(c.b3);
    expect(c.a1).not.toBe(c.b1);
    expect(valuesOf(g, "community")).toEqual(c);
  });

  it("metricsTable gives the same values as columns in the graph's node order", () => {
    const g = buildGraph(smallDataset());
    const m = computeMetrics(g);
    const table = metricsTable(m);
    expect(table.keys).toEqual(g.nodes());
    table.keys.forEach((key, i) => {
      expect(nodeMetrics(m, key)).toEqual({
        degree: table.degree[i],
        weightedDegree: table.weightedDegree[i],
        betweenness: table.betweenness[i],
        pagerank: table.pagerank[i],
        community: table.community[i],
      });
    });
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it("handles an empty graph", () => {
    const m = computeMetrics(new PartnerGraphBuilder().build());
    expect(m.index.size).toBe(0);
    expect(m.about.communities).toBe(0);
  });

  it("on the seed-sized fixture is exact, and PageRank sums to 1", () => {
    const m = computeMetrics(buildGraph(smallDataset()));
    expect(m.about.betweenness.method).toBe("exact");
    expect(m.pagerank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe("sampled betweenness", () => {
  const graph = buildGraph(generateDataset({ projects: 150, organisations: 200, seed: 4 }, readTaxonomy("data")));

  it("with all but one node as pivots is within 5 % of graphology's exact value for the central nodes", () => {
    const exact = computeMetrics(graph);
    const all = computeMetrics(graph, { betweennessPivots: graph.order - 1 });
    expect(all.about.betweenness).toEqual({ method: "sampled", pivots: graph.order - 1 });
    const top = [...exact.betweenness.keys()]
      .sort((a, b) => (exact.betweenness[b] as number) - (exact.betweenness[a] as number))
      .slice(0, 10);
    for (const i of top)
      expect(
        Math.abs((all.betweenness[i] as number) - (exact.betweenness[i] as number)) / (exact.betweenness[i] as number),
      ).toBeLessThan(0.05);
  });

  it("from every source is exactly graphology's Brandes result", () => {
    const view = new UndirectedGraph();
    // A 5-cycle with a pendant: exact values known from graphology.
    for (const [s, t] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 0],
      [2, 5],
    ])
      view.mergeEdge(String(s), String(t));
    const offsets = new Int32Array([0, 2, 4, 7, 9, 11, 12]);
    const adj = new Int32Array([1, 4, 0, 2, 1, 3, 5, 2, 4, 3, 0, 2]);
    const exact = betweennessCentrality(view, { getEdgeWeight: null, normalized: true });
    const ours = sampledBetweenness(offsets, adj, [0, 1, 2, 3, 4, 5]);
    for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(exact[String(i)] as number, 12);
  });

  it("is deterministic for a seed, and different seeds sample different pivots", () => {
    const a = computeMetrics(graph, { betweennessPivots: 40, seed: 1 });
    const b = computeMetrics(graph, { betweennessPivots: 40, seed: 1 });
    const c = computeMetrics(graph, { betweennessPivots: 40, seed: 2 });
    expect(a.betweenness).toEqual(b.betweenness);
    expect(a.betweenness).not.toEqual(c.betweenness);
    expect(a.about.betweenness).toEqual({ method: "sampled", pivots: 40 });
  });
});

describe("createMetricsCache", () => {
  it("computes nothing until asked, then once", async () => {
    const cache = createMetricsCache(buildGraph(smallDataset()), 7);
    expect(cache.peek()).toBeUndefined();
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    expect(cache.peek()).toBe(first);
    expect(cache.dataVersion).toBe(7);
  });

  it("in a worker thread gives the same metrics as in place, and shares one computation between callers", async () => {
    const graph = buildGraph(smallDataset());
    const cache = createMetricsCache(graph, 1, { inWorker: true });
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    const inPlace = computeMetrics(graph);
    expect({ ...a, about: { ...a.about, ms: undefined } }).toEqual({
      ...inPlace,
      about: { ...inPlace.about, ms: undefined },
    });
  });
});
