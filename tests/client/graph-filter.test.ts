/** Pins faceted filtering and focus over a snapshot: AND across facets, OR within one, counts, and ego networks. */
import { describe, expect, it } from "vitest";
import { buildFacetIndex, facetCounts, knownFilters, visibleKeys, withExpanded } from "../../client/state/graph-filter";
import { EMPTY_FILTERS, type Filters } from "../../client/state/url-state";
import { buildGraph } from "../../server/graph/build";
import { graphSnapshot } from "../../server/graph/snapshot";
import { datasetWithEvents, smallDataset } from "../fixtures/dataset";

const index = buildFacetIndex(graphSnapshot(buildGraph(smallDataset()), 1));
const filters = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const entities = (keys: Set<string>) => [...keys].filter((k) => /^(project|organisation):/.test(k)).sort();

describe("visibleKeys", () => {
  it("shows everything without filters", () => {
    expect(visibleKeys(index, EMPTY_FILTERS).size).toBe(index.nodes.size);
  });

  it("keeps entities with a chosen topic, and the taxonomy nodes they link to", () => {
    const keys = visibleKeys(index, filters({ topics: ["participation"] }));
    expect(entities(keys)).toEqual(["organisation:digidem-lab", "project:civic-tech-platform"]);
    expect(keys.has("topic:participation")).toBe(true);
    expect(keys.has("region:14")).toBe(true);
    expect(keys.has("region:03")).toBe(false);
  });

  it("combines facets with AND and values with OR", () => {
    expect(entities(visibleKeys(index, filters({ topics: ["open-data", "participation"] })))).toEqual([
      "organisation:digidem-lab",
      "organisation:open-knowledge-sweden",
      "project:civic-tech-platform",
      "project:open-up",
    ]);
    expect(entities(visibleKeys(index, filters({ topics: ["open-data"], regions: ["14"] })))).toEqual([
      "project:civic-tech-platform",
    ]);
  });

  it("does not apply a reversed year range (from after to), which would otherwise hide every project with years", () => {
    const all = entities(visibleKeys(index, filters({ kinds: ["project"] })));
    expect(entities(visibleKeys(index, filters({ kinds: ["project"], yearFrom: 2030, yearTo: 2020 })))).toEqual(all);
    expect(all.length).toBeGreaterThan(1);
  });

  it("applies organisation kinds to organisations only and status to projects only", () => {
    const keys = visibleKeys(index, filters({ orgKinds: ["cooperative"], status: ["completed"] }));
    expect(entities(keys)).toEqual(["organisation:digidem-lab", "project:civic-tech-platform"]);
  });

  it("filters projects by active years, letting projects without years pass", () => {
    expect(entities(visibleKeys(index, filters({ kinds: ["project"], yearFrom: 2022 })))).toEqual(["project:open-up"]);
    expect(entities(visibleKeys(index, filters({ kinds: ["project"], yearFrom: 2021, yearTo: 2021 })))).toEqual([
      "project:civic-tech-platform",
      "project:open-up",
    ]);
  });

  it("focuses on a node's neighbourhood, one or two steps out", () => {
    const one = visibleKeys(index, EMPTY_FILTERS, "organisation:digidem-lab", 1);
    expect([...one].sort()).toEqual([
      "organisation:digidem-lab",
      "project:civic-tech-platform",
      "region:14",
      "skill:facilitation",
      "topic:participation",
    ]);
    const two = visibleKeys(index, EMPTY_FILTERS, "organisation:digidem-lab", 2);
    expect(two.has("organisation:open-knowledge-sweden")).toBe(true);
    expect(two.has("organisation:civic-tech-goteborg")).toBe(true);
    expect(two.has("project:open-up")).toBe(false);
  });
});

describe("facetCounts", () => {
  it("counts, per value, the entities the choice would show, given the other facets", () => {
    const counts = facetCounts(index, filters({ regions: ["14"] }));
    expect(counts.topics.get("open-data")).toBe(1);
    expect(counts.topics.get("participation")).toBe(2);
    // The region facet ignores its own selection: Stockholm still shows what it would give.
    expect(counts.regions.get("01")).toBe(2);
    expect(counts.kinds.get("organisation")).toBe(2);
    expect(counts.kinds.get("project")).toBe(1);
  });
});

describe("withExpanded", () => {
  it("adds an expanded node's neighbours to a focused view, within what the filters allow", () => {
    const focused = visibleKeys(index, EMPTY_FILTERS, "organisation:digidem-lab", 1);
    const allowed = visibleKeys(index, EMPTY_FILTERS);
    const expanded = withExpanded(index, focused, ["project:civic-tech-platform"], allowed);
    expect(expanded.has("organisation:open-knowledge-sweden")).toBe(true);
    expect(expanded.has("organisation:vinnova")).toBe(true);
    expect(withExpanded(index, focused, ["project:open-up"], allowed)).toEqual(focused);
  });
});

describe("knownFilters", () => {
  it("drops topics, skills and län the graph does not know, keeping the rest", () => {
    const f = filters({ topics: ["open-data", "renamed-topic"], regions: ["99"], skills: ["facilitation"] });
    expect(knownFilters(index, f)).toEqual({ ...f, topics: ["open-data"], regions: [] });
    const clean = filters({ topics: ["open-data"] });
    expect(knownFilters(index, clean)).toBe(clean);
  });
});

describe("events in the client's filters", () => {
  const withEvents = buildFacetIndex(graphSnapshot(buildGraph(datasetWithEvents()), 1));
  const events = (f: Partial<Filters>) =>
    [...visibleKeys(withEvents, filters(f))].filter((k) => k.startsWith("event:")).sort();

  it("filter events by kind, by event kind, by years held and by län, as the server's export filter does", () => {
    expect(events({ kinds: ["event"] })).toEqual(["event:hackathon-2", "event:open-data-lab"]);
    expect(events({ eventKinds: ["workshop"] })).toEqual(["event:open-data-lab"]);
    expect(events({ yearFrom: 2019 })).toEqual(["event:open-data-lab"]);
    expect(events({ yearTo: 2018 })).toEqual(["event:hackathon-2"]);
    expect(events({ regions: ["14"] })).toEqual(["event:hackathon-2"]);
    // Facets about other kinds leave events alone.
    expect(events({ status: ["completed"] })).toEqual(["event:hackathon-2", "event:open-data-lab"]);
  });

  it("count each event kind for the facet", () => {
    const counts = facetCounts(withEvents, EMPTY_FILTERS);
    expect(Object.fromEntries(counts.eventKinds)).toEqual({ hackathon: 1, workshop: 1 });
    expect(counts.kinds.get("event")).toBe(2);
  });
});
