/** Pins projects for an organisation and similar projects: the same terms, seen from the other side. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { similarProjects } from "../../../server/match/similar-projects";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { suggestProjects } from "../../../server/match/suggest-projects";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";
import { matchDataset } from "./match-fixture";

const ix = buildMatchIndex(buildGraph(matchDataset()));
const options = { weights: DEFAULT_WEIGHTS, limit: 10 };

describe("suggestProjects", () => {
  it("throws naming an unknown organisation", () => {
    expect(() => suggestProjects(ix, "nobody", options)).toThrow('No organisation with id "nobody"');
  });

  it("suggests the project whose missing län the organisation is in, with the same score as from the project's side", () => {
    const fromOrg = suggestProjects(ix, "north-d", options);
    expect(fromOrg.map((s) => s.id)).toEqual(["p"]);
    const fromProject = suggestPartners(ix, "p", options).suggestions.find((s) => s.id === "north-d");
    expect(fromOrg[0]?.score).toBeCloseTo(fromProject?.score as number, 12);
    expect(fromOrg[0]?.evidence.regions.map((r) => r.id)).toEqual(["25"]);
  });

  it("never suggests a project the organisation is already in", () => {
    expect(suggestProjects(ix, "colleague-g", options).map((s) => s.id)).not.toContain("q");
  });
});

describe("similarProjects", () => {
  it("finds projects sharing organisations and names them", () => {
    const similar = similarProjects(ix, "p", options);
    expect(similar.map((s) => s.id)).toEqual(["q"]);
    expect(similar[0]?.evidence.sharedPartners.map((o) => o.id)).toEqual(["lead-a"]);
  });
});
