/** A civic tech project: who leads it, who takes part, what it is about and where. */
import { z } from "zod";
import { idList, NameSchema, SlugSchema, SourcesSchema, SummarySchema, WebUrlSchema, YearSchema } from "./common";
import { RegionCodeSchema } from "./region";

import { PROJECT_STATUSES } from "./value-lists";

export { PROJECT_STATUSES };
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

export const ProjectSchema = z
  .object({
    id: SlugSchema,
    name: NameSchema,
    summary: SummarySchema,
    status: ProjectStatusSchema,
    startYear: YearSchema.optional(),
    endYear: YearSchema.optional(),
    /** Lead organisation (coordinator), when a source names one. */
    lead: SlugSchema.optional(),
    /** Partner organisations other than the lead. */
    partners: idList(SlugSchema),
    topics: idList(SlugSchema),
    skillsNeeded: idList(SlugSchema),
    /** Län the project covers. */
    regions: idList(RegionCodeSchema),
    national: z.boolean(),
    fundingCall: SlugSchema.optional(),
    website: WebUrlSchema.optional(),
    sources: SourcesSchema,
    synthetic: z.literal(true).optional(),
  })
  .refine((p) => p.startYear === undefined || p.endYear === undefined || p.startYear <= p.endYear, {
    message: "endYear must not be before startYear",
    path: ["endYear"],
  })
  .refine((p) => p.lead === undefined || !p.partners.includes(p.lead), {
    message: "the lead organisation must not also be listed as a partner",
    path: ["partners"],
  });
export type Project = z.infer<typeof ProjectSchema>;
