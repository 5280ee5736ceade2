/** Pins the one rule for topic evidence: own topics count fully, inherited ones less, the less the more co-members. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { buildMatchIndex } from "../../../server/match/match-index";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { DEFAULT_EVIDENCE_RULE, FLAT_EVIDENCE_RULE } from "../../../server/match/topic-credit";
import type { Dataset } from "../../../shared/schema/dataset";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";
import { organisation, project, region } from "../../fixtures/dataset";

/** "target" is about open data. own-a lists open data; duo-b got it from a project of two; crowd-c from one of six. */
function dataset(): Dataset {
  const crowd = ["crowd-c", "x1", "x2", "x3", "x4", "x5"];
  return {
    regions: [region("01", "Stockholm", [])],
    topics: [
      { id: "open-data", label: { sv: "Öppna data", en: "Open data" } },
      { id: "health", label: { sv: "Hälsa", en: "Health" } },
    ],
    skills: [],
    organisations: [
      organisation("lead", { regions: ["01"] }),
      organisation("own-a", { topics: ["open-data"] }),
      organisation("duo-b", {}),
      organisation("duo-partner", { topics: ["health"] }),
      ...crowd.map((id) => organisation(id, {})),
    ],
    fundingCalls: [],
    events: [],
    projects: [
      project("target", { lead: "lead", topics: ["open-data"] }),
      project("duo", { lead: "duo-b", partners: ["duo-partner"], topics: ["open-data"] }),
      project("crowd", { lead: "crowd-c", partners: crowd.slice(1), topics: ["open-data"] }),
    ],
  };
}

const ix = buildMatchIndex(buildGraph(dataset()));
const topicsTerm = (id: string) =>
  suggestPartners(ix, "target", { weights: DEFAULT_WEIGHTS, limit: 20 }).suggestions.find((s) => s.id === id);

describe("topic evidence by directness", () => {
  it("gives an own topic credit 1 and an inherited one inherited / members, naming the project", () => {
    const credit = (org: string) => {
      const o = ix.orgIndex.get(org) as number;
      const i = (ix.orgTopics[o] as number[]).indexOf(ix.topicIds.indexOf("open-data"));
      return { credit: ix.orgTopicCredit[o]?.[i], source: ix.projectIds[ix.orgTopicSource[o]?.[i] as number] };
    };
    expect(DEFAULT_EVIDENCE_RULE).toEqual({ inherited: 0.5, dilution: 1 });
    expect(credit("own-a")).toEqual({ credit: 1, source: undefined });
    expect(credit("duo-b")).toEqual({ credit: 0.25, source: "duo" });
    expect(credit("crowd-c").credit).toBeCloseTo(0.5 / 6);
    expect(credit("crowd-c").source).toBe("crowd");
  });

  it("ranks the organisation whose own topic it is above those that inherited it, and says which is which", () => {
    const ids = suggestPartners(ix, "target", { weights: DEFAULT_WEIGHTS, limit: 20 }).suggestions.map((s) => s.id);
    expect(ids.indexOf("own-a")).toBe(0);
    expect(ids.indexOf("duo-b")).toBeLessThan(ids.indexOf("crowd-c"));
    expect(topicsTerm("own-a")?.evidence.topics).toEqual([
      { id: "open-data", label: { sv: "Öppna data", en: "Open data" }, direct: true, credit: 1 },
    ]);
    expect(topicsTerm("duo-b")?.evidence.topics[0]).toMatchObject({
      direct: false,
      project: { id: "duo", label: { sv: "duo", en: "duo" } },
      credit: 0.25,
    });
  });

  it("counts every topic fully under the flat rule (the evaluation's 'without direct/inherited')", () => {
    const flat = buildMatchIndex(buildGraph(dataset()), FLAT_EVIDENCE_RULE);
    const o = flat.orgIndex.get("crowd-c") as number;
    expect(flat.orgTopicCredit[o]).toEqual([1]);
    expect(flat.evidenceRule).toBe(FLAT_EVIDENCE_RULE);
  });
});
