/**
 * Pins GET /metrics (issue 19, item 2): Prometheus text with requests and latency per route and per tRPC procedure
 * (an unknown procedure becomes "unknown", never its own series), errors by status, event-loop delay, read-model
 * refresh time, data version, database size and sign-in refusals; it answers localhost that came straight, or a
 * request with METRICS_TOKEN. And /api/health: 503 "starting" until the read model is complete, then 200 "ready".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/http/app";
import type { RunningServer } from "../../server/http/server";
import { loadServices } from "../../server/services";
import { Store } from "../../server/store/store";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, RELAXED_LIMITS, sessionClientFor, startTestServer, trpcFailure } from "./server-helpers";

const TOKEN = "a-metrics-token-for-tests-0123456789";
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath(), undefined, {
    ...RELAXED_LIMITS,
    metricsToken: TOKEN,
  });
});

afterAll(async () => {
  await server?.close();
});

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${server.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series, by its name and labels as written in the text format. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("counts requests and latency per route and per procedure, with unknown procedures under one label", async () => {
    await fetch(`${server.url}/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ q: "org" }))}`);
    await fetch(`${server.url}/trpc/region.list,no.such-procedure-7f3a?batch=1&input={}`);
    await fetch(`${server.url}/trpc/another-made-up-name-19c2`);
    await fetch(`${server.url}/api/no-such-route-55`);
    const text = await scrape();
    expect(seriesValue(text, 'partnerkartan_trpc_calls_total{procedure="search.query"}')).toBe(1);
    expect(seriesValue(text, 'partnerkartan_trpc_calls_total{procedure="region.list"}')).toBe(1);
    expect(seriesValue(text, 'partnerkartan_trpc_calls_total{procedure="unknown"}')).toBe(2);
    expect(text).not.toMatch(/7f3a|19c2|no-such-route-55/);
    expect(seriesValue(text, 'partnerkartan_trpc_request_duration_seconds_count{procedure="search.query"}')).toBe(1);
    expect(
      seriesValue(text, 'partnerkartan_http_requests_total{method="GET",route="/trpc/:path",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      seriesValue(text, 'partnerkartan_http_request_duration_seconds_count{method="GET",route="/trpc/:path"}'),
    ).toBe(4 - 1);
    expect(seriesValue(text, 'partnerkartan_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(seriesValue(text, 'partnerkartan_http_errors_total{status="404"}')).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, "nodejs_eventloop_lag_p99_seconds")).toBeGreaterThan(0);
    expect(text).toMatch(/^# TYPE partnerkartan_http_request_duration_seconds histogram$/m);
  });

  it("reports the data version, the database size and the read-model refresh time after a write", async () => {
    const before = await scrape();
    expect(seriesValue(before, "partnerkartan_data_version")).toBe(server.services.dataVersion);
    expect(seriesValue(before, "partnerkartan_database_bytes")).toBeGreaterThan(10_000);
    expect(seriesValue(before, "partnerkartan_read_model_refresh_seconds_count")).toBe(0);
    const coordinator = await createAccount(server.store, "coordinator", "Metrics Coordinator");
    const api = sessionClientFor(server.url);
    await api.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
    await api.entity.create.mutate({ kind: "project", record: project("measured") });
    const after = await scrape();
    expect(seriesValue(after, "partnerkartan_data_version")).toBe(
      (seriesValue(before, "partnerkartan_data_version") ?? 0) + 1,
    );
    expect(seriesValue(after, "partnerkartan_read_model_refresh_seconds_count")).toBe(1);
    expect(seriesValue(after, "partnerkartan_read_model_refresh_seconds_sum")).toBeGreaterThan(0);
  });

  it("counts refused sign-ins by reason", async () => {
    const api = sessionClientFor(server.url);
    const refused = await trpcFailure(
      api.auth.login.mutate({ email: "nobody@example.org", password: "not it at all" }),
    );
    expect(refused.status).toBe(401);
    const text = await scrape();
    expect(seriesValue(text, 'partnerkartan_sign_in_refusals_total{reason="wrong_credentials"}')).toBe(1);
    expect(seriesValue(text, 'partnerkartan_sign_in_refusals_total{reason="too_many_attempts"}')).toBe(0);
    expect(text).not.toContain("nobody@example.org");
  });

  it("counts a sign-in the login limiter refuses as too_many_attempts", async () => {
    // The real limits: five failures per account and address in 15 minutes, then the address waits.
    const strict = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath(), undefined, {});
    try {
      const api = sessionClientFor(strict.url);
      const member = await createAccount(strict.store, "member", "Limited Member");
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await trpcFailure(api.auth.login.mutate({ email: member.email, password: `wrong ${i}` }))).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const text = await (await fetch(`${strict.url}/metrics`)).text();
      expect(seriesValue(text, 'partnerkartan_sign_in_refusals_total{reason="wrong_credentials"}')).toBe(5);
      expect(seriesValue(text, 'partnerkartan_sign_in_refusals_total{reason="too_many_attempts"}')).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it("answers a proxied request only with the token", async () => {
    const proxied = await fetch(`${server.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(proxied.status).toBe(403);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer not-the-token-at-all-000000" },
    });
    expect(wrong.status).toBe(403);
    expect(await scrape({ "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${TOKEN}` })).toContain(
      "partnerkartan_data_version",
    );
  });
});

describe("/api/health", () => {
  it('says "ready" once the read model is complete', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("ready");
  });

  it('says "starting" with 503 before that', async () => {
    const store = new Store(tempDatabasePath());
    await store.importDataset(smallDataset(), "seed");
    const app = await createApp({
      services: await loadServices(store, { warmSearch: false }),
      logLevel: "silent",
      isReady: () => false,
    });
    try {
      const response = await app.inject({ method: "GET", url: "/api/health" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: "starting", dataVersion: 1 });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
