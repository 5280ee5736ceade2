/** Pins the search index built in steps: the same answers whether built bit by bit, in the background or by a search. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import type { EdgeAttributes } from "../../../server/graph/model";
import { SearchIndex } from "../../../server/graph/search-index";
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
