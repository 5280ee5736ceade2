/** Events as network evidence: a candidate met at an event scores on the network term, less than a shared project. */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { explain } from "../../../client/features/partners/explain";
import { en } from "../../../client/i18n/en";
import { sv } from "../../../client/i18n/sv";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { projectNeeds, scorePair } from "../../../server/match/pair-score";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { suggestProjects } from "../../../server/match/suggest-projects";
import type { Dataset } from "../../../shared/schema/dataset";
import type { Weights } from "../../../shared/schema/match";
import { event, organisation, project, region } from "../../fixtures/dataset";

/**
 * Project "p" has member "lead". "met" was at Hackathon #2 with "lead"; "colleague" shared another project with
 * "lead"; "both" did both; "stranger" was at an event without anyone from "p".
 */
function dataset(): Dataset {
  return {
    regions: [region("01", "Stockholm", [])],
    topics: [],
    skills: [],
    organisations: ["both", "colleague", "lead", "met", "stranger", "other"].map((id) => organisation(id)),
    fundingCalls: [],
    projects: [project("p", { lead: "lead" }), project("earlier", { lead: "lead", partners: ["colleague", "both"] })],
    events: [
      event("hackathon-2", {
        name: { sv: "Hackathon #2", en: "Hackathon #2" },
        kind: "hackathon",
        organisers: ["lead"],
        partners: ["met", "both"],
      }),
      event("elsewhere", { organisers: ["stranger"], partners: ["other"] }),
    ],
  };
}

const network: Weights = { topics: 0, skills: 0, geography: 0, network: 1 };
const ix = buildMatchIndex(buildGraph(dataset()));
const suggestions = () => suggestPartners(ix, "p", { weights: network, limit: 10 }).suggestions;
const byId = () => Object.fromEntries(suggestions().map((s) => [s.id, s]));

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: "sv", resources: { sv: { translation: sv }, en: { translation: en } } });
});

describe("events as network evidence", () => {
  it("ranks a shared project above a shared event, and both together above either", () => {
    // (Listed order may differ: "colleague" repeats "both"'s evidence and is moved down for variety.)
    expect(
      suggestions()
        .map((s) => s.id)
        .sort(),
    ).toEqual(["both", "colleague", "met"]);
    const s = byId();
    expect(s.both?.score).toBeGreaterThan(s.colleague?.score as number);
    expect(s.met?.score).toBeGreaterThan(0);
    expect(s.met?.score).toBeLessThan(s.colleague?.score as number);
    expect(s.met?.evidence.sharedEvents).toEqual([
      { id: "hackathon-2", label: { sv: "Hackathon #2", en: "Hackathon #2" } },
    ]);
    expect(s.met?.evidence.sharedPartners).toEqual([]);
    expect(s.colleague?.evidence.sharedEvents).toEqual([]);
  });

  it("agrees with scorePair, the one definition of the terms", () => {
    const needs = projectNeeds(ix, ix.projectIndex.get("p") as number, "complement");
    for (const s of suggestions()) {
      const { terms } = scorePair(ix, needs, ix.orgIndex.get(s.id) as number, "complement");
      expect(s.score).toBeCloseTo(terms.network, 12);
    }
  });

  it("gives no credit for an event no member was at", () => {
    expect(suggestions().map((s) => s.id)).not.toContain("stranger");
    expect(suggestions().map((s) => s.id)).not.toContain("other");
  });

  it("lets an organisation find a project through someone it met at an event", () => {
    const found = suggestProjects(ix, "met", { weights: network, limit: 10 });
    expect(found.map((p) => p.id)).toContain("p");
    expect(found.find((p) => p.id === "p")?.evidence.sharedEvents.map((e) => e.id)).toEqual(["hackathon-2"]);
  });

  it("reads as 'Ni var båda med på Hackathon #2' / 'You were both at Hackathon #2'", () => {
    const evidence = byId().met?.evidence;
    if (!evidence) throw new Error("met was not suggested");
    expect(explain(evidence, "partner", "sv", i18n.getFixedT("sv"))).toEqual(["Ni var båda med på Hackathon #2"]);
    expect(explain(evidence, "partner", "en", i18n.getFixedT("en"))).toEqual(["You were both at Hackathon #2"]);
  });
});
