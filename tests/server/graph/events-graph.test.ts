/** Events and organisation ties in the graph: their nodes and edges, snapshot fields, details, search and filters. */
import { describe, expect, it } from "vitest";
import { buildGraph, patchGraph } from "../../../server/graph/build";
import { filteredNodeKeys } from "../../../server/graph/filter";
import { nodeDetails } from "../../../server/graph/node-details";
import { SearchIndex } from "../../../server/graph/search-index";
import { graphSnapshot } from "../../../server/graph/snapshot";
import { parseGraphFilter } from "../../../shared/schema/graph-filter";
import { datasetWithEvents } from "../../fixtures/dataset";

const graph = buildGraph(datasetWithEvents());
const edgesFrom = (key: string) => {
  const found: string[] = [];
  graph.forEachOutEdge(key, (_e, attrs, _s, target) => {
    found.push(`${attrs.type} ${target}`);
  });
  return found;
};

describe("events in the graph", () => {
  it("are nodes of their own kind, after the projects, labelled in both languages", () => {
    expect(graph.nodes().slice(-2)).toEqual(["event:hackathon-2", "event:open-data-lab"]);
    expect(graph.getNodeAttributes("event:open-data-lab").label).toEqual({
      sv: "Labb om öppna data",
      en: "Open data lab",
    });
  });

  it("link to organisers, partners, topics and the län; a venue that organises keeps one edge", () => {
    expect(edgesFrom("event:hackathon-2")).toEqual([
      "organised-by organisation:civic-tech-goteborg",
      "event-partner organisation:digidem-lab",
      "event-partner organisation:open-knowledge-sweden",
      "about-topic topic:participation",
      "held-in region:14",
    ]);
    // Online, no place: no län edge.
    expect(edgesFrom("event:open-data-lab")).toEqual([
      "organised-by organisation:open-knowledge-sweden",
      "about-topic topic:open-data",
    ]);
  });

  it("carry kind, dates and years in the snapshot", () => {
    const node = graphSnapshot(graph, 1).nodes.find((n) => n.key === "event:open-data-lab");
    expect(node).toMatchObject({
      kind: "event",
      eventKind: "workshop",
      startDate: "2025-03-01",
      endDate: "2025-03-02",
      online: true,
      startYear: 2025,
      endYear: 2025,
    });
  });

  it("show their organisers and partners in the details, and the organiser sees its events", () => {
    const details = nodeDetails(graph, "event:hackathon-2");
    expect(details.kind).toBe("event");
    expect(details.neighbours.map((g) => `${g.direction}:${g.relation}`)).toEqual([
      "out:organised-by",
      "out:event-partner",
      "out:about-topic",
      "out:held-in",
    ]);
    const group = nodeDetails(graph, "organisation:civic-tech-goteborg");
    expect(group.neighbours.find((g) => g.relation === "organised-by")?.nodes.map((n) => n.key)).toEqual([
      "event:hackathon-2",
    ]);
  });

  it("are found by search, by name and by city, ignoring diacritics", () => {
    const index = new SearchIndex(graph);
    expect(index.search("hackathon", { limit: 5 }).map((h) => h.node.key)).toContain("event:hackathon-2");
    expect(index.search("goteborg", { limit: 10, kinds: ["event"] }).map((h) => h.node.key)).toEqual([
      "event:hackathon-2",
    ]);
  });

  it("pass the filters: kind, event kind, date range and län", () => {
    const keep = (query: Record<string, string>) =>
      [...filteredNodeKeys(graph, parseGraphFilter(query))].filter((k) => k.startsWith("event:")).sort();
    expect(keep({ kinds: "event" })).toEqual(["event:hackathon-2", "event:open-data-lab"]);
    expect(keep({ eventKinds: "hackathon" })).toEqual(["event:hackathon-2"]);
    expect(keep({ from: "2024" })).toEqual(["event:open-data-lab"]);
    expect(keep({ to: "2019" })).toEqual(["event:hackathon-2"]);
    expect(keep({ regions: "14" })).toEqual(["event:hackathon-2"]);
    expect(() => parseGraphFilter({ eventKinds: "party" })).toThrow(/eventKinds: "party" is not an event kind/);
  });

  it("are rebuilt equal when patched after an event changes", () => {
    const data = datasetWithEvents();
    const next = { ...data, events: data.events.map((e) => (e.id === "open-data-lab" ? { ...e, topics: [] } : e)) };
    const patched = patchGraph(graph, next, new Set(["event:open-data-lab"]));
    expect(patched.edges()).toEqual(buildGraph(next).edges());
  });
});

describe("ties between organisations", () => {
  it("are edges from the organisation naming them, typed by relation", () => {
    expect(edgesFrom("organisation:digidem-lab")).toContain("partner-of organisation:civic-tech-goteborg");
    expect(edgesFrom("organisation:open-knowledge-sweden")).toContain("member-of organisation:civic-tech-goteborg");
    const details = nodeDetails(graph, "organisation:civic-tech-goteborg");
    expect(details.neighbours.find((g) => g.relation === "member-of" && g.direction === "in")?.nodes[0]?.key).toBe(
      "organisation:open-knowledge-sweden",
    );
  });
});
