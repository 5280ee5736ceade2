/**
 * Which matching terms cannot change a ranking, and why: a term that is zero for every candidate adds nothing however
 * its slider is set. The client shows the reason beside the slider instead of letting it silently do nothing.
 */
import type { InertTerm } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";
import { collaboratorsOf, type GeographyMode, projectNeeds } from "./pair-score";
import { UnknownEntityError } from "./suggest-partners";

/** For a project looking for partners (match.partners). */
export function inertPartnerTerms(ix: MatchIndex, projectId: string, mode: GeographyMode): InertTerm[] {
  const project = ix.projectIndex.get(projectId);
  if (project === undefined) throw new UnknownEntityError("project", projectId);
  const needs = projectNeeds(ix, project, mode);
  const inert: InertTerm[] = [];
  if (needs.topicIdfTotal === 0) inert.push({ term: "topics", reason: "no-topics" });
  if (needs.missingSkills.length === 0) {
    const needsAny = (ix.projectSkills[project] as number[]).length > 0;
    inert.push({ term: "skills", reason: needsAny ? "skills-covered" : "no-skills" });
  }
  if (needs.targetRegions.length === 0) {
    const hasRegions = (ix.projectRegions[project] as number[]).length > 0;
    inert.push({ term: "geography", reason: hasRegions && mode === "complement" ? "regions-covered" : "no-regions" });
  }
  // The network term needs a member who has worked, on another project, with someone outside this one.
  const outside = (m: number) => [...collaboratorsOf(ix, m, project)].some((c) => !needs.members.has(c));
  if (![...needs.members].some(outside)) inert.push({ term: "network", reason: "no-shared-partners" });
  return inert;
}

/** For an organisation looking for projects to join (match.projects). */
export function inertProjectTerms(ix: MatchIndex, organisationId: string): InertTerm[] {
  const org = ix.orgIndex.get(organisationId);
  if (org === undefined) throw new UnknownEntityError("organisation", organisationId);
  const inert: InertTerm[] = [];
  if ((ix.orgTopics[org] as number[]).length === 0) inert.push({ term: "topics", reason: "no-topics" });
  if ((ix.orgSkills[org] as number[]).length === 0) inert.push({ term: "skills", reason: "no-skills" });
  if ((ix.orgRegions[org] as number[]).length === 0 && !ix.orgNational[org])
    inert.push({ term: "geography", reason: "no-regions" });
  if (collaboratorsOf(ix, org, -1).size === 0) inert.push({ term: "network", reason: "no-shared-partners" });
  return inert;
}
