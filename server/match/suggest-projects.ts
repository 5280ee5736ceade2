/** Projects an organisation could join: the partner terms seen from the organisation's side. */
import type { Suggestion } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";
import {
  coAttendeesOf,
  collaboratorsOf,
  contributions,
  type GeographyMode,
  projectNeeds,
  scorePair,
  sumTerms,
  toSuggestion,
} from "./pair-score";
import { type MatchOptions, UnknownEntityError } from "./suggest-partners";
import { TopK } from "./top-k";

/**
 * Projects that share anything with the organisation: a topic, a skill it offers, a län it reaches, a partner, an
 * organisation it met at an event.
 */
function candidateProjects(ix: MatchIndex, org: number): Set<number> {
  const found = new Set<number>();
  const addAll = (ps: readonly number[] | undefined) => {
    for (const p of ps ?? []) found.add(p);
  };
  for (const t of ix.orgTopics[org] as number[]) addAll(ix.topicProjects[t]);
  for (const s of ix.orgSkills[org] as number[]) addAll(ix.skillProjects[s]);
  for (const r of ix.orgRegions[org] as number[]) {
    addAll(ix.regionProjects[r]);
    for (const n of ix.regionNeighbours[r] as number[]) addAll(ix.regionProjects[n]);
  }
  for (const z of collaboratorsOf(ix, org, -1)) addAll(ix.orgProjects[z]);
  for (const z of coAttendeesOf(ix, org)) addAll(ix.orgProjects[z]);
  for (const p of ix.orgProjects[org] as number[]) found.delete(p);
  return found;
}

export function suggestProjects(ix: MatchIndex, organisationId: string, options: MatchOptions): Suggestion[] {
  const org = ix.orgIndex.get(organisationId);
  if (org === undefined) throw new UnknownEntityError("organisation", organisationId);
  const mode: GeographyMode = options.filters?.geography ?? "complement";
  const exclude = new Set(options.filters?.exclude ?? []);
  const regions = options.filters?.regions?.length ? new Set(options.filters.regions) : undefined;
  const top = new TopK<{ p: number; result: ReturnType<typeof scorePair> }>(options.limit);
  for (const p of candidateProjects(ix, org)) {
    if (exclude.has(ix.projectIds[p] as string)) continue;
    if (regions && !(ix.projectRegions[p] as number[]).some((r) => regions.has(ix.regionCodes[r] as string))) continue;
    const result = scorePair(ix, projectNeeds(ix, p, mode), org, mode);
    const score = sumTerms(contributions(result.terms, options.weights));
    if (score > 0) top.offer(score, { p, result });
  }
  return top
    .result()
    .map(({ item: { p, result } }) =>
      toSuggestion(
        "project",
        ix.projectIds[p] as string,
        ix.projectNames[p] as string,
        result.terms,
        result.evidence,
        options.weights,
      ),
    );
}
