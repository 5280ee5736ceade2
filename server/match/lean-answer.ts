/**
 * The explained suggestions the engine computes (with labels, as the shortlist CSV, the evaluation and `verbose`
 * answers use them) turned into the lean answers the API sends by default (shared/schema/lean-match.ts).
 */
import type { CoverageFillers } from "../../shared/schema/coverage";
import type {
  LeanCoverageFillers,
  LeanPartnerSuggestions,
  LeanSuggestion,
  LeanSuggestionList,
} from "../../shared/schema/lean-match";
import { type EvidenceItem, MATCH_TERMS, type PartnerSuggestions, type Suggestion } from "../../shared/schema/match";

/** Four decimals: a score shown as a percentage, or a bar a few hundred pixels wide, needs no more. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Sets `field` to the items' ids, unless there are none. */
function put(lean: LeanSuggestion, field: keyof LeanSuggestion, items: readonly EvidenceItem[]): void {
  if (items.length > 0) (lean as unknown as Record<string, string[]>)[field] = items.map((i) => i.id);
}

export function leanSuggestion(s: Suggestion): LeanSuggestion {
  const e = s.evidence;
  const lean: LeanSuggestion = {
    id: s.id,
    c: MATCH_TERMS.map((t) => round(s.contributions[t])) as LeanSuggestion["c"],
  };
  put(
    lean,
    "topics",
    e.topics.filter((t) => t.direct || !t.project),
  );
  const via = new Map<string, string[]>();
  for (const t of e.topics) if (!t.direct && t.project) via.set(t.project.id, [...(via.get(t.project.id) ?? []), t.id]);
  if (via.size > 0) lean.via = [...via];
  put(lean, "skills", e.skills);
  put(
    lean,
    "in",
    e.regions.filter((r) => r.via === "in"),
  );
  put(
    lean,
    "near",
    e.regions.filter((r) => r.via === "neighbour"),
  );
  put(
    lean,
    "national",
    e.regions.filter((r) => r.via === "national"),
  );
  put(lean, "partners", e.sharedPartners);
  put(lean, "events", e.sharedEvents);
  if (s.sameEvidenceAs) lean.same = s.sameEvidenceAs.id;
  return lean;
}

export const leanSuggestionList = (suggestions: readonly Suggestion[]): LeanSuggestionList => ({
  suggestions: suggestions.map(leanSuggestion),
});

export function leanPartnerSuggestions(answer: PartnerSuggestions): LeanPartnerSuggestions {
  const deadTerms: LeanPartnerSuggestions["deadTerms"] = {};
  for (const term of MATCH_TERMS) if (!answer.terms[term].active) deadTerms[term] = answer.terms[term].reason;
  return {
    suggestions: answer.suggestions.map(leanSuggestion),
    deadTerms,
    geography: answer.geography,
    missingSkills: answer.missingSkills.map((s) => s.id),
    fillsMissingSkill: answer.fillsMissingSkill.map(leanSuggestion),
    missingFromTopFive: answer.missingFromTopFive.map((s) => s.id),
  };
}

export const leanCoverageFillers = (answer: CoverageFillers): LeanCoverageFillers => ({
  ...answer,
  suggestions: answer.suggestions.map(leanSuggestion),
});
