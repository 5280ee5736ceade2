/** Pins the partner reasons (direct vs inherited, the variety note) and the notices about controls that do nothing. */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { explain, explainSuggestion } from "../../client/features/partners/explain";
import { termNotices } from "../../client/features/partners/term-notices";
import { en } from "../../client/i18n/en";
import { sv } from "../../client/i18n/sv";
import type { Evidence, PartnerSuggestions, Suggestion } from "../../shared/schema/match";
import { DEFAULT_WEIGHTS } from "../../shared/schema/match";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: "sv", resources: { sv: { translation: sv }, en: { translation: en } } });
});
const label = (sv: string, en = sv) => ({ sv, en });
const evidence: Evidence = {
  topics: [
    { id: "open-data", label: label("Öppna data", "Open data"), direct: true, credit: 1 },
    {
      id: "health",
      label: label("Hälso- och sjukvård", "Health care"),
      direct: false,
      project: { id: "ctp", label: label("Civic Tech Platform") },
      credit: 0.1,
    },
  ],
  skills: [],
  regions: [],
  geography: "complement",
  sharedPartners: [],
  sharedEvents: [],
};

describe("reasons", () => {
  it("say which topics are the organisation's own and which come through which project, in both languages", () => {
    expect(explain(evidence, "partner", "sv", i18n.getFixedT("sv"))).toEqual([
      "Arbetar med öppna data",
      "Har arbetat med hälso- och sjukvård i projektet Civic Tech Platform",
    ]);
    expect(explain(evidence, "partner", "en", i18n.getFixedT("en"))).toEqual([
      "Works on open data",
      "Has worked on health care in the project Civic Tech Platform",
    ]);
    expect(explain(evidence, "gap", "sv", i18n.getFixedT("sv"))[1]).toBe(
      "Har arbetat med hälso- och sjukvård i projektet Civic Tech Platform",
    );
  });

  it("name the candidate above whose reasons one moved down repeats", () => {
    const s: Suggestion = {
      key: "organisation:b",
      id: "b",
      name: "B",
      score: 0.2,
      contributions: { topics: 0.2, skills: 0, geography: 0, network: 0 },
      evidence,
      sameEvidenceAs: { id: "a", label: label("Region Västerbotten") },
    };
    expect(explainSuggestion(s, "partner", "sv", i18n.getFixedT("sv")).at(-1)).toMatch(
      /^Samma skäl som Region Västerbotten ovan/,
    );
  });
});

describe("term notices", () => {
  const answer = (over: Partial<PartnerSuggestions>): PartnerSuggestions => ({
    suggestions: [],
    terms: {
      topics: { active: true },
      skills: { active: true },
      geography: { active: true },
      network: { active: true },
    },
    geography: { asked: "complement", used: "complement" },
    missingSkills: [],
    fillsMissingSkill: [],
    missingFromTopFive: [],
    ...over,
  });

  it("say nothing when every term does something", () => {
    expect(termNotices(answer({}), DEFAULT_WEIGHTS)).toEqual([]);
  });

  it("offer nearby when the members cover every län, and name other dead terms with their reason", () => {
    const dead = answer({
      terms: {
        topics: { active: true },
        skills: { active: false, reason: "noneMissing" },
        geography: { active: false, reason: "membersCoverAll" },
        network: { active: true },
      },
    });
    expect(termNotices(dead, DEFAULT_WEIGHTS)).toEqual([
      { kind: "dead", term: "skills", reason: "noneMissing" },
      { kind: "offerNearby" },
    ]);
    // A term the user weighted 0 is not a dead control.
    expect(termNotices(dead, { ...DEFAULT_WEIGHTS, skills: 0 })).toEqual([{ kind: "offerNearby" }]);
  });

  it("say so when complement fell back to nearby", () => {
    expect(termNotices(answer({ geography: { asked: "complement", used: "nearby" } }), DEFAULT_WEIGHTS)).toEqual([
      { kind: "fallback" },
    ]);
  });
});
