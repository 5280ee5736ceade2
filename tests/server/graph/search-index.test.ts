/** Pins the search index built in steps: the same answers whether built bit by bit, in the background or by a search. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { buildGraph } from "../../../server/graph/build";
import type { EdgeAttributes } from "../../../server/graph/model";
import { BROAD_SCAN_MIN_NODES, foldText, SearchIndex } from "../../../server/graph/search-index";
import { loadDataDir } from "../../../server/store/load-data-dir";
import { smallDataset } from "../../fixtures/dataset";

describe("SearchIndex built in steps", () => {
  const graph = buildGraph(smallDataset());
  const keys = (index: SearchIndex, q: string) => index.search(q, { limit: 10 }).map((h) => h.node.key);

  it("is not built until asked, and a search completes it", () => {
    const index = new SearchIndex(graph);
    expect(index.ready).toBe(false);
    expect(keys(index, "goteborg")).toContain("organisation:civic-tech-goteborg");
    expect(index.ready).toBe(true);
  });

  it("answers the same when built in background steps as when built by the first search", () => {
    const stepped = new SearchIndex(graph);
    while (!stepped.buildSome(0)) {}
    const whole = new SearchIndex(graph);
    for (const q of ["goteborg", "GÖTE", "open", "participation", "digidem", "zzzqqq"]) {
      expect(keys(stepped, q)).toEqual(keys(whole, q));
    }
  });
});

describe("SearchIndex on a large graph", () => {
  const taxonomy = loadDataDir(join(import.meta.dirname, "..", "..", "..", "data"));
  const graph = buildGraph(generateDataset({ projects: 9_000, organisations: 12_000, seed: 3 }, taxonomy));
  const index = new SearchIndex(graph);

  it("answers a word most names share from the best-connected matches, each a real match", () => {
    expect(graph.order).toBeGreaterThanOrEqual(BROAD_SCAN_MIN_NODES);
    index.search("x", { limit: 1 }); // builds the index
    const hits = index.search("synt", { limit: 10 }); // MiniSearch alone would score all ~21 000 matches
    expect(hits).toHaveLength(10);
    for (const h of hits) expect(foldText(h.node.label.sv)).toMatch(/(^|\s)synt/);
    const degrees = hits.map((h) => graph.degree(h.node.key));
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    // Nothing better connected was passed over.
    const lowest = degrees.at(-1) as number;
    const better = graph
      .nodes()
      .filter((k) => graph.degree(k) > lowest && /(^|\s)synt/.test(foldText(graph.getNodeAttributes(k).label.sv)));
    for (const k of better) expect(hits.map((h) => h.node.key)).toContain(k);
  });

  it("still ranks a query that tells nodes apart with MiniSearch, and keeps the kinds asked for", () => {
    const first = graph.nodes().find((k) => graph.getNodeAttributes(k).kind === "organisation") as string;
    const name = graph.getNodeAttributes(first).label.sv;
    const number = name.split(" ").at(-1) as string;
    expect(index.search(number, { limit: 10 }).map((h) => h.node.key)).toContain(first);
    const projects = index.search("synt", { limit: 10, kinds: ["project"] });
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((h) => h.node.kind === "project")).toBe(true);
  });
});

describe("buildGraph edge attributes", () => {
  it("shares one frozen attribute object per edge type, so none is changed in place by accident", () => {
    const graph = buildGraph(smallDataset());
    const aboutTopic: EdgeAttributes[] = [];
    graph.forEachEdge((_e, a) => {
      if (a.type === "about-topic") aboutTopic.push(a);
    });
    expect(aboutTopic.length).toBeGreaterThan(1);
    expect(new Set(aboutTopic).size).toBe(1);
    expect(() => {
      (aboutTopic[0] as { type: string }).type = "leads";
    }).toThrow(TypeError);
  });
});
