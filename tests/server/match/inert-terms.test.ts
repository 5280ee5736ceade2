/** Pins which terms are reported as unable to change a ranking: exactly those that are zero for every candidate. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { inertPartnerTerms, inertProjectTerms } from "../../../server/match/inert-terms";
import { buildMatchIndex } from "../../../server/match/match-index";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { NotFoundError } from "../../../shared/errors";
import type { Dataset } from "../../../shared/schema/dataset";
import { MATCH_TERMS, type MatchTerm, type Weights } from "../../../shared/schema/match";
import { organisation, project } from "../../fixtures/dataset";
import { matchDataset } from "./match-fixture";

const only = (term: MatchTerm): Weights => ({ topics: 0, skills: 0, geography: 0, network: 0, [term]: 1 });

/** "p" plus a project whose lead already covers its only län and offers its only skill, with no history. */
function dataset(): Dataset {
  const d = matchDataset();
  d.organisations.push(organisation("covered-lead", { regions: ["14"], skills: ["ux-design"] }));
  d.projects.push(project("covered", { lead: "covered-lead", regions: ["14"], skillsNeeded: ["ux-design"] }));
  return d;
}
const ix = buildMatchIndex(buildGraph(dataset()));

describe("inert terms", () => {
  it("throws a not-found error for an unknown project or organisation", () => {
    expect(() => inertPartnerTerms(ix, "nope", "complement")).toThrow(NotFoundError);
    expect(() => inertProjectTerms(ix, "nope")).toThrow(NotFoundError);
  });

  it("reports nothing for a project where every term can separate candidates", () => {
    expect(inertPartnerTerms(ix, "p", "complement")).toEqual([]);
  });

  it("names each dead term of a project whose members already cover its län and skills, with the reason", () => {
    expect(inertPartnerTerms(ix, "covered", "complement")).toEqual([
      { term: "topics", reason: "no-topics" },
      { term: "skills", reason: "skills-covered" },
      { term: "geography", reason: "regions-covered" },
      { term: "network", reason: "no-shared-partners" },
    ]);
    // Nearby mode rewards the project's own län, so geography comes alive.
    expect(inertPartnerTerms(ix, "covered", "nearby").map((i) => i.term)).not.toContain("geography");
  });

  it("agrees with the ranking: a term reported inert is zero for every suggested candidate, a live one is not", () => {
    for (const id of ["p", "covered"]) {
      for (const mode of ["complement", "nearby"] as const) {
        const inert = new Set(inertPartnerTerms(ix, id, mode).map((i) => i.term));
        for (const term of MATCH_TERMS) {
          const scores = suggestPartners(ix, id, { weights: only(term), filters: { geography: mode }, limit: 50 });
          const alive = scores.some((s) => s.contributions[term] > 0);
          expect(alive, `${id} ${mode} ${term}`).toBe(!inert.has(term));
        }
      }
    }
  });

  it("for an organisation: names what it lacks to be matched on", () => {
    expect(inertProjectTerms(ix, "stranger-h")).toEqual([
      { term: "skills", reason: "no-skills" },
      { term: "network", reason: "no-shared-partners" },
    ]);
    expect(inertProjectTerms(ix, "covered-lead")).toEqual([
      { term: "topics", reason: "no-topics" },
      { term: "network", reason: "no-shared-partners" },
    ]);
  });
});
