/**
 * Pins what the writers promise besides round trips: they stream (lazy generators, ~64 KB chunks, nothing read ahead),
 * text is escaped for XML and CSV, filtered exports hold the subgraph with whole-graph metrics, download names carry
 * the date, the colours are the app's, and the UI's links point at the export URLs.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EXPORT_LINKS, exportUrl } from "../../../client/features/export/export-links";
import { KIND_STYLES } from "../../../client/graph-view/kind-style";
import { readTaxonomy } from "../../../server/cli/generate";
import { writeEdgesCsv, writeNodesCsv } from "../../../server/export/csv";
import { downloadName, EXPORT_FILE_NAMES, EXPORT_FILES } from "../../../server/export/formats";
import { writeGexf } from "../../../server/export/gexf";
import { writeGraphml } from "../../../server/export/graphml";
import { CHUNK_CHARS, chunked, joinList, xml } from "../../../server/export/text";
import { KIND_COLORS, sizeOf } from "../../../server/export/viz";
import { generateDataset } from "../../../server/generate/generate-dataset";
import { buildGraph } from "../../../server/graph/build";
import { csvCell } from "../../../shared/csv";
import { NODE_KINDS } from "../../../shared/schema/graph";
import { EMPTY_GRAPH_FILTER } from "../../../shared/schema/graph-filter";
import { exportSource, text } from "./fixture";

describe("escaping", () => {
  it("escapes XML specials, keeps tabs and line breaks as references, drops what XML cannot carry", () => {
    expect(xml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
    expect(xml("rad 1\nrad 2\tflik\r")).toBe("rad 1&#10;rad 2&#9;flik&#13;");
    expect(xml("bell\u0007 nul\u0000 lone\uD800 ok😀")).toBe("bell nul lone ok😀");
  });

  it("quotes CSV fields only when needed and doubles quotes; list items keep their own '|' as %7C", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(joinList(["a", "b|c"])).toBe("a|b%7Cc");
  });
});

describe("streaming", () => {
  const data = generateDataset({ projects: 2000, organisations: 3000, seed: 2 }, readTaxonomy("data"));
  const big = exportSource(EMPTY_GRAPH_FILTER, buildGraph(data));

  it("yields the document piece by piece: the first chunk comes before the writer has read most of the graph", () => {
    for (const name of EXPORT_FILE_NAMES) {
      let nodesRead = 0;
      const graph = big.graph;
      const counting = new Proxy(graph, {
        get(target, prop, receiver) {
          if (prop === "nodeEntries")
            return function* () {
              for (const entry of target.nodeEntries()) {
                nodesRead++;
                yield entry;
              }
            };
          const value = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const chunks = chunked(EXPORT_FILES[name].write({ ...big, graph: counting }));
      const first = chunks.next();
      expect(first.done, name).toBe(false);
      expect((first.value as string).length, name).toBeGreaterThanOrEqual(CHUNK_CHARS);
      expect((first.value as string).length, name).toBeLessThan(CHUNK_CHARS * 2);
      if (name !== "edges.csv") expect(nodesRead, name).toBeLessThan(graph.order / 4);
      chunks.return(undefined);
    }
  });

  it("chunks add up to the whole document", () => {
    const whole = text(writeGexf(big));
    const pieces = [...chunked(writeGexf(big))];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(whole);
  });
});

describe("filtered exports", () => {
  it("hold the filtered subgraph, with metrics of the whole graph and the filter in the provenance", () => {
    const whole = exportSource();
    const part = exportSource({ ...EMPTY_GRAPH_FILTER, kinds: ["project", "organisation"], regions: ["14"] });
    expect(part.graph.order).toBeLessThan(whole.graph.order);
    expect(part.graph.nodes().every((k) => k.startsWith("project:") || k.startsWith("organisation:"))).toBe(true);
    expect(part.provenance.filter).toBe("kinds=project,organisation&regions=14");
    const metricsOf = (csv: string) => {
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      const row = rows.find((r) => r.id === "organisation:digidem-lab");
      return [row?.degree, row?.betweenness, row?.pagerank, row?.community];
    };
    expect(metricsOf(text(writeNodesCsv(part)))).toEqual(metricsOf(text(writeNodesCsv(whole))));
    expect(metricsOf(text(writeNodesCsv(part)))[0]).toBe("4");
    const edges = text(writeEdgesCsv(part)).trim().split("\n");
    expect(edges).toHaveLength(1 + part.graph.size);
  });

  it("declare every GraphML key before the graph, with its type", () => {
    const doc = text(writeGraphml(exportSource()));
    const keys = [...doc.matchAll(/<key id="(\w+)" for="(\w+)" attr.name="(\w+)" attr.type="(\w+)"\/>/g)];
    expect(doc.indexOf("<graph ")).toBeGreaterThan(doc.lastIndexOf("<key "));
    expect(keys.map((k) => [k[1], k[4]])).toContainEqual(["n_degree", "int"]);
    expect(keys.map((k) => [k[1], k[4]])).toContainEqual(["n_pagerank", "double"]);
    expect(keys.map((k) => [k[1], k[4]])).toContainEqual(["n_national", "boolean"]);
    expect(keys.map((k) => k[3])).not.toContain("id");
    const used = new Set([...doc.matchAll(/<data key="(\w+)">/g)].map((m) => m[1]));
    for (const key of used) expect(keys.map((k) => k[1])).toContain(key);
  });
});

describe("names, colours and links", () => {
  it("names downloads by content, filter and date", () => {
    expect(downloadName("graph.gexf", "2026-11-27T10:00:00.000Z", false)).toBe("partnerkartan-graph-2026-11-27.gexf");
    expect(downloadName("nodes.csv", "2026-11-27T10:00:00.000Z", true)).toBe(
      "partnerkartan-nodes-filtered-2026-11-27.csv",
    );
  });

  it("colours each kind as the app does, and sizes by PageRank within bounds", () => {
    for (const kind of NODE_KINDS) expect(KIND_COLORS[kind]).toBe(KIND_STYLES[kind].color);
    expect(sizeOf(0, 0.1)).toBe(4);
    expect(sizeOf(0.1, 0.1)).toBe(40);
    expect(sizeOf(0.025, 0.1)).toBe(22);
  });

  it("links the UI's menu to every export URL, with the filter as query", () => {
    expect([...new Set(EXPORT_LINKS.map((l) => l.file))].sort()).toEqual([...EXPORT_FILE_NAMES].sort());
    expect(exportUrl("graph.gexf", "?kinds=project&regions=14")).toBe(
      "/api/export/graph.gexf?kinds=project&regions=14",
    );
    const gexf13 = EXPORT_LINKS.find((l) => l.label === "gexf13");
    expect(exportUrl("graph.gexf", "?kinds=project", gexf13?.query)).toBe(
      "/api/export/graph.gexf?kinds=project&version=1.3",
    );
    expect(exportUrl("graph.gexf", "", gexf13?.query)).toBe("/api/export/graph.gexf?version=1.3");
    expect(exportUrl("nodes.csv", "")).toBe("/api/export/nodes.csv");
  });
});
