/** Pins the match API over real HTTP: explained suggestions, weights that re-rank, 404 for unknown ids, 400 naming a bad weight. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { LeanPartnerSuggestionsSchema, LeanSuggestionListSchema } from "../../shared/schema/lean-match";
import type { PartnerSuggestions } from "../../shared/schema/match";
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

/** match.partners' default answer, checked against its schema. */
const partners = async (input: Parameters<typeof api.match.partners.query>[0]) =>
  LeanPartnerSuggestionsSchema.parse(await api.match.partners.query(input));

describe("match API over HTTP", () => {
  it("match.partners ranks with reasons, and the weights re-rank", async () => {
    const geo = (await partners({ projectId: "p", weights: { topics: 0, skills: 0, geography: 1, network: 0 } }))
      .suggestions;
    expect(geo[0]?.id).toBe("north-d");
    expect(geo[0]?.in).toEqual(["25"]);
    const topics = (await partners({ projectId: "p", weights: { topics: 1, skills: 0, geography: 0, network: 0 } }))
      .suggestions;
    expect(topics[0]?.id).toBe("topics-b");
    expect(topics[0]?.c).toEqual([expect.any(Number), 0, 0, 0]);
    expect(topics[0]?.c[0]).toBeGreaterThan(0);
  });

  it("match.partners applies filters and the limit", async () => {
    const companies = await partners({ projectId: "p", filters: { organisationKinds: ["company"] } });
    expect(companies.suggestions.map((s) => s.id)).toEqual(["skills-c"]);
    expect((await partners({ projectId: "p", limit: 2 })).suggestions).toHaveLength(2);
  });

  it("match.partners says which terms did something, the geography used, and the missing skills", async () => {
    const answer = await partners({ projectId: "p" });
    expect(answer.deadTerms).toEqual({});
    expect(answer.geography).toEqual({ asked: "complement", used: "complement" });
    expect(answer.missingSkills).toEqual(["ux-design"]);
    // q has no län: its geography slider would do nothing, and the answer says why.
    const q = await partners({ projectId: "q" });
    expect(q.deadTerms).toEqual({ geography: "noRegions", skills: "noneNeeded", network: "noCandidate" });
  });

  it("match.projects and match.similar answer from the other side", async () => {
    const projects = LeanSuggestionListSchema.parse(await api.match.projects.query({ organisationId: "north-d" }));
    expect(projects.suggestions.map((s) => s.id)).toEqual(["p"]);
    const similar = LeanSuggestionListSchema.parse(await api.match.similar.query({ projectId: "p" }));
    expect(similar.suggestions.map((s) => s.id)).toEqual(["q"]);
  });

  it("answers with every label when verbose, for scripts, and the same ranking", async () => {
    const lean = await partners({ projectId: "p" });
    const verbose = (await api.match.partners.query({ projectId: "p", verbose: true })) as PartnerSuggestions;
    expect(verbose.suggestions.map((s) => s.id)).toEqual(lean.suggestions.map((s) => s.id));
    const first = verbose.suggestions[0];
    expect(first?.name).toEqual(expect.any(String));
    expect(first?.evidence.topics.every((t) => t.label.sv && t.label.en)).toBe(true);
    expect(verbose.terms.topics).toEqual({ active: true });
    expect(first?.score).toBeCloseTo(lean.suggestions[0]?.c.reduce((a, b) => a + b, 0) as number, 3);
    // The lean answer names no label at all.
    expect(JSON.stringify(lean)).not.toContain('"label"');
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
