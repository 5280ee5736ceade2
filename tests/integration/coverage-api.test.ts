/** Pins the coverage API over real HTTP: per län (overall and per topic), the matrix, fillers, 404 and 400 naming the field. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { CoverageFillers } from "../../shared/schema/coverage";
import { type LeanCoverageFillers, LeanSuggestionSchema } from "../../shared/schema/lean-match";
import { tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { fillersDataset } from "../server/coverage/coverage-fixture";
import { clientFor, trpcFailure as failure, startTestServer } from "./server-helpers";

let server: RunningServer;
let api: ReturnType<typeof clientFor>;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(fillersDataset()), tempDatabasePath());
  api = clientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe("coverage API over HTTP", () => {
  it("coverage.byRegion counts per län, with per-capita figures and gap ranks", async () => {
    const all = await api.coverage.byRegion.query();
    const r = Object.fromEntries(all.regions.map((x) => [x.code, x]));
    // 03: projects r; organisations near-a, near-z, near-b, off-h (near-b a local group).
    expect(r["03"]?.counts).toEqual({ projects: 1, organisations: 4, localGroups: 1 });
    expect(r["03"]?.perCapita.organisations).toBeCloseTo(4 / 3); // 4 per 300 000
    expect(all.national).toEqual({ projects: 0, organisations: 1, localGroups: 0 });
    // Activity 01: far-e (1); 03: 5; 14: q, local-c, in-g (3). Population shares 0.6 / 0.3 / 0.1.
    expect(r["01"]?.gap.score).toBeCloseTo((0.6 - 1 / 9) * 100);
    expect(r["01"]?.rank).toBe(1);
  });

  it("coverage.byRegion restricts to a topic", async () => {
    const climate = await api.coverage.byRegion.query({ topicId: "climate" });
    expect(climate.topic?.label.en).toBe("Climate");
    const r = Object.fromEntries(climate.regions.map((x) => [x.code, x]));
    expect(r["01"]?.gap.status).toBe("none");
    expect(r["14"]?.counts).toEqual({ projects: 1, organisations: 1, localGroups: 0 });
  });

  it("coverage.matrix has one row per län and one column per topic", async () => {
    const m = await api.coverage.matrix.query();
    expect(m.regions.map((r) => r.code)).toEqual(["01", "03", "14"]);
    expect(m.topics.map((t) => t.id)).toEqual(["open-data", "climate"]);
    expect(m.cells.map((row) => row.length)).toEqual([2, 2, 2]);
  });

  it("coverage.fillers ranks who could fill a gap, explained like partner suggestions", async () => {
    const result = (await api.coverage.fillers.query({
      regionCode: "14",
      topicId: "open-data",
    })) as LeanCoverageFillers;
    expect(result.suggestions.map((s) => LeanSuggestionSchema.parse(s).id)).toEqual([
      "near-b",
      "near-z",
      "near-a",
      "national-d",
    ]);
    expect(result.suggestions[0]?.partners).toEqual(["local-c"]);
    const verbose = (await api.coverage.fillers.query({
      regionCode: "14",
      topicId: "open-data",
      verbose: true,
    })) as CoverageFillers;
    expect(verbose.suggestions.map((s) => s.id)).toEqual(result.suggestions.map((s) => s.id));
    expect(verbose.suggestions[0]?.evidence.sharedPartners.map((p) => p.id)).toEqual(["local-c"]);
    expect(await api.coverage.fillers.query({ regionCode: "14", topicId: "open-data", limit: 1 })).toMatchObject({
      suggestions: [{ id: "near-b" }],
    });
  });

  it("answers an unknown län or topic with 404 naming it", async () => {
    expect(await failure(api.coverage.fillers.query({ regionCode: "99", topicId: "open-data" }))).toEqual({
      status: 404,
      message: 'No region with id "99"',
    });
    expect(await failure(api.coverage.byRegion.query({ topicId: "no-such-topic" }))).toEqual({
      status: 404,
      message: 'No topic with id "no-such-topic"',
    });
  });

  it("answers bad input with 400 naming the field", async () => {
    const bad = await failure(api.coverage.fillers.query({ regionCode: "1", topicId: "open-data" }));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/field "regionCode"/);
    const limit = await failure(api.coverage.fillers.query({ regionCode: "14", topicId: "open-data", limit: 0 }));
    expect(limit.message).toMatch(/field "limit"/);
  });
});
