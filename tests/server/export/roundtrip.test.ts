/**
 * Round trips through the real readers: each export, parsed back with graphology-gexf, graphology-graphml, graphology's
 * own import (JSON) and papaparse (CSV), gives the same nodes, edges and attributes, escaping included.
 */
import { DirectedGraph, MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EDGE_COLUMNS } from "../../../server/export/columns";
import { EDGE_CSV_HEADER, NODE_CSV_HEADER, writeEdgesCsv, writeNodesCsv } from "../../../server/export/csv";
import { writeGexf } from "../../../server/export/gexf";
import { writeGraphml } from "../../../server/export/graphml";
import { writeJson } from "../../../server/export/json";
import { edgeWeight } from "../../../server/graph/metrics";
import { expectedNodes, exportSource, TRICKY_NAME_WRITTEN, text } from "./fixture";

const source = exportSource();
const { graph } = source;
const expectedEdges = () => {
  const expected: Record<string, unknown> = {};
  graph.forEachEdge((key, attrs, s, t) => {
    expected[key] = {
      source: s,
      target: t,
      attributes: {
        relation: attrs.type,
        weight: edgeWeight(attrs.type),
        ...(attrs.fundingCall ? { funding_call: attrs.fundingCall.id } : {}),
      },
    };
  });
  return expected;
};
const edgesOf = (g: DirectedGraph) =>
  Object.fromEntries(g.mapEdges((key, attributes, source, target) => [key, { source, target, attributes }]));
const nodesOf = (g: DirectedGraph) => Object.fromEntries(g.mapNodes((key, attrs) => [key, attrs]));

/** graphology-gexf reads viz:color r, g, b as "rgb(r,g,b)"; the writers write r, g, b, valid in both GEXF versions. */
const asGexfColor = (name: string, v: unknown) => {
  if (name !== "color") return v;
  const hex = String(v);
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
};

describe.each([
  // 1.2 lists are liststring values with "|" between items, which graphology splits (a "|" in an item stays %7C).
  [
    "1.2",
    (name: string, v: unknown) => (Array.isArray(v) ? v.map((x) => x.replaceAll("|", "%7C")) : asGexfColor(name, v)),
  ],
  ["1.3", asGexfColor],
] as const)("GEXF %s round trip (graphology-gexf)", (version, map) => {
  const doc = text(writeGexf(source, version));
  const parsed = parseGexf(MultiDirectedGraph, doc, { respectInputGraphType: true });

  it("declares its version and namespace", () => {
    const ns = version === "1.2" ? "http://www.gexf.net/1.2draft" : "http://gexf.net/1.3";
    expect(doc).toContain(`<gexf xmlns="${ns}" xmlns:viz="${ns}/viz" `);
    expect(doc).toContain(`version="${version}">`);
  });

  it("gives back every node with its typed attributes, viz included", () => {
    const expected = expectedNodes(source, map);
    // 1.2 requires a position's z (the flat map's is 0), and leaves empty lists out ("" would read as [""]).
    if (version === "1.2") {
      for (const attrs of Object.values(expected)) {
        attrs.z = 0;
        for (const [name, v] of Object.entries(attrs)) if (Array.isArray(v) && v.length === 0) delete attrs[name];
      }
    }
    expect(nodesOf(parsed)).toEqual(expected);
  });

  it("gives back every edge with its relation, weight and funding call", () => {
    expect(edgesOf(parsed)).toEqual(expectedEdges());
  });

  it("keeps escaped text intact and carries the provenance in its meta", () => {
    expect(parsed.getNodeAttribute("organisation:civic-tech-goteborg", "label")).toBe(TRICKY_NAME_WRITTEN);
    expect(parsed.getNodeAttribute("organisation:civic-tech-goteborg", "sources")).toEqual(
      version === "1.2"
        ? ["https://example.org/a?x=1&y=2", "https://example.org/b%7Cc"]
        : ["https://example.org/a?x=1&y=2", "https://example.org/b|c"],
    );
    expect(parsed.getAttribute("creator")).toBe("Partnerkartan");
    expect(parsed.getAttribute("description")).toContain("data version 3 (seed)");
    expect(parsed.getAttribute("description")).toContain("2026-11-27T10:00:00.000Z");
    expect(parsed.getAttribute("description")).toContain("licence: Facts gathered from the public sources");
    expect(parsed.getAttribute("lastModifiedDate")).toBe("2026-11-27");
  });
});

describe("GraphML round trip (graphology-graphml)", () => {
  const parsed = parseGraphml(MultiDirectedGraph, text(writeGraphml(source)));

  it("gives back every node with its declared types, lists as '|'-separated text", () => {
    const asGraphml = (_name: string, v: unknown) =>
      Array.isArray(v) ? v.map((x) => x.replaceAll("|", "%7C")).join("|") : v;
    expect(nodesOf(parsed as MultiDirectedGraph)).toEqual(expectedNodes(source, asGraphml));
  });

  it("gives back every edge", () => {
    expect(edgesOf(parsed as MultiDirectedGraph)).toEqual(expectedEdges());
  });

  it("carries the provenance as typed graph data", () => {
    expect(parsed.getAttributes()).toMatchObject({
      id: "partnerkartan",
      generator: "Partnerkartan",
      exported_at: "2026-11-27T10:00:00.000Z",
      data_version: 3,
      data_origin: "seed",
    });
    expect(parsed.getAttribute("licence")).toMatch(/public sources/);
  });
});

describe("JSON round trip (graphology's import)", () => {
  const json = JSON.parse(text(writeJson(source)));
  const parsed = DirectedGraph.from(json);

  it("is graphology's serialisation: the same nodes, edges and attributes", () => {
    expect(parsed.type).toBe("directed");
    expect(nodesOf(parsed)).toEqual(expectedNodes(source));
    expect(edgesOf(parsed)).toEqual(expectedEdges());
  });

  it("carries the provenance as graph attributes", () => {
    expect(parsed.getAttributes()).toMatchObject({ data_version: 3, exported_at: "2026-11-27T10:00:00.000Z" });
  });
});

describe("CSV round trip (papaparse)", () => {
  const nodes = Papa.parse<Record<string, string>>(text(writeNodesCsv(source)), { header: true, skipEmptyLines: true });
  const edges = Papa.parse<Record<string, string>>(text(writeEdgesCsv(source)), { header: true, skipEmptyLines: true });

  it("parses without errors, one row per node and edge, with the header first", () => {
    expect(nodes.errors).toEqual([]);
    expect(edges.errors).toEqual([]);
    expect(nodes.meta.fields).toEqual(NODE_CSV_HEADER);
    expect(edges.meta.fields).toEqual(EDGE_CSV_HEADER);
    expect(nodes.data.map((r) => r.id)).toEqual(graph.nodes());
    expect(edges.data.map((r) => r.id)).toEqual(graph.edges());
  });

  it("gives back every value as text, lists '|'-separated, and the provenance on each row", () => {
    const asText = (_name: string, v: unknown) =>
      Array.isArray(v) ? v.map((x) => x.replaceAll("|", "%7C")).join("|") : String(v);
    const expected = expectedNodes(source, asText);
    for (const row of nodes.data) {
      const { id, data_version, exported_at, licence, ...rest } = row;
      const nonEmpty = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ""));
      expect(nonEmpty, id).toEqual(
        Object.fromEntries(Object.entries(expected[id as string] ?? {}).filter(([, v]) => v !== "")),
      );
      expect([data_version, exported_at]).toEqual(["3", "2026-11-27T10:00:00.000Z"]);
      expect(licence).toMatch(/public sources/);
    }
    expect(nodes.data.find((r) => r.id === "organisation:civic-tech-goteborg")?.label).toBe(TRICKY_NAME_WRITTEN);
    const funded = edges.data.find((r) => r.relation === "funded-by");
    expect(funded).toMatchObject({ funding_call: "vinnova-civic-tech-2019", weight: "1", data_version: "3" });
    expect(edges.data.find((r) => r.relation === "leads")?.weight).toBe("2");
    expect(EDGE_COLUMNS.map((c) => c.name)).toEqual(["relation", "weight", "funding_call"]);
  });
});
