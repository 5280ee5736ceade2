/** GET /api/graph: the same graph as graph.snapshot, gzipped when asked, 304 for a known ETag, a new ETag after a write. */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSnapshot } from "../../server/graph/snapshot";
import type { RunningServer } from "../../server/http/server";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
});
afterAll(async () => {
  await server?.close();
});

describe("GET /api/graph", () => {
  it("sends the snapshot, gzipped on request, and 304 when the browser already has it", async () => {
    // What tRPC would serialise, computed in-process (the HTTP answers below all come from the cache).
    const viaTrpc = JSON.parse(JSON.stringify(graphSnapshot(server.services.graph, server.services.dataVersion)));
    const plain = await fetch(`${server.url}/api/graph`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await plain.json()).toEqual(viaTrpc);
    const etag = plain.headers.get("etag") as string;
    expect(etag).toMatch(/^"graph-1-[\w-]+"$/);

    // Node's fetch decompresses by itself; ask through a raw request to see the bytes.
    const { request } = await import("node:http");
    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${server.url}/api/graph`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
    expect(gz.encoding).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(viaTrpc);

    // The tRPC procedure without input answers from the same cache, byte for byte what tRPC would send.
    const raw = await (await fetch(`${server.url}/trpc/graph.snapshot`)).json();
    expect(raw).toEqual({ result: { data: viaTrpc } });
    const filtered = await clientFor(server.url).graph.snapshot.query({ kinds: ["project"] });
    expect(filtered.nodes.every((n) => n.kind === "project")).toBe(true);

    const again = await fetch(`${server.url}/api/graph`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("changes after a write (the cache follows the data version)", async () => {
    const before = (await fetch(`${server.url}/api/graph`)).headers.get("etag");
    await server.store.entities.create({ kind: "project", record: project("fresh-one") }, null);
    const { refreshServices } = await import("../../server/live/refresh");
    refreshServices(server.services);
    const response = await fetch(`${server.url}/api/graph`, { headers: { "if-none-match": before as string } });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).not.toBe(before);
    expect(JSON.stringify(await response.json())).toContain("project:fresh-one");
  });
});
