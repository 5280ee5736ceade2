/** Pins partner suggestions: each term computed and explained separately, weights, filters, and agreement with scorePair. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { PLAIN_RULES } from "../../../server/match/evaluate";
import { buildMatchIndex } from "../../../server/match/match-index";
import { contributions, projectNeeds, scorePair, sumTerms } from "../../../server/match/pair-score";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { NotFoundError } from "../../../shared/errors";
import { DEFAULT_WEIGHTS, type Weights } from "../../../shared/schema/match";
import { matchDataset } from "./match-fixture";

const ix = buildMatchIndex(buildGraph(matchDataset()));
const only = (term: keyof Weights): Weights => ({ topics: 0, skills: 0, geography: 0, network: 0, [term]: 1 });
const suggest = (weights: Weights = DEFAULT_WEIGHTS, filters = {}) =>
  suggestPartners(ix, "p", { weights, filters, limit: 20 }).suggestions;
const byId = (weights?: Weights) => Object.fromEntries(suggest(weights).map((s) => [s.id, s]));

describe("suggestPartners", () => {
  it("throws a not-found error naming an unknown project", () => {
    expect(() => suggestPartners(ix, "nope", { weights: DEFAULT_WEIGHTS, limit: 5 })).toThrow(NotFoundError);
    expect(() => suggestPartners(ix, "nope", { weights: DEFAULT_WEIGHTS, limit: 5 })).toThrow(
      'No project with id "nope"',
    );
  });

  it("never suggests a member, nor an organisation with nothing in common", () => {
    const ids = suggest().map((s) => s.id);
    expect(ids).not.toContain("lead-a");
    expect(ids).not.toContain("stranger-h");
    expect(ids.sort()).toEqual(["colleague-g", "national-f", "neighbour-e", "north-d", "skills-c", "topics-b"]);
  });

  it("topics: rewards shared topics and names them", () => {
    const b = byId(only("topics"))["topics-b"];
    expect(b?.score).toBeCloseTo(1);
    expect(b?.evidence.topics.map((t) => t.id).sort()).toEqual(["open-data", "participation"]);
  });

  it("skills: rewards only skills the members do not already offer", () => {
    const c = byId(only("skills"))["skills-c"];
    // Needs ux-design and facilitation; the lead offers facilitation, so ux-design is all that is missing.
    expect(c?.score).toBeCloseTo(1);
    expect(c?.evidence.skills.map((s) => s.id)).toEqual(["ux-design"]);
  });

  it("geography: full credit in a missing län, partial from a neighbour or national scope, none for a covered län", () => {
    const s = byId(only("geography"));
    expect(s["north-d"]?.score).toBeCloseTo(1);
    expect(s["neighbour-e"]?.score).toBeCloseTo(0.5);
    expect(s["national-f"]?.score).toBeCloseTo(0.3);
    expect(s["north-d"]?.evidence.regions).toEqual([
      { id: "25", label: { sv: "Norrbottens län", en: "Norrbotten County" }, via: "in" },
    ]);
    expect(s["neighbour-e"]?.evidence.regions[0]?.via).toBe("neighbour");
    // Stockholm (01) is covered by the lead, so no one is rewarded for it.
    expect(Object.values(s).flatMap((x) => x.evidence.regions.map((r) => r.id))).not.toContain("01");
  });

  it("geography in nearby mode rewards the project's own län, covered or not", () => {
    const near = suggestPartners(ix, "p", {
      weights: only("geography"),
      filters: { geography: "nearby" },
      limit: 20,
    }).suggestions;
    expect(near.map((s) => s.id)).toContain("north-d");
    expect(near.find((s) => s.id === "north-d")?.score).toBeCloseTo(0.5);
  });

  it("network: rewards a shared partner (Adamic–Adar) and names it", () => {
    const g = byId(only("network"))["colleague-g"];
    expect(g?.evidence.sharedPartners.map((p) => p.id)).toEqual(["lead-a"]);
    expect(g?.score).toBeCloseTo(1 - Math.exp(-1 / Math.log(3)));
  });

  it("re-ranks when the weights change", () => {
    expect(suggest(only("geography"))[0]?.id).toBe("north-d");
    expect(suggest(only("topics"))[0]?.id).toBe("topics-b");
    expect(suggest(only("skills"))[0]?.id).toBe("skills-c");
  });

  it("scores in [0, 1] as the sum of the contributions, exactly as scorePair defines them", () => {
    const needs = projectNeeds(ix, ix.projectIndex.get("p") as number, "complement");
    for (const s of suggest({ topics: 1.5, skills: 0.5, geography: 2, network: 1 })) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      const { terms } = scorePair(ix, needs, ix.orgIndex.get(s.id) as number, "complement");
      expect(sumTerms(contributions(terms, { topics: 1.5, skills: 0.5, geography: 2, network: 1 }))).toBeCloseTo(
        s.score,
        12,
      );
    }
  });

  it("sorts best first (with the re-ranking rules off) and honours the limit", () => {
    const all = suggestPartners(ix, "p", { weights: DEFAULT_WEIGHTS, limit: 20, rules: PLAIN_RULES }).suggestions;
    for (let i = 1; i < all.length; i++) expect(all[i - 1]?.score).toBeGreaterThanOrEqual(all[i]?.score as number);
    expect(
      suggestPartners(ix, "p", { weights: DEFAULT_WEIGHTS, limit: 2, rules: PLAIN_RULES }).suggestions.map((s) => s.id),
    ).toEqual(all.slice(0, 2).map((s) => s.id));
    expect(suggestPartners(ix, "p", { weights: DEFAULT_WEIGHTS, limit: 2 }).suggestions).toHaveLength(2);
  });

  it("filters by organisation kind, by län (national ones pass), and by an exclude list", () => {
    expect(suggest(DEFAULT_WEIGHTS, { organisationKinds: ["company"] }).map((s) => s.id)).toEqual(["skills-c"]);
    expect(
      suggest(DEFAULT_WEIGHTS, { regions: ["25"] })
        .map((s) => s.id)
        .sort(),
    ).toEqual(["national-f", "north-d"]);
    expect(suggest(DEFAULT_WEIGHTS, { exclude: ["north-d"] }).map((s) => s.id)).not.toContain("north-d");
  });
});
