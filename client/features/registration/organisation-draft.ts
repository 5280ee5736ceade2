/** The organisation form's state (text as typed) and its conversion to and from an Organisation record. */
import type { Organisation, OrganisationKind } from "../../../shared/schema/organisation";
import { slugify } from "../../../shared/slug";
import { optionalText, sourceLines } from "./draft-text";

export interface OrganisationDraft {
  /** Set when editing: the id names the record and cannot change. */
  fixedId?: string;
  name: string;
  kind: OrganisationKind | "";
  summarySv: string;
  summaryEn: string;
  topics: string[];
  skills: string[];
  regions: string[];
  national: boolean;
  website: string;
  sources: string;
  base?: Organisation;
}

export const EMPTY_ORGANISATION_DRAFT: OrganisationDraft = {
  name: "",
  kind: "",
  summarySv: "",
  summaryEn: "",
  topics: [],
  skills: [],
  regions: [],
  national: false,
  website: "",
  sources: "",
};

export function organisationDraftOf(record: Organisation): OrganisationDraft {
  return {
    fixedId: record.id,
    name: record.name,
    kind: record.kind,
    summarySv: record.summary.sv,
    summaryEn: record.summary.en,
    topics: record.topics,
    skills: record.skills,
    regions: record.regions,
    national: record.national,
    website: record.website ?? "",
    sources: record.sources.join("\n"),
    base: record,
  };
}

export function organisationOfDraft(d: OrganisationDraft): Record<string, unknown> {
  return {
    ...d.base,
    id: d.fixedId ?? slugify(d.name),
    name: d.name.trim(),
    kind: d.kind === "" ? undefined : d.kind,
    summary: { sv: d.summarySv.trim(), en: d.summaryEn.trim() },
    topics: d.topics,
    skills: d.skills,
    regions: d.regions,
    national: d.national,
    website: optionalText(d.website),
    sources: sourceLines(d.sources),
  };
}
