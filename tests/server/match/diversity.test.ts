/**
 * The diversity rule: no top five holds 3 or more co-members of one other project whose evidence is identical.
 * Checked on a block made for it and on every project of the real seed.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../server/graph/build";
import { diversify } from "../../../server/match/diversify";
import { hasBlock, PLAIN_RULES } from "../../../server/match/evaluate";
import { buildMatchIndex } from "../../../server/match/match-index";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { FLAT_EVIDENCE_RULE } from "../../../server/match/topic-credit";
import { loadDataDir } from "../../../server/store/load-data-dir";
import type { Dataset } from "../../../shared/schema/dataset";
import { DEFAULT_WEIGHTS, type Evidence } from "../../../shared/schema/match";
import { organisation, project, region } from "../../fixtures/dataset";

const evidence = (topics: string[]): Evidence => ({
  topics: topics.map((id) => ({ id, label: { sv: id, en: id }, direct: true, credit: 1 })),
  skills: [],
  regions: [],
  geography: "complement",
  sharedPartners: [],
  sharedEvents: [],
});

describe("diversify", () => {
  const item = (id: string, score: number, topics: string[]) => ({ id, name: id, score, evidence: evidence(topics) });

  it("moves a related candidate with nothing new below a different one, and names the one above", () => {
    const ranked = [item("a", 0.5, ["x", "y"]), item("b", 0.49, ["x"]), item("c", 0.3, ["z"])];
    const result = diversify(ranked, 0.5, () => true);
    expect(result.map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(result[2]?.sameEvidenceAs).toEqual({ id: "a", label: { sv: "a", en: "a" } });
    expect(result[0]?.sameEvidenceAs).toBeUndefined();
  });

  it("leaves unrelated organisations with the same evidence, and a penalty of 0, in score order", () => {
    const ranked = [item("a", 0.5, ["x"]), item("b", 0.49, ["x"]), item("c", 0.3, ["z"])];
    expect(diversify(ranked, 0.5, () => false).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(diversify(ranked, 0, () => true).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});

/** Project "target" on health; four co-members of "rural" also have it from there (ties won by that experience); four solos list it themselves. */
function blockDataset(): Dataset {
  const rural = ["r1", "r2", "r3", "r4"];
  return {
    regions: [region("01", "Stockholm", []), region("24", "Västerbotten", [])],
    topics: [{ id: "health", label: { sv: "Hälsa", en: "Health" } }],
    skills: [],
    organisations: [
      organisation("lead", { regions: ["01"] }),
      ...rural.map((id) => organisation(id, { regions: ["24"] })),
      ...["solo-w", "solo-x", "solo-y", "solo-z"].map((id) =>
        organisation(id, { regions: ["24"], topics: ["health"] }),
      ),
    ],
    fundingCalls: [],
    events: [],
    projects: [
      project("target", { lead: "lead", topics: ["health"], regions: ["01"] }),
      project("rural", { lead: "r1", partners: rural.slice(1), topics: ["health"], regions: ["24"] }),
    ],
  };
}

describe("partner lists", () => {
  it("break up a block of co-members with identical evidence that plain score order would show", () => {
    const ix = buildMatchIndex(buildGraph(blockDataset()), FLAT_EVIDENCE_RULE);
    const options = { weights: DEFAULT_WEIGHTS, limit: 5 };
    const plain = suggestPartners(ix, "target", { ...options, rules: PLAIN_RULES }).suggestions;
    expect(hasBlock(ix, "target", plain)).toBe(true);
    const diverse = suggestPartners(ix, "target", options).suggestions;
    expect(hasBlock(ix, "target", diverse)).toBe(false);
    expect(diverse.slice(0, 3).map((s) => s.id)).toContain("solo-x");
    // Further down, the moved co-members say whose evidence they repeat.
    const longer = suggestPartners(ix, "target", { ...options, limit: 10 }).suggestions;
    expect(longer.find((s) => s.id === "r2")?.sameEvidenceAs?.id).toBe("r1");
  });

  it("never show such a block in any default top five on the real seed", () => {
    const data = loadDataDir(join(import.meta.dirname, "..", "..", "..", "data"));
    const ix = buildMatchIndex(buildGraph(data));
    const blocks = data.projects.filter((p) =>
      hasBlock(ix, p.id, suggestPartners(ix, p.id, { weights: DEFAULT_WEIGHTS, limit: 5 }).suggestions),
    );
    expect(blocks.map((p) => p.id)).toEqual([]);
  });
});
