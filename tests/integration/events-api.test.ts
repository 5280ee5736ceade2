/**
 * Events and ties over real HTTP, seeded from data files: the snapshot, node details, search, and the exports with
 * `kinds=event` (CSV rows with the event columns, GEXF read back with graphology's reader, tie edges in edges.csv).
 */

import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { datasetWithEvents, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

let server: RunningServer;
let api: ReturnType<typeof clientFor>;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(datasetWithEvents()), tempDatabasePath());
  api = clientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`);
const csv = async (path: string) =>
  Papa.parse<Record<string, string>>(await (await get(path)).text(), { header: true, skipEmptyLines: true }).data;

describe("events over the API", () => {
  it("graph.snapshot and node.byId show events with their organisers", async () => {
    const snap = await api.graph.snapshot.query({ kinds: ["event"] });
    expect(snap.nodes.map((n) => n.key).sort()).toEqual(["event:hackathon-2", "event:open-data-lab"]);
    const d = await api.node.byId.query({ id: "event:hackathon-2" });
    expect(d.node.eventKind).toBe("hackathon");
    expect(d.neighbours.find((g) => g.relation === "organised-by")?.nodes.map((n) => n.key)).toEqual([
      "organisation:civic-tech-goteborg",
    ]);
  });

  it("search.query finds an event", async () => {
    const hits = await api.search.query.query({ q: "hackathon" });
    expect(hits[0]?.node.key).toBe("event:hackathon-2");
  });

  it("/api/export/nodes.csv?kinds=event holds the events with kind, dates, place and län", async () => {
    const rows = await csv("/api/export/nodes.csv?kinds=event");
    expect(rows.map((r) => r.id)).toEqual(["event:hackathon-2", "event:open-data-lab"]);
    expect(rows[0]).toMatchObject({
      kind: "event",
      event_kind: "hackathon",
      start_date: "2018-09-02",
      online: "false",
      city: "Göteborg",
      regions: "14",
    });
    expect(rows[1]).toMatchObject({ event_kind: "workshop", end_date: "2025-03-02", online: "true" });
  });

  it("a GEXF export with kinds=event,organisation reads back with the event edges", async () => {
    const text = await (await get("/api/export/graph.gexf?kinds=event,organisation")).text();
    const g = parseGexf(MultiDirectedGraph, text);
    const types = new Set(g.mapEdges((_e, attrs) => attrs.relation as string));
    expect(types).toEqual(new Set(["organised-by", "event-partner", "partner-of", "member-of"]));
  });

  it("edges.csv lists organisation ties with their relation", async () => {
    const rows = await csv("/api/export/edges.csv?kinds=organisation");
    expect(rows.map((r) => `${r.source} ${r.relation} ${r.target}`).sort()).toEqual([
      "organisation:digidem-lab partner-of organisation:civic-tech-goteborg",
      "organisation:open-knowledge-sweden member-of organisation:civic-tech-goteborg",
    ]);
  });
});
