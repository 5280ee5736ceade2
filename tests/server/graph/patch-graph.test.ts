/** patchGraph must give exactly buildGraph's graph (nodes, edges, their order and attributes) for any set of writes. */
import { describe, expect, it } from "vitest";
import { readTaxonomy } from "../../../server/cli/generate";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { Random } from "../../../server/generate/random";
import { buildGraph, patchGraph } from "../../../server/graph/build";
import { nodeKey } from "../../../server/graph/model";
import type { PartnerGraph } from "../../../server/graph/partner-graph";
import { UnknownGraphNodeError } from "../../../server/graph/partner-graph";
import { patchDataset } from "../../../server/live/patch-dataset";
import type { WrittenEntity } from "../../../server/store/store";
import type { Dataset } from "../../../shared/schema/dataset";
import { organisation, project, smallDataset } from "../../fixtures/dataset";

function expectSameGraph(actual: PartnerGraph, expected: PartnerGraph) {
  expect(actual.nodes()).toEqual(expected.nodes());
  expect(actual.edges()).toEqual(expected.edges());
  const edgesOf = (g: PartnerGraph) => {
    const all: unknown[] = [];
    g.forEachEdge((key, attributes, source, target) => all.push([key, attributes, source, target]));
    return all;
  };
  expect(edgesOf(actual)).toEqual(edgesOf(expected));
  for (const key of expected.nodes()) {
    expect(actual.getNodeAttributes(key)).toEqual(expected.getNodeAttributes(key));
    expect(actual.outDegree(key)).toBe(expected.outDegree(key));
    expect(actual.inDegree(key)).toBe(expected.inDegree(key));
  }
}

const keysOf = (written: WrittenEntity[]) =>
  new Set(written.map((w) => nodeKey(w.kind === "funding-call" ? "project" : w.kind, w.id)));

describe("patchGraph", () => {
  it("equals buildGraph after random creates, updates and deletes of projects and organisations", () => {
    const random = Random.fromSeed(21);
    let data: Dataset = generateDataset({ projects: 50, organisations: 70, seed: 4 }, readTaxonomy("data"));
    let graph = buildGraph(data);
    const topics = data.topics.map((t) => t.id);
    for (let round = 0; round < 25; round++) {
      const written: WrittenEntity[] = [];
      for (let k = random.int(1, 4); k > 0; k--) {
        const orgs = data.organisations.map((o) => o.id);
        const roll = random.below(5);
        if (roll === 0) {
          const id = `new-org-${round}-${k}`;
          written.push({ kind: "organisation", id, record: organisation(id, { topics: [topics[k] as string] }) });
        } else if (roll === 1) {
          const id = `new-project-${round}-${k}`;
          const partners = [...new Set([orgs[random.below(orgs.length)] as string])];
          written.push({ kind: "project", id, record: project(id, { partners, topics: [topics[0] as string] }) });
        } else if (roll === 2) {
          const p = data.projects[random.below(data.projects.length)];
          if (p)
            written.push({ kind: "project", id: p.id, record: { ...p, topics: p.topics.slice(1), lead: undefined } });
        } else if (roll === 3) {
          const p = data.projects[random.below(data.projects.length)];
          if (p) written.push({ kind: "project", id: p.id, record: null });
        } else {
          const o = data.organisations[random.below(data.organisations.length)];
          if (o) written.push({ kind: "organisation", id: o.id, record: { ...o, skills: [], name: `${o.name}!` } });
        }
      }
      data = patchDataset(data, written);
      const patched = patchGraph(graph, data, keysOf(written));
      expectSameGraph(patched, buildGraph(data));
      graph = patched;
    }
  });

  it("rebuilds when a topic changes, and keeps unchanged nodes' attribute objects otherwise", () => {
    const data = smallDataset();
    const graph = buildGraph(data);
    const renamed = patchDataset(data, [
      { kind: "topic", id: "open-data", record: { ...data.topics[0], label: { sv: "Data", en: "Data" } } },
    ]);
    expectSameGraph(patchGraph(graph, renamed, new Set(["topic:open-data"])), buildGraph(renamed));
    const edited = patchDataset(data, [{ kind: "project", id: "open-up", record: project("open-up") }]);
    const patched = patchGraph(graph, edited, new Set(["project:open-up"]));
    expect(patched.getNodeAttributes("organisation:vinnova")).toBe(graph.getNodeAttributes("organisation:vinnova"));
    expectSameGraph(patched, buildGraph(edited));
  });

  it("throws a named error when a written record names a node that does not exist", () => {
    const data = smallDataset();
    const broken = patchDataset(data, [
      { kind: "project", id: "open-up", record: project("open-up", { partners: ["nobody"] }) },
    ]);
    expect(() => patchGraph(buildGraph(data), broken, new Set(["project:open-up"]))).toThrow(UnknownGraphNodeError);
    expect(() => patchGraph(buildGraph(data), broken, new Set(["project:open-up"]))).toThrow(
      'The graph has no node "organisation:nobody"',
    );
  });
});
