/**
 * Which matching terms cannot change an organisation's list of projects, and why: a term that is zero for every
 * candidate adds nothing however its slider is set. The client shows the reason beside the slider. (A project's list
 * of partners carries its own account of dead terms in the match.partners answer: suggest-partners.ts.)
 */
import type { InertTerm } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";
import { coAttendeesOf, collaboratorsOf } from "./pair-score";
import { UnknownEntityError } from "./suggest-partners";

/** For an organisation looking for projects to join (match.projects). */
export function inertProjectTerms(ix: MatchIndex, organisationId: string): InertTerm[] {
  const org = ix.orgIndex.get(organisationId);
  if (org === undefined) throw new UnknownEntityError("organisation", organisationId);
  const inert: InertTerm[] = [];
  if ((ix.orgTopics[org] as number[]).length === 0) inert.push({ term: "topics", reason: "no-topics" });
  if ((ix.orgSkills[org] as number[]).length === 0) inert.push({ term: "skills", reason: "no-skills" });
  if ((ix.orgRegions[org] as number[]).length === 0 && !ix.orgNational[org])
    inert.push({ term: "geography", reason: "no-regions" });
  if (collaboratorsOf(ix, org, -1).size === 0 && coAttendeesOf(ix, org).size === 0)
    inert.push({ term: "network", reason: "no-shared-partners" });
  return inert;
}
