/** Pins the graph built from records: prefixed keys, typed edges, details grouped by relation, diacritic-free search. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { nodeDetails, UnknownNodeError } from "../../../server/graph/node-details";
import { foldText, SearchIndex } from "../../../server/graph/search-index";
import { graphSnapshot } from "../../../server/graph/snapshot";
import { smallDataset } from "../../fixtures/dataset";

describe("buildGraph", () => {
  const graph = buildGraph(smallDataset());

  it("keys every node by kind and id", () => {
    expect(graph.nodes().sort()).toEqual([
      "organisation:civic-tech-goteborg",
      "organisation:digidem-lab",
      "organisation:open-knowledge-sweden",
      "organisation:vinnova",
      "project:civic-tech-platform",
      "project:open-up",
      "region:01",
      "region:03",
      "region:14",
      "skill:facilitation",
      "skill:ux-design",
      "topic:open-data",
      "topic:participation",
    ]);
  });

  it("types the edges of a project", () => {
    const types = (source: string, target: string) => {
      const found: string[] = [];
      graph.forEachOutEdge(source, (_e, attrs, _s, t) => {
        if (t === target) found.push(attrs.type);
      });
      return found;
    };
    expect(types("organisation:digidem-lab", "project:civic-tech-platform")).toEqual(["leads"]);
    expect(types("organisation:open-knowledge-sweden", "project:civic-tech-platform")).toEqual(["partner-in"]);
    expect(types("project:civic-tech-platform", "skill:ux-design")).toEqual(["needs-skill"]);
    expect(types("project:civic-tech-platform", "region:14")).toEqual(["covers"]);
    expect(types("project:civic-tech-platform", "organisation:vinnova")).toEqual(["funded-by"]);
    expect(types("organisation:digidem-lab", "skill:facilitation")).toEqual(["offers-skill"]);
  });

  it("draws one neighbours edge per pair of counties", () => {
    expect(graph.outEdges("region:01", "region:03")).toHaveLength(1);
    expect(graph.outEdges("region:03", "region:01")).toHaveLength(0);
  });

  it("filters a snapshot by kind, keeping only edges between kept nodes", () => {
    const snap = graphSnapshot(graph, 7, ["project", "organisation"]);
    expect(snap.dataVersion).toBe(7);
    expect(new Set(snap.nodes.map((n) => n.kind))).toEqual(new Set(["project", "organisation"]));
    expect(snap.edges.map((e) => e.type).sort()).toEqual(["funded-by", "leads", "leads", "partner-in"]);
  });
});

describe("nodeDetails", () => {
  const graph = buildGraph(smallDataset());

  it("throws a named error for an unknown node", () => {
    expect(() => nodeDetails(graph, "organisation:nobody")).toThrow(UnknownNodeError);
    expect(() => nodeDetails(graph, "organisation:nobody")).toThrow('No node with id "organisation:nobody"');
  });

  it("groups an organisation's neighbours by relation and direction", () => {
    const d = nodeDetails(graph, "organisation:digidem-lab");
    const groups = Object.fromEntries(
      d.neighbours.map((g) => [`${g.direction}:${g.relation}`, g.nodes.map((n) => n.key)]),
    );
    expect(groups).toEqual({
      "out:leads": ["project:civic-tech-platform"],
      "out:active-in": ["region:14"],
      "out:about-topic": ["topic:participation"],
      "out:offers-skill": ["skill:facilitation"],
    });
  });

  it("includes the funding call of a project", () => {
    const d = nodeDetails(graph, "project:civic-tech-platform");
    expect(d.fundingCall?.reference).toBe("2019-04507");
  });
});

describe("SearchIndex", () => {
  const index = new SearchIndex(buildGraph(smallDataset()));
  const keys = (q: string) => index.search(q, { limit: 10 }).map((h) => h.node.key);

  it("folds case and diacritics", () => {
    expect(foldText("Örebro Göteborg ÅÄÖ")).toBe("orebro goteborg aao");
  });

  it("finds Göteborg when typed without diacritics, and by prefix", () => {
    expect(keys("goteborg")).toContain("organisation:civic-tech-goteborg");
    expect(keys("GÖTE")).toContain("organisation:civic-tech-goteborg");
    expect(keys("digidem")[0]).toBe("organisation:digidem-lab");
  });

  it("searches English labels too, and filters by kind", () => {
    expect(keys("participation")).toContain("topic:participation");
    expect(index.search("open", { limit: 10, kinds: ["topic"] }).map((h) => h.node.key)).toEqual(["topic:open-data"]);
  });

  it("returns nothing for text that matches nothing", () => {
    expect(keys("zzzqqq")).toEqual([]);
  });
});
