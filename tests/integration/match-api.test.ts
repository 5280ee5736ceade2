/** Pins the match API over real HTTP: explained suggestions, weights that re-rank, 404 for unknown ids, 400 naming a bad weight. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { matchDataset } from "../server/match/match-fixture";
import { clientFor, trpcFailure as failure, startTestServer } from "./server-helpers";

let server: RunningServer;
let api: ReturnType<typeof clientFor>;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(matchDataset()), tempDatabasePath());
  api = clientFor(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe("match API over HTTP", () => {
  it("match.partners ranks with reasons, and the weights re-rank", async () => {
    const geo = (
      await api.match.partners.query({
        projectId: "p",
        weights: { topics: 0, skills: 0, geography: 1, network: 0 },
      })
    ).suggestions;
    expect(geo[0]?.id).toBe("north-d");
    expect(geo[0]?.evidence.regions[0]).toMatchObject({ id: "25", via: "in" });
    const topics = (
      await api.match.partners.query({
        projectId: "p",
        weights: { topics: 1, skills: 0, geography: 0, network: 0 },
      })
    ).suggestions;
    expect(topics[0]?.id).toBe("topics-b");
    expect(topics[0]?.contributions.topics).toBeCloseTo(topics[0]?.score as number);
  });

  it("match.partners applies filters and the limit", async () => {
    const companies = await api.match.partners.query({ projectId: "p", filters: { organisationKinds: ["company"] } });
    expect(companies.suggestions.map((s) => s.id)).toEqual(["skills-c"]);
    expect((await api.match.partners.query({ projectId: "p", limit: 2 })).suggestions).toHaveLength(2);
  });

  it("match.partners says which terms did something, the geography used, and the missing skills", async () => {
    const answer = await api.match.partners.query({ projectId: "p" });
    expect(answer.terms).toEqual({
      topics: { active: true },
      skills: { active: true },
      geography: { active: true },
      network: { active: true },
    });
    expect(answer.geography).toEqual({ asked: "complement", used: "complement" });
    expect(answer.missingSkills.map((s) => s.id)).toEqual(["ux-design"]);
    // q has no län: its geography slider would do nothing, and the answer says why.
    const q = await api.match.partners.query({ projectId: "q" });
    expect(q.terms.geography).toEqual({ active: false, reason: "noRegions" });
    expect(q.terms.skills).toEqual({ active: false, reason: "noneNeeded" });
  });

  it("match.projects and match.similar answer from the other side", async () => {
    expect((await api.match.projects.query({ organisationId: "north-d" })).map((s) => s.id)).toEqual(["p"]);
    expect((await api.match.similar.query({ projectId: "p" })).map((s) => s.id)).toEqual(["q"]);
  });

  it("answers an unknown project or organisation with 404 naming it", async () => {
    expect(await failure(api.match.partners.query({ projectId: "no-such-project" }))).toEqual({
      status: 404,
      message: 'No project with id "no-such-project"',
    });
    expect(await failure(api.match.projects.query({ organisationId: "nobody" }))).toEqual({
      status: 404,
      message: 'No organisation with id "nobody"',
    });
  });

  it("answers a weight out of range with 400 naming the field", async () => {
    const { status, message } = await failure(api.match.partners.query({ projectId: "p", weights: { topics: 9 } }));
    expect(status).toBe(400);
    expect(message).toMatch(/field "weights\.topics": Too big/);
    const negative = await failure(api.match.similar.query({ projectId: "p", weights: { network: -1 } }));
    expect(negative.message).toMatch(/field "weights\.network"/);
  });

  it("answers an unknown filter value with 400 naming the field", async () => {
    const { status, message } = await failure(
      api.match.partners.query({ projectId: "p", filters: { organisationKinds: ["guild" as never] } }),
    );
    expect(status).toBe(400);
    expect(message).toMatch(/field "filters\.organisationKinds\.0"/);
  });
  it("match.inert names the terms no slider can move for an organisation; 404 for unknown ids", async () => {
    expect(await api.match.inert.query({ organisationId: "stranger-h" })).toEqual([
      { term: "skills", reason: "no-skills" },
      { term: "network", reason: "no-shared-partners" },
    ]);
    expect((await failure(api.match.inert.query({ organisationId: "nope" }))).status).toBe(404);
  });
});
