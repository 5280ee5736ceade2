/**
 * Pins the rules beyond the weights: a missing skill reaches the top five (or its own group), a term that gives
 * every candidate 0 is flagged with its reason, and "complement" falls back to "nearby" when members cover every län.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { missingSkillGroup, skillsMissingFromTop, withSkillSlot } from "../../../server/match/skill-slot";
import { DEFAULT_RANKING_RULES, suggestPartners } from "../../../server/match/suggest-partners";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";
import { matchDataset } from "./match-fixture";

const ix = buildMatchIndex(buildGraph(matchDataset()));
/** The fixture with q in Stockholm, which its lead (Stockholm) already covers. */
const covered = (() => {
  const data = matchDataset();
  data.projects = data.projects.map((p) => (p.id === "q" ? { ...p, regions: ["01"] } : p));
  return buildMatchIndex(buildGraph(data));
})();

describe("the skill slot", () => {
  const list = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4].map((score, org) => ({ org, score }));
  const offers = (o: number) => o === 9;

  it("moves the best candidate offering a missing skill to fifth place unless the fifth is clearly stronger", () => {
    const skilled = { org: 9, score: 0.2 };
    expect(withSkillSlot(list, [skilled], offers, 0.25).map((c) => c.org)).toEqual([0, 1, 2, 3, 9, 4, 5]);
    // 0.1 < 0.25 × 0.5: the others are clearly stronger, so it stays out (and goes to the group instead).
    expect(withSkillSlot(list, [{ org: 9, score: 0.1 }], offers, 0.25).map((c) => c.org)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(withSkillSlot(list, [skilled], offers, Number.POSITIVE_INFINITY)).toEqual(list);
  });

  it("groups, per missing skill not offered in the top five, its best candidate once", () => {
    const skillsOf = (o: number) => (o === 1 ? [100] : o === 9 ? [101, 102] : []);
    expect(missingSkillGroup([100, 101, 102], [1, 9, 9], list, skillsOf)).toEqual([9]);
    expect(missingSkillGroup([101], [-1], list, skillsOf)).toEqual([]);
  });

  it("names as unfilled only the missing skills no one in the top five offers, and some candidate does", () => {
    // Org 1 (in the top five) offers 100; org 9 offers 100 and 101; no one offers 102.
    const skillsOf = (o: number) => (o === 1 ? [100] : o === 9 ? [100, 101] : []);
    expect(skillsMissingFromTop([100, 101, 102], [1, 9, -1], list, skillsOf)).toEqual([101]);
  });

  it("in the fixture, puts skills-c (the only one offering ux-design, which p lacks) in p's top five", () => {
    const answer = suggestPartners(ix, "p", { weights: DEFAULT_WEIGHTS, limit: 5 });
    expect(answer.missingSkills.map((s) => s.id)).toEqual(["ux-design"]);
    expect(answer.suggestions.map((s) => s.id)).toContain("skills-c");
    expect(answer.fillsMissingSkill).toEqual([]);
  });
});

describe("term flags and the geography fallback", () => {
  it("marks every term active when some candidate scores on it", () => {
    const answer = suggestPartners(ix, "p", { weights: DEFAULT_WEIGHTS, limit: 5 });
    expect(Object.values(answer.terms).every((t) => t.active)).toBe(true);
    expect(answer.geography).toEqual({ asked: "complement", used: "complement" });
  });

  it("says why a term is dead: q needs no skill, and its members cover its län", () => {
    // q (climate, Stockholm) has lead-a (Stockholm) and colleague-g: every län covered, no skill needed.
    const strict = { ...DEFAULT_RANKING_RULES, geographyFallback: false };
    const answer = suggestPartners(covered, "q", { weights: DEFAULT_WEIGHTS, limit: 5, rules: strict });
    expect(answer.terms.skills).toEqual({ active: false, reason: "noneNeeded" });
    expect(answer.terms.geography).toEqual({ active: false, reason: "membersCoverAll" });
    expect(answer.geography).toEqual({ asked: "complement", used: "complement" });
  });

  it("falls back from complement to nearby when the members cover every län, and says so", () => {
    const answer = suggestPartners(covered, "q", { weights: DEFAULT_WEIGHTS, limit: 5 });
    expect(answer.geography).toEqual({ asked: "complement", used: "nearby" });
    expect(answer.terms.geography.active).toBe(true);
    expect(answer.suggestions.every((s) => s.evidence.geography === "nearby")).toBe(true);
    // A project without län has nothing to fall back to: geography is dead, and the reason says why.
    expect(suggestPartners(ix, "q", { weights: DEFAULT_WEIGHTS, limit: 5 }).terms.geography).toEqual({
      active: false,
      reason: "noRegions",
    });
  });

  it("keeps complement when the reader asks for it anyway (geographyFallback: false)", () => {
    const filters = { geography: "complement" as const, geographyFallback: false };
    const answer = suggestPartners(covered, "q", { weights: DEFAULT_WEIGHTS, limit: 5, filters });
    expect(answer.geography).toEqual({ asked: "complement", used: "complement" });
    expect(answer.terms.geography).toEqual({ active: false, reason: "membersCoverAll" });
  });
});
