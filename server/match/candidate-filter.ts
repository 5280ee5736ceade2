/**
 * The user's filters on organisation candidates: kinds, län (national organisations pass), and an exclude list.
 * Funders are not partners: they are left out unless the kinds filter asks for them.
 */
import type { MatchFilters } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";

export function organisationFilter(ix: MatchIndex, filters: MatchFilters | undefined): (org: number) => boolean {
  const kinds = filters?.organisationKinds?.length ? new Set(filters.organisationKinds) : undefined;
  const regions = filters?.regions?.length ? new Set(filters.regions) : undefined;
  const exclude = new Set(filters?.exclude ?? []);
  return (org) => {
    if (exclude.has(ix.orgIds[org] as string)) return false;
    if (kinds ? !kinds.has(ix.orgKinds[org] as never) : ix.orgKinds[org] === "funder") return false;
    if (
      regions &&
      !ix.orgNational[org] &&
      !(ix.orgRegions[org] as number[]).some((r) => regions.has(ix.regionCodes[r] as string))
    ) {
      return false;
    }
    return true;
  };
}
