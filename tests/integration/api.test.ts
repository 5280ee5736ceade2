/** Pins the API over real HTTP: tRPC procedures, plain /api URLs, errors that name the field or the id, and persistence. */
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../../server/api/router";
import type { RunningServer } from "../../server/http/server";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, startTestServer } from "./server-helpers";

let server: RunningServer;
let api: ReturnType<typeof clientFor>;
const dataDir = writeDataDir(smallDataset());
const databasePath = tempDatabasePath();

beforeAll(async () => {
  server = await startTestServer(dataDir, databasePath);
  api = clientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function trpcError(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("API over HTTP", () => {
  it("seeds a new database on first start and reports health", async () => {
    expect(server.seeded).toBe(true);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({
      status: "ready",
      dataVersion: 1,
      origin: "seed",
      counts: { organisation: 4, project: 2, region: 3 },
    });
  });

  it("graph.snapshot returns every node and edge, or only the kinds asked for", async () => {
    const all = await api.graph.snapshot.query();
    expect(all.nodes).toHaveLength(3 + 2 + 2 + 4 + 2);
    expect(all.edges.find((e) => e.type === "leads" && e.target === "project:civic-tech-platform")?.source).toBe(
      "organisation:digidem-lab",
    );
    const projects = await api.graph.snapshot.query({ kinds: ["project"] });
    expect(projects.nodes.map((n) => n.key).sort()).toEqual(["project:civic-tech-platform", "project:open-up"]);
    expect(projects.edges).toEqual([]);
  });

  it("node.byId returns details and neighbours grouped by relation", async () => {
    const d = await api.node.byId.query({ id: "project:civic-tech-platform" });
    expect(d.node.label.sv).toBe("Civic Tech Platform");
    const ledBy = d.neighbours.find((g) => g.relation === "leads" && g.direction === "in");
    expect(ledBy?.nodes.map((n) => n.key)).toEqual(["organisation:digidem-lab"]);
    expect(d.fundingCall?.reference).toBe("2019-04507");
  });

  it("search.query ignores case and diacritics", async () => {
    const hits = await api.search.query.query({ q: "goteborg" });
    expect(hits.map((h) => h.node.key)).toContain("organisation:civic-tech-goteborg");
  });

  it("region.list returns the counties in code order", async () => {
    expect((await api.region.list.query()).map((r) => r.code)).toEqual(["01", "03", "14"]);
  });

  it("answers an unknown id with 404 naming the id", async () => {
    const error = await trpcError(api.node.byId.query({ id: "organisation:nobody" }));
    expect(error.data?.httpStatus).toBe(404);
    expect(error.message).toBe('No node with id "organisation:nobody"');
  });

  it("answers bad input with 400 naming the field", async () => {
    const badKey = await trpcError(api.node.byId.query({ id: "Digidem Lab" }));
    expect(badKey.data?.httpStatus).toBe(400);
    expect(badKey.message).toMatch(/^Invalid input: field "id": must look like/);

    const badLimit = await trpcError(api.search.query.query({ q: "x", limit: 1000 }));
    expect(badLimit.message).toMatch(/field "limit"/);

    const badKind = await trpcError(api.graph.snapshot.query({ kinds: ["planet" as never] }));
    expect(badKind.data?.httpStatus).toBe(400);
    expect(badKind.message).toMatch(/field "kinds\.0"/);
  });

  it("answers a malformed raw request with 400 over plain HTTP", async () => {
    const response = await fetch(
      `${server.url}/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ q: "" }))}`,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toMatch(/field "q"/);
    expect(body.error.data.fieldErrors).toHaveProperty("q");
    expect(body.error.data.stack).toBeUndefined();
  });

  it("sends security headers", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a body over the size limit", async () => {
    const response = await fetch(`${server.url}/trpc/search.query`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1" },
      body: JSON.stringify({ q: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});

describe("restart", () => {
  it("keeps the data and does not seed again", async () => {
    await server.close();
    server = await startTestServer(dataDir, databasePath);
    api = clientFor(server.url);
    expect(server.seeded).toBe(false);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ dataVersion: 1, counts: { organisation: 4, project: 2 } });
  });
});
