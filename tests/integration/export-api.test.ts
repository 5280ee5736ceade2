/**
 * Pins the export URLs over real HTTP: every file downloads with its media type and a dated file name, parses with
 * the real readers to the same counts as graph.snapshot, honours the filter parameters, and a bad parameter is a 400
 * naming it.
 */
import { DirectedGraph, MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

let server: RunningServer;
let api: ReturnType<typeof clientFor>;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  api = clientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`);
const today = () => new Date().toISOString().slice(0, 10);

describe("export URLs", () => {
  it.each([
    ["graph.gexf", "application/gexf+xml", "gexf"],
    ["graph.graphml", "application/graphml+xml", "graphml"],
    ["graph.json", "application/json", "json"],
    ["nodes.csv", "text/csv", "csv"],
    ["edges.csv", "text/csv", "csv"],
  ])("/api/export/%s downloads as %s with a dated file name", async (file, type, extension) => {
    const response = await get(`/api/export/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(type);
    expect(response.headers.get("content-type")).toContain("charset=utf-8");
    const part = file.split(".")[0] === "graph" ? "graph" : file.split(".")[0];
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="partnerkartan-${part}-${today()}.${extension}"`,
    );
    expect(response.headers.get("x-data-version")).toBe("1");
    expect((await response.text()).length).toBeGreaterThan(100);
  });

  it("every format holds the same nodes and edges as graph.snapshot", async () => {
    const snapshot = await api.graph.snapshot.query();
    const gexf = parseGexf(MultiDirectedGraph, await (await get("/api/export/graph.gexf")).text());
    const graphml = parseGraphml(MultiDirectedGraph, await (await get("/api/export/graph.graphml")).text());
    const json = DirectedGraph.from(await (await get("/api/export/graph.json")).json());
    const nodes = Papa.parse<Record<string, string>>(await (await get("/api/export/nodes.csv")).text(), {
      header: true,
      skipEmptyLines: true,
    });
    const edges = Papa.parse<Record<string, string>>(await (await get("/api/export/edges.csv")).text(), {
      header: true,
      skipEmptyLines: true,
    });
    const nodeKeys = snapshot.nodes.map((n) => n.key).sort();
    const edgeKeys = snapshot.edges.map((e) => e.key).sort();
    for (const g of [gexf, graphml, json]) {
      expect(g.nodes().sort()).toEqual(nodeKeys);
      expect(g.edges().sort()).toEqual(edgeKeys);
    }
    expect(nodes.data.map((r) => r.id).sort()).toEqual(nodeKeys);
    expect(edges.data.map((r) => r.id).sort()).toEqual(edgeKeys);
    // Metrics and provenance travel with every format.
    const degreeOf = (key: string) => snapshot.nodes.find((n) => n.key === key)?.degree;
    expect(gexf.getNodeAttribute("project:civic-tech-platform", "degree")).toBe(
      degreeOf("project:civic-tech-platform"),
    );
    expect(graphml.getNodeAttribute("project:civic-tech-platform", "degree")).toBe(
      degreeOf("project:civic-tech-platform"),
    );
    expect(json.getNodeAttribute("organisation:digidem-lab", "pagerank")).toBeGreaterThan(0);
    expect(nodes.data.find((r) => r.id === "organisation:vinnova")?.sources).toBe("https://example.org/source");
    expect(json.getAttribute("data_version")).toBe(1);
  });

  it("applies the filter parameters and says so in the file name and the provenance", async () => {
    const response = await get("/api/export/graph.json?kinds=project,organisation&regions=14");
    expect(response.headers.get("content-disposition")).toContain(`partnerkartan-graph-filtered-${today()}.json`);
    const g = DirectedGraph.from(await response.json());
    expect(g.nodes().sort()).toEqual([
      "organisation:civic-tech-goteborg",
      "organisation:digidem-lab",
      "project:civic-tech-platform",
    ]);
    expect(g.getAttribute("filter")).toBe("kinds=project,organisation&regions=14");
    const focus = await get("/api/export/nodes.csv?focus=organisation:digidem-lab&hops=1");
    expect(focus.headers.get("x-node-count")).toBe("5");
  });

  it.each([
    ["kinds=projekt", "kinds", 'kinds: "projekt" is not a node kind'],
    ["hops=9", "hops", "hops: must be 1, 2 or 3"],
    ["regoins=01", "regoins", 'unknown parameter "regoins"'],
    ["topics=no-such-topic", "topics", 'topics: no topic "no-such-topic" in the graph'],
    ["focus=project:nope", "focus", 'focus: no node "project:nope" in the graph'],
    ["from=2022&to=2020", "to", "to: must not be before from"],
  ])("?%s is HTTP 400 naming %s", async (query, param, message) => {
    const response = await get(`/api/export/graph.gexf?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toContain(message);
    expect(body.issues.map((i: { param: string }) => i.param)).toContain(param);
  });

  it("unknown export files are 404", async () => {
    expect((await get("/api/export/graph.xlsx")).status).toBe(404);
  });
});
