/** The cases issue 16 was filed on, on the real seed: Egenmakt's partners and Norrbotten × open data's fillers. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageInput } from "../../../server/coverage/coverage-input";
import { gapFillers } from "../../../server/coverage/fillers";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { loadDataDir } from "../../../server/store/load-data-dir";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";

const graph = buildGraph(loadDataDir(join(import.meta.dirname, "..", "..", "..", "data")));
const ix = buildMatchIndex(graph);

describe("Karrot mot matsvinn (needs software development and UX; the top five offer the first)", () => {
  const answer = suggestPartners(ix, "karrot-mot-matsvinn", { weights: DEFAULT_WEIGHTS, limit: 10 });

  it("says the missing-skill group is for the skills the top five leave unfilled, not those they offer", () => {
    const offeredInTop = new Set(answer.suggestions.slice(0, 5).flatMap((s) => s.evidence.skills.map((k) => k.id)));
    expect(answer.fillsMissingSkill.length).toBeGreaterThan(0);
    expect(answer.missingFromTopFive.length).toBeGreaterThan(0);
    for (const skill of answer.missingFromTopFive) expect(offeredInTop.has(skill.id), skill.id).toBe(false);
    // Every missing skill is either offered in the top five or named for the group.
    const named = new Set(answer.missingFromTopFive.map((s) => s.id));
    for (const skill of answer.missingSkills) expect(offeredInTop.has(skill.id) || named.has(skill.id)).toBe(true);
  });
});

describe("Egenmakt (Stockholm; needs UX and service design)", () => {
  const answer = suggestPartners(ix, "egenmakt", { weights: DEFAULT_WEIGHTS, limit: 10 });
  const top5 = answer.suggestions.slice(0, 5);

  it("is not led by the co-members of one Västerbotten project", () => {
    const rural = ["glesbygdsmedicinskt-centrum", "region-vasterbotten", "mala-kommun", "kry"];
    expect(top5.filter((s) => rural.includes(s.id)).length).toBeLessThanOrEqual(1);
    // Five different sources of evidence: no two of the top five lean on the same project's topics.
    const sources = top5.map((s) =>
      s.evidence.topics.length > 0 && s.evidence.topics.every((t) => !t.direct)
        ? s.evidence.topics[0]?.project?.id
        : s.id,
    );
    expect(new Set(sources).size).toBe(5);
  });

  it("shows Placetoplan, the only one offering the missing skill, in the top five or the missing-skill group", () => {
    expect(answer.missingSkills.map((s) => s.id)).toEqual(["ux-and-service-design"]);
    const shown = [...top5, ...answer.fillsMissingSkill].map((s) => s.id);
    expect(shown).toContain("placetoplan");
  });

  it("says for every topic whether it is the candidate's own or through which project", () => {
    const topics = [...answer.suggestions, ...answer.fillsMissingSkill].flatMap((s) => s.evidence.topics);
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics) {
      if (t.direct) expect(t.project, t.id).toBeUndefined();
      else expect(t.project?.label.sv, t.id).toBeTruthy();
    }
    expect(topics.some((t) => !t.direct)).toBe(true); // both kinds occur here, so both sentences are exercised
  });

  it("does not leave geography dead: the members cover Stockholm, so nearby is used and said", () => {
    expect(answer.geography).toEqual({ asked: "complement", used: "nearby" });
    expect(answer.terms.geography.active).toBe(true);
  });
});

describe("Norrbotten × open data", () => {
  it("is led by an organisation whose own topic is open data", () => {
    const fillers = gapFillers(ix, coverageInput(graph, ix), "25", "open-data", { limit: 10 }).suggestions;
    expect(fillers[0]?.evidence.topics[0]).toMatchObject({ id: "open-data", direct: true });
    const ids = fillers.map((s) => s.id);
    // Mötesplats Social Innovation only inherits open data (one of six partners): below Open Knowledge Sweden.
    expect(ids.indexOf("open-knowledge-sweden")).toBeGreaterThanOrEqual(0);
    const motesplats = ids.indexOf("motesplats-social-innovation");
    if (motesplats >= 0) expect(motesplats).toBeGreaterThan(ids.indexOf("open-knowledge-sweden"));
  });
});
