/** A whole data set (seed files or a synthetic graph): every entity list plus the check that references resolve. */
import { z } from "zod";
import { EventSchema } from "./event";
import { FundingCallSchema } from "./funding-call";
import { OrganisationSchema } from "./organisation";
import { ProjectSchema } from "./project";
import { RegionSchema } from "./region";
import { SkillSchema } from "./skill";
import { TopicSchema } from "./topic";

/** The entity lists of a data set, in load order (referenced kinds first), with the file each lives in under data/. */
export const DATASET_FILES = {
  regions: "regions.json",
  topics: "topics.json",
  skills: "skills.json",
  organisations: "organisations.json",
  fundingCalls: "funding-calls.json",
  projects: "projects.json",
  events: "events.json",
} as const;
export type DatasetPart = keyof typeof DATASET_FILES;

export const DatasetSchema = z.object({
  regions: z.array(RegionSchema),
  topics: z.array(TopicSchema),
  skills: z.array(SkillSchema),
  organisations: z.array(OrganisationSchema),
  fundingCalls: z.array(FundingCallSchema),
  projects: z.array(ProjectSchema),
  events: z.array(EventSchema),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** A problem in a data set, located by list, entity id and field. */
export interface DatasetIssue {
  part: DatasetPart;
  index: number;
  id: string;
  field: string;
  message: string;
}

/** Finds duplicate ids and references to entities that do not exist. Returns [] when the data set is consistent. */
export function findDatasetIssues(data: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const ids = {
    regions: new Set<string>(),
    topics: new Set<string>(),
    skills: new Set<string>(),
    organisations: new Set<string>(),
    fundingCalls: new Set<string>(),
    projects: new Set<string>(),
    events: new Set<string>(),
  };
  const idOf = (part: DatasetPart, e: { id?: string; code?: string }) => (part === "regions" ? e.code : e.id) ?? "";
  for (const part of Object.keys(DATASET_FILES) as DatasetPart[]) {
    data[part].forEach((e, index) => {
      const id = idOf(part, e);
      if (ids[part].has(id))
        issues.push({ part, index, id, field: part === "regions" ? "code" : "id", message: `duplicate id "${id}"` });
      ids[part].add(id);
    });
  }
  const check = (
    part: DatasetPart,
    index: number,
    id: string,
    field: string,
    target: keyof typeof ids,
    refs: readonly (string | undefined)[],
  ) => {
    for (const ref of refs) {
      if (ref !== undefined && !ids[target].has(ref)) {
        issues.push({ part, index, id, field, message: `unknown ${target.replace(/s$/, "")} "${ref}"` });
      }
    }
  };
  data.regions.forEach((r, i) => {
    check("regions", i, r.code, "neighbours", "regions", r.neighbours);
    if (r.neighbours.includes(r.code))
      issues.push({
        part: "regions",
        index: i,
        id: r.code,
        field: "neighbours",
        message: "a county cannot neighbour itself",
      });
  });
  data.organisations.forEach((o, i) => {
    check("organisations", i, o.id, "regions", "regions", o.regions);
    check("organisations", i, o.id, "topics", "topics", o.topics);
    check("organisations", i, o.id, "skills", "skills", o.skills);
    (o.ties ?? []).forEach((t, j) => {
      check("organisations", i, o.id, `ties.${j}.organisation`, "organisations", [t.organisation]);
    });
  });
  data.fundingCalls.forEach((c, i) => {
    check("fundingCalls", i, c.id, "funder", "organisations", [c.funder]);
  });
  data.projects.forEach((p, i) => {
    check("projects", i, p.id, "lead", "organisations", [p.lead]);
    check("projects", i, p.id, "partners", "organisations", p.partners);
    check("projects", i, p.id, "topics", "topics", p.topics);
    check("projects", i, p.id, "skillsNeeded", "skills", p.skillsNeeded);
    check("projects", i, p.id, "regions", "regions", p.regions);
    check("projects", i, p.id, "fundingCall", "fundingCalls", [p.fundingCall]);
  });
  data.events.forEach((e, i) => {
    check("events", i, e.id, "venue", "organisations", [e.venue]);
    check("events", i, e.id, "region", "regions", [e.region]);
    check("events", i, e.id, "organisers", "organisations", e.organisers);
    check("events", i, e.id, "partners", "organisations", e.partners);
    check("events", i, e.id, "topics", "topics", e.topics);
  });
  return issues;
}

export function formatDatasetIssue(issue: DatasetIssue): string {
  return `${DATASET_FILES[issue.part]}: ${issue.part}[${issue.index}] (id "${issue.id}"), field "${issue.field}": ${issue.message}`;
}
