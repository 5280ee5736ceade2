/**
 * `npm run test:interop`: exports through the real HTTP URLs (the real seed data, a filtered and a focused part of it,
 * and a fixture of names that need escaping; GEXF in its default 1.2 and as 1.3), asks the API what they should hold,
 * then has networkx and igraph
 * (Debian's python3-networkx and python3-igraph, run with /usr/bin/python3 or $PYTHON) read every file and compare:
 * tests/interop/check_exports.py. Exits non-zero on any mismatch.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DirectedGraph } from "graphology";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "../integration/server-helpers";
import { exportDataset } from "../server/export/fixture";

const root = join(import.meta.dirname, "..", "..");
const python = process.env.PYTHON ?? "/usr/bin/python3";
/** Saved as, and the export URL's file and own parameter. */
const FILES = [
  ["graph.gexf", "graph.gexf", ""],
  ["graph-1.3.gexf", "graph.gexf", "version=1.3"],
  ["graph.graphml", "graph.graphml", ""],
  ["graph.json", "graph.json", ""],
  ["nodes.csv", "nodes.csv", ""],
  ["edges.csv", "edges.csv", ""],
] as const;

interface Case {
  name: string;
  server: RunningServer;
  query: string;
  whole: boolean;
}

async function download(c: Case, dir: string): Promise<void> {
  const folder = join(dir, c.name);
  mkdirSync(folder, { recursive: true });
  for (const [saveAs, file, own] of FILES) {
    const query = [c.query, own].filter((q) => q !== "").join("&");
    const response = await fetch(`${c.server.url}/api/export/${file}${query ? `?${query}` : ""}`);
    if (!response.ok) throw new Error(`${c.name}: ${saveAs}: HTTP ${response.status}: ${await response.text()}`);
    writeFileSync(join(folder, saveAs), Buffer.from(await response.arrayBuffer()));
  }
  // What the files should hold, from the API: the exported graph as graphology reads it, and node details.
  const api = clientFor(c.server.url);
  const json = await (await fetch(`${c.server.url}/api/export/graph.json${c.query ? `?${c.query}` : ""}`)).json();
  const graph = DirectedGraph.from(json);
  const snapshot = await api.graph.snapshot.query();
  const byKey = new Map(snapshot.nodes.map((n) => [n.key, n]));
  const keys = graph.nodes();
  const picked = [
    ...new Set([
      keys[0],
      keys[Math.floor(keys.length / 2)],
      keys[keys.length - 1],
      ...keys.filter((_, i) => i % 17 === 0),
    ]),
  ]
    .filter((k): k is string => k !== undefined)
    .slice(0, 12);
  const sampleNodes: Record<string, unknown> = {};
  for (const key of picked) {
    const node = byKey.get(key);
    if (!node) throw new Error(`${c.name}: ${key} is in the export but not in graph.snapshot`);
    const details = await api.node.byId.query({ id: key });
    const record = details.record as { sources?: string[] };
    sampleNodes[key] = {
      kind: node.kind,
      label: node.label.sv,
      label_en: node.label.en,
      entity_id: key.slice(key.indexOf(":") + 1),
      degree: node.degree,
      degreeInFile: graph.degree(key),
      pagerank: graph.getNodeAttribute(key, "pagerank"),
      community: graph.getNodeAttribute(key, "community"),
      sources: record.sources ?? [],
    };
  }
  const sampleEdges = graph
    .edges()
    .filter((_, i) => i % 29 === 0)
    .slice(0, 20)
    .map((e) => ({
      source: graph.source(e),
      target: graph.target(e),
      relation: graph.getEdgeAttribute(e, "relation"),
    }));
  const expected = {
    nodes: c.whole ? snapshot.nodes.length : graph.order,
    edges: c.whole ? snapshot.edges.length : graph.size,
    dataVersion: snapshot.dataVersion,
    metricsExact: c.whole && String(graph.getAttribute("metrics")).includes("betweenness exact"),
    sampleNodes,
    sampleEdges,
  };
  writeFileSync(join(folder, "expected.json"), JSON.stringify(expected, null, 2));
  console.log(`${c.name}: ${expected.nodes} nodes, ${expected.edges} edges${c.query ? ` (${c.query})` : ""}`);
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "partnerkartan-interop-"));
  const seed = await startTestServer(join(root, "data"), tempDatabasePath());
  const tricky = await startTestServer(writeDataDir(exportDataset({ storable: true })), tempDatabasePath());
  const small = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  try {
    const hub = (await clientFor(seed.url).graph.snapshot.query({ kinds: ["organisation"] })).nodes.sort(
      (a, b) => b.degree - a.degree,
    )[0]?.key;
    const cases: Case[] = [
      { name: "seed", server: seed, query: "", whole: true },
      { name: "seed-filtered", server: seed, query: "kinds=project,organisation,region&regions=01,14", whole: false },
      { name: "seed-focus", server: seed, query: `focus=${hub}&hops=2`, whole: false },
      { name: "escaping", server: tricky, query: "", whole: true },
      { name: "small", server: small, query: "", whole: true },
    ];
    for (const c of cases) await download(c, dir);
    const result = spawnSync(python, [join(import.meta.dirname, "check_exports.py"), dir], { stdio: "inherit" });
    if (result.error) {
      console.error(
        `Cannot run ${python} (${result.error.message}): apt-get install -y python3 python3-networkx python3-igraph`,
      );
      return 1;
    }
    return result.status ?? 1;
  } finally {
    await Promise.all([seed.close(), tricky.close(), small.close()]);
    if (process.env.KEEP_INTEROP) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
