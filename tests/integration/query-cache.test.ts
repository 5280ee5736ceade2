/**
 * Pins the query cache over real HTTP: a repeated public query gets the same ETag and, with If-None-Match, 304 and
 * no body; a write gives a new answer and a new ETag; errors are not kept; answers to a signed-in request are
 * no-store; per-account procedures and batches holding one are never cached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { Organisation } from "../../shared/schema/organisation";
import { organisation, project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { cookieOf, createAccount, sessionClientFor, startTestServer } from "./server-helpers";

let server: RunningServer;
let coordinator: ReturnType<typeof sessionClientFor>;

const partnersUrl = (projectId: string) =>
  `/trpc/match.partners?input=${encodeURIComponent(JSON.stringify({ projectId }))}`;
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const account = await createAccount(server.store, "coordinator", "Cora Coordinator");
  coordinator = sessionClientFor(server.url);
  await coordinator.auth.login.mutate({ email: account.email, password: account.password });
});
afterAll(async () => {
  await server?.close();
});

describe("query cache", () => {
  it("gives a repeated query the same ETag, and 304 without a body to a client that has it", async () => {
    const first = await get(partnersUrl("civic-tech-platform"));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"q-[\w-]{22}"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const body = await first.text();
    const again = await get(partnersUrl("civic-tech-platform"));
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(body);
    const revalidated = await get(partnersUrl("civic-tech-platform"), { "if-none-match": etag as string });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    // Another input is another answer.
    const other = await get(partnersUrl("open-up"), { "if-none-match": etag as string });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("answers anew after a write, with a new ETag", async () => {
    const before = await get(partnersUrl("civic-tech-platform"));
    const etag = before.headers.get("etag") as string;
    expect(await before.text()).not.toContain("new-partner");
    const added: Organisation = organisation("new-partner", {
      name: "New Partner",
      regions: ["03"],
      topics: ["participation", "open-data"],
      skills: ["ux-design"],
    });
    await coordinator.entity.create.mutate({ kind: "organisation", record: added });
    const after = await get(partnersUrl("civic-tech-platform"), { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await after.text()).toContain("new-partner");
  });

  it("keeps no error: an unknown project found later is answered", async () => {
    const missing = await get(partnersUrl("later-project"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
    await coordinator.entity.create.mutate({
      kind: "project",
      record: project("later-project", { lead: "digidem-lab", topics: ["participation"], regions: ["14"] }),
    });
    expect((await get(partnersUrl("later-project"))).status).toBe(200);
  });

  it("never caches a per-account answer, nor a batch that holds one, and sends no-store to a signed-in request", async () => {
    const cookie = cookieOf(coordinator);
    const me = await get("/trpc/auth.me", { cookie });
    expect(me.headers.get("etag")).toBeNull();
    expect(me.headers.get("cache-control")).toBe("no-store");
    const input = encodeURIComponent(JSON.stringify({ 0: { projectId: "civic-tech-platform" } }));
    const batch = await get(`/trpc/match.partners,auth.me?batch=1&input=${input}`, { cookie });
    expect(batch.headers.get("etag")).toBeNull();
    const signedIn = await get(partnersUrl("civic-tech-platform"), { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    // The same public answer a visitor gets.
    const visitor = await get(partnersUrl("civic-tech-platform"));
    expect(await signedIn.text()).toBe(await visitor.text());
  });

  it("caches nothing streamed", async () => {
    const streamed = await get(partnersUrl("civic-tech-platform"), { "trpc-accept": "application/jsonl" });
    expect(streamed.headers.get("etag")).toBeNull();
  });
});
