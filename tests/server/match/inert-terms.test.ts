/** Pins which terms are reported as unable to change an organisation's ranking of projects, and why. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { inertProjectTerms } from "../../../server/match/inert-terms";
import { buildMatchIndex } from "../../../server/match/match-index";
import { NotFoundError } from "../../../shared/errors";
import type { Dataset } from "../../../shared/schema/dataset";
import { organisation, project } from "../../fixtures/dataset";
import { matchDataset } from "./match-fixture";

/** "p" plus a project whose lead already covers its only län and offers its only skill, with no history. */
function dataset(): Dataset {
  const d = matchDataset();
  d.organisations.push(organisation("covered-lead", { regions: ["14"], skills: ["ux-design"] }));
  d.projects.push(project("covered", { lead: "covered-lead", regions: ["14"], skillsNeeded: ["ux-design"] }));
  return d;
}
const ix = buildMatchIndex(buildGraph(dataset()));

describe("inert terms", () => {
  it("throws a not-found error for an unknown organisation", () => {
    expect(() => inertProjectTerms(ix, "nope")).toThrow(NotFoundError);
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
