/** The project form's state (text as typed) and its conversion to and from a Project record. */
import type { Project, ProjectStatus } from "../../../shared/schema/project";
import { slugify } from "../../../shared/slug";
import { optionalText, sourceLines, yearOf } from "./draft-text";

export interface ProjectDraft {
  /** Set when editing: the id names the record and cannot change. */
  fixedId?: string;
  name: string;
  summarySv: string;
  summaryEn: string;
  status: ProjectStatus;
  startYear: string;
  endYear: string;
  lead: string;
  partners: string[];
  topics: string[];
  skillsNeeded: string[];
  regions: string[];
  national: boolean;
  website: string;
  sources: string;
  /** The stored record, so fields the form does not show (funding call) survive an edit. */
  base?: Project;
}

export const EMPTY_PROJECT_DRAFT: ProjectDraft = {
  name: "",
  summarySv: "",
  summaryEn: "",
  status: "active",
  startYear: "",
  endYear: "",
  lead: "",
  partners: [],
  topics: [],
  skillsNeeded: [],
  regions: [],
  national: false,
  website: "",
  sources: "",
};

export function projectDraftOf(record: Project): ProjectDraft {
  return {
    fixedId: record.id,
    name: record.name,
    summarySv: record.summary.sv,
    summaryEn: record.summary.en,
    status: record.status,
    startYear: record.startYear?.toString() ?? "",
    endYear: record.endYear?.toString() ?? "",
    lead: record.lead ?? "",
    partners: record.partners,
    topics: record.topics,
    skillsNeeded: record.skillsNeeded,
    regions: record.regions,
    national: record.national,
    website: record.website ?? "",
    sources: record.sources.join("\n"),
    base: record,
  };
}

/** The record to validate and send; not yet checked, so typed loosely. */
export function projectOfDraft(d: ProjectDraft): Record<string, unknown> {
  return {
    ...d.base,
    id: d.fixedId ?? slugify(d.name),
    name: d.name.trim(),
    summary: { sv: d.summarySv.trim(), en: d.summaryEn.trim() },
    status: d.status,
    startYear: yearOf(d.startYear),
    endYear: yearOf(d.endYear),
    lead: optionalText(d.lead),
    partners: d.partners,
    topics: d.topics,
    skillsNeeded: d.skillsNeeded,
    regions: d.regions,
    national: d.national,
    website: optionalText(d.website),
    sources: sourceLines(d.sources),
  };
}
