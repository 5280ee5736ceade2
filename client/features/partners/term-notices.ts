/**
 * Which notices the suggestions panel shows about its controls: a slider whose term gives every candidate 0 changes
 * nothing, so the panel says why (and, for geography in "complement" when the members cover every län, offers
 * "nearby"); when the server fell back to "nearby" by itself, it says that instead. Pure: answer in, notices out.
 */
import type { MatchTerm, PartnerSuggestions } from "../../../shared/schema/match";
import { MATCH_TERMS } from "../../../shared/schema/value-lists";

export type TermNotice =
  | { kind: "fallback" }
  | { kind: "offerNearby" }
  | { kind: "dead"; term: MatchTerm; reason: string };

export function termNotices(answer: PartnerSuggestions, weights: Record<MatchTerm, number>): TermNotice[] {
  const notices: TermNotice[] = [];
  if (answer.geography.used !== answer.geography.asked) notices.push({ kind: "fallback" });
  for (const term of MATCH_TERMS) {
    const status = answer.terms[term];
    // A term weighted 0 is the user's choice, not a dead control.
    if (status.active || weights[term] === 0) continue;
    if (term === "geography" && status.reason === "membersCoverAll") notices.push({ kind: "offerNearby" });
    else notices.push({ kind: "dead", term, reason: status.reason ?? "noCandidate" });
  }
  return notices;
}
