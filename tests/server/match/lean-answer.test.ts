/**
 * Pins the lean answers: for every project, organisation and gap of the seed, the answer the API sends is small,
 * matches its schema, and, with the labels put back from the graph the client loads (with-labels.ts), reads exactly
 * as the engine's own explained answer (what `verbose` sends) in both languages.
 */
import { join } from "node:path";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { explainSuggestion, type Perspective } from "../../../client/features/partners/explain";
import {
  labelLookup,
  MissingLabelError,
  partnersWithLabels,
  suggestionWithLabels,
} from "../../../client/features/partners/with-labels";
import { en } from "../../../client/i18n/en";
import { sv } from "../../../client/i18n/sv";
import { coverageInput } from "../../../server/coverage/coverage-input";
import { gapFillers } from "../../../server/coverage/fillers";
import { buildGraph } from "../../../server/graph/build";
import { graphSnapshot } from "../../../server/graph/snapshot";
import { leanCoverageFillers, leanPartnerSuggestions, leanSuggestionList } from "../../../server/match/lean-answer";
import { buildMatchIndex } from "../../../server/match/match-index";
import { similarProjects } from "../../../server/match/similar-projects";
import { suggestPartners } from "../../../server/match/suggest-partners";
import { suggestProjects } from "../../../server/match/suggest-projects";
import { loadDataDir } from "../../../server/store/load-data-dir";
import { LeanPartnerSuggestionsSchema, LeanSuggestionListSchema } from "../../../shared/schema/lean-match";
import { DEFAULT_WEIGHTS, type Suggestion } from "../../../shared/schema/match";

const graph = buildGraph(loadDataDir(join(import.meta.dirname, "..", "..", "..", "data")));
const ix = buildMatchIndex(graph);
const labelOf = labelLookup(graphSnapshot(graph, 1).nodes);
const options = { weights: DEFAULT_WEIGHTS, limit: 20 };
const i18n = i18next.createInstance();
let t: Record<"sv" | "en", TFunction>;
beforeAll(async () => {
  await i18n.init({ lng: "sv", resources: { sv: { translation: sv }, en: { translation: en } } });
  t = { sv: i18n.getFixedT("sv"), en: i18n.getFixedT("en") };
});

/**
 * What a person reads of a suggestion: who, the reasons in both languages, and the score and its parts (rounded
 * to 4 decimals on the wire: equal to 1e-4, far below the percent the panel shows).
 */
const reading = (s: Suggestion, perspective: Perspective) => ({
  key: s.key,
  name: s.name,
  score: s.score,
  contributions: Object.values(s.contributions),
  sv: explainSuggestion(s, perspective, "sv", t.sv),
  en: explainSuggestion(s, perspective, "en", t.en),
});
/** toEqual with the numbers compared to within 1e-4 rather than exactly. */
const near = (x: ReturnType<typeof reading>[]) =>
  x.map((r) => ({
    ...r,
    score: expect.closeTo(r.score, 3),
    contributions: r.contributions.map((c) => expect.closeTo(c, 3)),
  }));
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

describe("lean answers", () => {
  it("give every seed project's 20 partners in at most 3 KB, reading exactly as the full answer", () => {
    const sizes: number[] = [];
    for (const projectId of ix.projectIds) {
      const full = suggestPartners(ix, projectId, options);
      const lean = leanPartnerSuggestions(full);
      expect(LeanPartnerSuggestionsSchema.parse(lean)).toEqual(lean);
      sizes.push(bytes(lean));
      const resolved = partnersWithLabels(lean, labelOf);
      expect(resolved.suggestions.map((s) => reading(s, "partner"))).toEqual(
        near(full.suggestions.map((s) => reading(s, "partner"))),
      );
      expect(resolved.fillsMissingSkill.map((s) => reading(s, "partner"))).toEqual(
        near(full.fillsMissingSkill.map((s) => reading(s, "partner"))),
      );
      expect(resolved.terms).toEqual(full.terms);
      expect(resolved.missingSkills).toEqual(full.missingSkills);
      expect(resolved.missingFromTopFive).toEqual(full.missingFromTopFive);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3000);
  });

  it("read the same for an organisation's projects and a project's similar ones", () => {
    for (const organisationId of ix.orgIds) {
      const full = suggestProjects(ix, organisationId, options);
      const lean = leanSuggestionList(full);
      expect(LeanSuggestionListSchema.parse(lean)).toEqual(lean);
      const resolved = lean.suggestions.map((s) => suggestionWithLabels(s, "project", "complement", labelOf));
      expect(resolved.map((s) => reading(s, "project"))).toEqual(near(full.map((s) => reading(s, "project"))));
    }
    for (const projectId of ix.projectIds) {
      const full = similarProjects(ix, projectId, options);
      const lean = leanSuggestionList(full);
      const resolved = lean.suggestions.map((s) => suggestionWithLabels(s, "project", "nearby", labelOf));
      expect(resolved.map((s) => reading(s, "similar"))).toEqual(near(full.map((s) => reading(s, "similar"))));
    }
  });

  it("read the same for every gap's fillers", () => {
    const input = coverageInput(graph, ix);
    for (const region of input.regions.slice(0, 6))
      for (const topicId of ix.topicIds) {
        const full = gapFillers(ix, input, region.code, topicId, { limit: 10 });
        const lean = leanCoverageFillers(full);
        const resolved = lean.suggestions.map((s) => suggestionWithLabels(s, "organisation", "complement", labelOf));
        expect(resolved.map((s) => reading(s, "gap"))).toEqual(near(full.suggestions.map((s) => reading(s, "gap"))));
      }
  });

  it("say which label the loaded graph lacks, so the client can ask verbose", () => {
    const lean = leanPartnerSuggestions(suggestPartners(ix, "egenmakt", options));
    const without = (key: string) => (k: string) => (k === key ? undefined : labelOf(k));
    const first = lean.suggestions[0]?.id as string;
    expect(() => partnersWithLabels(lean, without(`organisation:${first}`))).toThrow(MissingLabelError);
  });

  it("are a third of the verbose size or less", () => {
    const full = suggestPartners(ix, "egenmakt", options);
    expect(bytes(leanPartnerSuggestions(full)) * 3).toBeLessThanOrEqual(bytes(full));
  });
});
