/**
 * One (project, organisation) pair scored and explained as match.partners would, with the same weights and geography
 * mode, whatever its rank: what a shortlist shows for an organisation saved earlier. The ranking's extras (the
 * variety penalty, the missing-skill slot) are about order, not about the pair, so they do not apply here.
 */
import type { Suggestion, Weights } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";
import { type GeographyMode, projectNeeds, scorePair, toSuggestion } from "./pair-score";
import { geographyUsed } from "./suggest-partners";

/** The pair's suggestion, or undefined when either is not in the index (deleted, or not yet loaded). */
export function partnerScore(
  ix: MatchIndex,
  projectId: string,
  organisationId: string,
  weights: Weights,
  geography: GeographyMode = "complement",
): Suggestion | undefined {
  const project = ix.projectIndex.get(projectId);
  const org = ix.orgIndex.get(organisationId);
  if (project === undefined || org === undefined) return undefined;
  const mode = geographyUsed(ix, project, geography, true);
  const { terms, evidence } = scorePair(ix, projectNeeds(ix, project, mode), org, mode);
  return toSuggestion("organisation", organisationId, ix.orgNames[org] as string, terms, evidence, weights);
}
