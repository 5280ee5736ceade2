/**
 * graph.snapshot is graph-sized: alone, with or without input, it is answered from bytes serialised once per set of
 * kinds and data version; in a batch it is refused (tRPC would serialise the whole graph again for each batch).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { send, startGuardedServer } from "./attack-client";

let server: RunningServer;

beforeAll(async () => {
  server = await startGuardedServer();
});
afterAll(async () => {
  await server?.close();
});

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

describe("graph.snapshot", () => {
  it("answers the same bytes as tRPC would, with and without input, and filters by kinds", async () => {
    const plain = JSON.parse((await send(server.url, "/trpc/graph.snapshot")).body).result.data;
    const all = await send(
      server.url,
      `/trpc/graph.snapshot?${input({ kinds: ["region", "project", "organisation", "topic", "skill"] })}`,
    );
    expect(JSON.parse(all.body).result.data).toEqual(plain);
    const orgs = JSON.parse((await send(server.url, `/trpc/graph.snapshot?${input({ kinds: ["organisation"] })}`)).body)
      .result.data;
    expect(orgs.nodes.length).toBeGreaterThan(0);
    expect(orgs.nodes.every((n: { kind: string }) => n.kind === "organisation")).toBe(true);
    expect(orgs.nodes.length).toBe(plain.nodes.filter((n: { kind: string }) => n.kind === "organisation").length);
  });

  it("serialises each set of kinds once per data version", async () => {
    const path = `/trpc/graph.snapshot?${input({ kinds: ["project", "topic"] })}`;
    await send(server.url, path);
    const graph = server.services.graph;
    let reads = 0;
    const original = graph.forEachNode.bind(graph);
    graph.forEachNode = ((...args: Parameters<typeof original>) => {
      reads++;
      return original(...args);
    }) as typeof graph.forEachNode;
    try {
      for (let i = 0; i < 3; i++) expect((await send(server.url, path)).status).toBe(200);
      expect(reads).toBe(0);
    } finally {
      graph.forEachNode = original;
    }
  });

  it("leaves a bad input to tRPC, which names the field", async () => {
    const bad = await send(server.url, `/trpc/graph.snapshot?${input({ kinds: ["people"] })}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/kinds/);
  });

  it("refuses graph.snapshot in a batch", async () => {
    const batch = await send(server.url, "/trpc/graph.snapshot,region.list?batch=1");
    expect(batch.status).toBe(400);
    expect(batch.body).toMatch(/graph\.snapshot must be sent alone/);
  });
});
