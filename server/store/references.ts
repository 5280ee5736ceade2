/** Which other entities a record points to: the rows of the reference table, derived from the record itself. */
import type { FundingCall } from "../../shared/schema/funding-call";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import type { Region } from "../../shared/schema/region";
import type { EntityKind } from "./entity-kind";

export interface Reference {
  relation: string;
  /** The record's field the reference comes from, for error messages. */
  field: string;
  toKind: EntityKind;
  toId: string;
}

const refs = (relation: string, field: string, toKind: EntityKind, ids: readonly (string | undefined)[]): Reference[] =>
  ids.filter((id): id is string => id !== undefined).map((toId) => ({ relation, field, toKind, toId }));

export function referencesOfRegion(r: Region): Reference[] {
  return refs("neighbours", "neighbours", "region", r.neighbours);
}

export function referencesOfOrganisation(o: Organisation): Reference[] {
  return [
    ...refs("active-in", "regions", "region", o.regions),
    ...refs("topic", "topics", "topic", o.topics),
    ...refs("offers", "skills", "skill", o.skills),
  ];
}

export function referencesOfFundingCall(c: FundingCall): Reference[] {
  return refs("funder", "funder", "organisation", [c.funder]);
}

export function referencesOfProject(p: Project): Reference[] {
  return [
    ...refs("lead", "lead", "organisation", [p.lead]),
    ...refs("partner", "partners", "organisation", p.partners),
    ...refs("topic", "topics", "topic", p.topics),
    ...refs("needs", "skillsNeeded", "skill", p.skillsNeeded),
    ...refs("covers", "regions", "region", p.regions),
    ...refs("funding-call", "fundingCall", "funding-call", [p.fundingCall]),
  ];
}
