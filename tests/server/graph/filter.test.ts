/**
 * Pins the server's graph filter: the parameters' validation (shared/schema/graph-filter.ts), the rules on a small
 * graph with the expected nodes beside each filter, and agreement with the UI's own filter on a synthetic graph, so an
 * export holds exactly what the view shows.
 */
import { describe, expect, it } from "vitest";
import { buildFacetIndex, visibleKeys } from "../../../client/state/graph-filter";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { Random } from "../../../server/generate/random";
import { buildGraph } from "../../../server/graph/build";
import { filteredNodeKeys, filterGraph, UnknownFilterValueError } from "../../../server/graph/filter";
import { graphSnapshot } from "../../../server/graph/snapshot";
import {
  EMPTY_GRAPH_FILTER,
  type GraphFilter,
  GraphFilterError,
  graphFilterToQuery,
  parseGraphFilter,
  queryRecord,
} from "../../../shared/schema/graph-filter";
import { ORGANISATION_KINDS } from "../../../shared/schema/organisation";
import { PROJECT_STATUSES } from "../../../shared/schema/project";
import { smallDataset } from "../../fixtures/dataset";

const filter = (overrides: Partial<GraphFilter>): GraphFilter => ({ ...EMPTY_GRAPH_FILTER, ...overrides });
const graph = buildGraph(smallDataset());
const kept = (f: Partial<GraphFilter>) => [...filteredNodeKeys(graph, filter(f))].sort();

describe("parseGraphFilter", () => {
  it("ignores the app's view-only parameters, so the app's query string works after an export URL", () => {
    const filter = parseGraphFilter({
      regions: "25",
      lang: "en",
      node: "project:egenmakt",
      view: "list",
      layout: "geographic",
    });
    expect(filter.regions).toEqual(["25"]);
  });

  it("throws a GraphFilterError naming each bad parameter", () => {
    const error = (() => {
      try {
        parseGraphFilter({ kinds: "project,projekt", hops: "4", regoins: "01" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GraphFilterError);
    expect((error as GraphFilterError).issues.map((i) => i.param).sort()).toEqual(["hops", "kinds", "regoins"]);
    expect((error as GraphFilterError).message).toContain('kinds: "projekt" is not a node kind');
    expect((error as GraphFilterError).message).toContain('hops: must be 1, 2 or 3 (got "4")');
  });

  it.each([
    [{ regions: "1" }, "regions"],
    [{ topics: "Open Data" }, "topics"],
    [{ from: "2020", to: "2019" }, "to"],
    [{ from: "20x" }, "from"],
    [{ focus: "digidem-lab" }, "focus"],
    [{ hops: ["1", "2"] }, "hops"],
    [{ status: "done" }, "status"],
    [{ orgKinds: "club" }, "orgKinds"],
  ])("rejects %j naming %s", (query, param) => {
    expect(() => parseGraphFilter(query)).toThrow(new RegExp(`^Invalid filter: ${param}: `));
  });

  it("reads comma-separated and repeated lists alike, dropping repeats, and round-trips through the query", () => {
    const f = parseGraphFilter(
      queryRecord("kinds=project,organisation&kinds=project&regions=14&focus=project:x&hops=2"),
    );
    expect(f).toEqual(filter({ kinds: ["project", "organisation"], regions: ["14"], focus: "project:x", hops: 2 }));
    expect(parseGraphFilter(queryRecord(graphFilterToQuery(f)))).toEqual(f);
    expect(parseGraphFilter({})).toEqual(EMPTY_GRAPH_FILTER);
  });
});

describe("filterGraph", () => {
  it("throws an UnknownFilterValueError naming the parameter of a topic, län or focus the graph lacks", () => {
    expect(() => filterGraph(graph, filter({ topics: ["nope"] }))).toThrow(UnknownFilterValueError);
    expect(() => filterGraph(graph, filter({ regions: ["99"] }))).toThrow('regions: no region "99" in the graph');
    expect(() => filterGraph(graph, filter({ focus: "project:nope" }))).toThrow('focus: no node "project:nope"');
  });

  it("returns the graph itself, uncopied, for an empty filter", () => {
    expect(filterGraph(graph, EMPTY_GRAPH_FILTER)).toBe(graph);
  });

  it("keeps only the listed kinds, and the edges among them", () => {
    const sub = filterGraph(graph, filter({ kinds: ["project", "organisation"] }));
    expect(sub.order).toBe(6);
    const types = new Set<string>();
    sub.forEachEdge((_e, attrs) => types.add(attrs.type));
    expect([...types].every((type) => /leads|partner-in|funded-by/.test(type))).toBe(true);
    expect(sub.size).toBe(4);
  });

  it("regions keeps entities active in or covering them, and the taxonomy they link to or the filter names", () => {
    expect(kept({ regions: ["14"] })).toEqual([
      "organisation:civic-tech-goteborg",
      "organisation:digidem-lab",
      "project:civic-tech-platform",
      "region:01",
      "region:14",
      "skill:facilitation",
      "skill:ux-design",
      "topic:open-data",
      "topic:participation",
    ]);
  });

  it("organisation kinds leave projects alone; status and years leave organisations alone", () => {
    expect(kept({ orgKinds: ["cooperative"], kinds: ["organisation", "project"] })).toEqual([
      "organisation:digidem-lab",
      "project:civic-tech-platform",
      "project:open-up",
    ]);
    expect(kept({ status: ["completed"], kinds: ["project"] })).toEqual(["project:civic-tech-platform"]);
    // open-up has no years, so it passes any year range; civic-tech-platform ran 2020–2021.
    expect(kept({ from: 2022, kinds: ["project"] })).toEqual(["project:open-up"]);
    expect(kept({ from: 2021, to: 2030, kinds: ["project"] })).toEqual([
      "project:civic-tech-platform",
      "project:open-up",
    ]);
  });

  it("focus keeps the neighbourhood within hops, walking only through kept nodes", () => {
    expect(kept({ focus: "organisation:digidem-lab" })).toEqual([
      "organisation:digidem-lab",
      "project:civic-tech-platform",
      "region:14",
      "skill:facilitation",
      "topic:participation",
    ]);
    const two = kept({ focus: "organisation:digidem-lab", hops: 2 });
    expect(two).toContain("organisation:vinnova");
    expect(two).toContain("organisation:civic-tech-goteborg");
    expect(kept({ focus: "organisation:digidem-lab", hops: 2, kinds: ["organisation", "project"] })).toEqual([
      "organisation:digidem-lab",
      "organisation:open-knowledge-sweden",
      "organisation:vinnova",
      "project:civic-tech-platform",
    ]);
  });
});

describe("agreement with the UI's filter", () => {
  const data = generateDataset({ projects: 300, organisations: 400, seed: 5 }, readTaxonomy("data"));
  const big = buildGraph(data);
  const index = buildFacetIndex(graphSnapshot(big, 1));
  const random = Random.fromSeed(11);
  const some = <T>(items: readonly T[], p = 0.3) =>
    random.shuffle([...items]).slice(0, random.chance(p) ? random.int(1, 3) : 0);

  it("keeps the same nodes as visibleKeys for 200 random filters", () => {
    const nodes = big.nodes();
    const sizes = new Set<number>();
    for (let round = 0; round < 200; round++) {
      const f = filter({
        kinds: some(["project", "organisation", "topic", "skill", "region"] as const, 0.2),
        topics: some(data.topics.map((t) => t.id)),
        skills: some(data.skills.map((s) => s.id)),
        regions: some(data.regions.map((r) => r.code)),
        orgKinds: some(ORGANISATION_KINDS, 0.2),
        status: some(PROJECT_STATUSES, 0.2),
        from: random.chance(0.2) ? random.int(2015, 2024) : undefined,
        focus: random.chance(0.3) ? random.pick(nodes) : undefined,
        hops: random.int(1, 3) as 1 | 2 | 3,
      });
      const ui = visibleKeys(index, { ...f, yearFrom: f.from, yearTo: f.to }, f.focus, f.hops);
      const mine = [...filteredNodeKeys(big, f)].sort();
      expect(mine, JSON.stringify(f)).toEqual([...ui].sort());
      sizes.add(mine.length);
    }
    expect(sizes.size).toBeGreaterThan(50); // the filters really differ
  });
});
