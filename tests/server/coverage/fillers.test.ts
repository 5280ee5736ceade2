/**
 * Pins who could fill a gap: organisations on the topic reaching the län from a neighbour or nationally, scored by
 * the partner matching's terms with the default weights (topics 1, skills 0.5, geography 0.5, network 0.25: total 2.25),
 * explained with the same evidence, ties broken by experience on the topic.
 */
import { describe, expect, it } from "vitest";
import { coverageInput } from "../../../server/coverage/coverage-input";
import { gapAsProject, gapFillers } from "../../../server/coverage/fillers";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { contributions, regionReach, scorePair, sumTerms } from "../../../server/match/pair-score";
import { NotFoundError } from "../../../shared/errors";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";
import { fillersDataset } from "./coverage-fixture";

const graph = buildGraph(fillersDataset());
const ix = buildMatchIndex(graph);
const input = coverageInput(graph, ix);
/** The score from the terms with the default weights (skills is always 0 for a gap). */
const score = (topic: number, geography: number, network: number) =>
  (DEFAULT_WEIGHTS.topics * topic + DEFAULT_WEIGHTS.geography * geography + DEFAULT_WEIGHTS.network * network) /
  (DEFAULT_WEIGHTS.topics + DEFAULT_WEIGHTS.skills + DEFAULT_WEIGHTS.geography + DEFAULT_WEIGHTS.network);
const fill = (region = "14", topic = "open-data", limit = 20) => gapFillers(ix, input, region, topic, { limit });

describe("gapFillers", () => {
  it("throws a not-found error naming an unknown län or topic", () => {
    expect(() => fill("99")).toThrow(NotFoundError);
    expect(() => fill("99")).toThrow('No region with id "99"');
    expect(() => fill("14", "nope")).toThrow('No topic with id "nope"');
  });

  it("suggests only organisations on the topic that reach the län from outside, never funders", () => {
    expect(
      fill()
        .suggestions.map((s) => s.id)
        .sort(),
    ).toEqual(["national-d", "near-a", "near-b", "near-z"]);
  });

  it("scores with the matching's terms: topic 1, neighbour 0.5 or national 0.3, network from ties in the län", () => {
    const byId = Object.fromEntries(fill().suggestions.map((s) => [s.id, s]));
    expect(byId["near-a"]?.score).toBeCloseTo(score(1, 0.5, 0)); // 0.556
    expect(byId["national-d"]?.score).toBeCloseTo(score(1, 0.3, 0)); // 0.511
    // near-b has worked with local-c (in 14, one collaborator): Adamic–Adar 1 / ln 3.
    const network = 1 - Math.exp(-1 / Math.log(3));
    expect(byId["near-b"]?.score).toBeCloseTo(score(1, 0.5, network)); // 0.622
    expect(byId["near-b"]?.contributions.network).toBeCloseTo((0.25 * network) / 2.25);
    expect(byId["near-b"]?.contributions.topics).toBeCloseTo(1 / 2.25);
  });

  it("explains each with the partner suggestions' evidence", () => {
    const byId = Object.fromEntries(fill().suggestions.map((s) => [s.id, s]));
    expect(byId["near-b"]?.evidence).toEqual({
      topics: [{ id: "open-data", label: { sv: "Öppna data", en: "Open data" }, direct: true, credit: 1 }],
      skills: [],
      regions: [{ id: "14", label: { sv: "Västs län", en: "Väst County" }, via: "neighbour" }],
      geography: "complement",
      sharedPartners: [{ id: "local-c", label: { sv: "Lokal C", en: "Lokal C" } }],
      sharedEvents: [],
    });
    expect(byId["national-d"]?.evidence.regions[0]?.via).toBe("national");
    expect(byId["near-b"]?.key).toBe("organisation:near-b");
  });

  it("ranks by score, equal scores by projects on the topic (near-z has one), then by name", () => {
    expect(fill().suggestions.map((s) => s.id)).toEqual(["near-b", "near-z", "near-a", "national-d"]);
    expect(fill("14", "open-data", 2).suggestions.map((s) => s.id)).toEqual(["near-b", "near-z"]);
  });

  it("describes the cell: what is there and its gap", () => {
    const result = fill();
    expect(result.region).toEqual({ code: "14", name: { sv: "Västs län", en: "Väst County" } });
    expect(result.topic.id).toBe("open-data");
    expect(result.cell.counts).toEqual({ projects: 0, organisations: 1, localGroups: 0 });
    // Open data: r (03), near-a, near-z, near-b (03), far-e (01), in-g (14): 14 has 1 of 6 for 0.1 of the people.
    expect(result.cell.gap.activityShare).toBeCloseTo(1 / 6);
    expect(result.cell.gap).toMatchObject({ score: 0, status: "fair" });
  });

  it("counts the topics of an organisation's projects, but less than its own: near-b has climate only through q", () => {
    // Climate in 01 (neighbour 03): off-h lists climate itself (credit 1); near-b inherits it from q, one of two
    // members (credit 0.5 / 2 = 0.25), so off-h leads although near-b has a climate project.
    const inherited = 0.5 / 2;
    const climate01 = fill("01", "climate").suggestions;
    expect(climate01.map((s) => s.id)).toEqual(["off-h", "near-b"]);
    expect(climate01[1]?.evidence.topics).toEqual([
      {
        id: "climate",
        label: { sv: "Klimat", en: "Climate" },
        direct: false,
        project: { id: "q", label: { sv: "q", en: "q" } },
        credit: inherited,
      },
    ]);
    expect(climate01[1]?.contributions.topics).toBeCloseTo(inherited / 2.25);
    expect(climate01[0]?.evidence.topics[0]).toMatchObject({ id: "climate", direct: true, credit: 1 });
    // In 14, local-c already works on climate: never suggested; far-e (01) does not reach 14. near-b's tie with
    // local-c (network) does not make up for an inherited topic.
    expect(fill("14", "climate").suggestions.map((s) => s.id)).toEqual(["off-h", "near-b"]);
  });

  it("ranks exactly as scorePair scores every eligible organisation, for every gap of the fixture", () => {
    for (const region of ["01", "03", "14"]) {
      for (const topic of ["open-data", "climate"]) {
        const r = ix.regionCodes.indexOf(region);
        const t = ix.topicIds.indexOf(topic);
        const { view, needs } = gapAsProject(ix, r, t);
        // Brute force: every organisation on the topic, not a funder, not in the län, reaching it somehow.
        const expected = ix.orgIds
          .map((_, o) => o)
          .filter((o) => (ix.topicOrgs[t] as number[]).includes(o) && ix.orgKinds[o] !== "funder")
          .filter((o) => !(ix.orgRegions[o] as number[]).includes(r) && regionReach(ix, o, r).credit > 0)
          .map((o) => sumTerms(contributions(scorePair(view, needs, o, "complement").terms, DEFAULT_WEIGHTS)))
          .sort((a, b) => b - a);
        const scores = fill(region, topic).suggestions.map((s) => s.score);
        expect(scores.length).toBe(expected.length);
        scores.forEach((score, i) => {
          expect(score).toBeCloseTo(expected[i] as number, 12);
        });
      }
    }
  });
});
