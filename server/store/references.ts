/** Which other entities a record points to: the rows of the reference table, derived from the record itself. */
import type { FundingCall } from "../../shared/schema/funding-call";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import type { Region } from "../../shared/schema/region";
import type { EntityKind } from "./entity-kind";

export interface Reference {
  relation: string;
  toKind: EntityKind;
  toId: string;
}

const refs = (relation: string, toKind: EntityKind, ids: readonly (string | undefined)[]): Reference[] =>
  ids.filter((id): id is string => id !== undefined).map((toId) => ({ relation, toKind, toId }));

export function referencesOfRegion(r: Region): Reference[] {
  return refs("neighbours", "region", r.neighbours);
}

export function referencesOfOrganisation(o: Organisation): Reference[] {
  return [
    ...refs("active-in", "region", o.regions),
    ...refs("topic", "topic", o.topics),
    ...refs("offers", "skill", o.skills),
  ];
}

export function referencesOfFundingCall(c: FundingCall): Reference[] {
  return refs("funder", "organisation", [c.funder]);
}

export function referencesOfProject(p: Project): Reference[] {
  return [
    ...refs("lead", "organisation", [p.lead]),
    ...refs("partner", "organisation", p.partners),
    ...refs("topic", "topic", p.topics),
    ...refs("needs", "skill", p.skillsNeeded),
    ...refs("covers", "region", p.regions),
    ...refs("funding-call", "funding-call", [p.fundingCall]),
  ];
}
