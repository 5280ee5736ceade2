/**
 * Network metrics compute in a worker thread: while a synthetic graph's metrics are being computed (several
 * seconds), the real server over HTTP keeps answering /api/health quickly; then graph.metrics and node.byId have them.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTaxonomy } from "../../server/cli/generate";
import { generateDataset } from "../../server/generate/generate-dataset";
import type { RunningServer } from "../../server/http/server";
import { Store } from "../../server/store/store";
import { tempDatabasePath } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

const dataDir = join(import.meta.dirname, "..", "..", "data");
let server: RunningServer;
let nodes: number;

beforeAll(async () => {
  // ≈ 5 000 nodes / 50 000 edges: large enough to take seconds, small enough to set up in a few.
  const data = generateDataset({ projects: 2000, organisations: 3000, seed: 3 }, readTaxonomy(dataDir));
  nodes =
    data.regions.length +
    data.topics.length +
    data.skills.length +
    data.organisations.length +
    data.projects.length +
    data.events.length;
  const databasePath = tempDatabasePath();
  const store = new Store(databasePath);
  await store.importDataset(data, "synthetic");
  await store.close();
  server = await startTestServer(dataDir, databasePath);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("metrics in a worker thread", () => {
  it("leave the server answering /api/health while they compute", async () => {
    const api = clientFor(server.url);
    let done = false;
    const metrics = api.graph.metrics.query().finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    while (!done) {
      const start = performance.now();
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      if (!done) latencies.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const table = await metrics;
    expect(table.keys).toHaveLength(nodes);
    expect(table.about.betweenness.method).toBe("sampled");
    // Computed on the event loop this would be one stall of seconds; in the worker, health answers all along.
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(1000);

    const details = await api.node.byId.query({ id: table.keys[0] as string });
    expect(details.metrics?.pagerank).toBe(table.pagerank[0]);
  }, 30_000);
});
