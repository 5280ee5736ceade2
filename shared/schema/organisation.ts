/** An organisation of the ecosystem: association, company, agency, local group, funder, … */
import { z } from "zod";
import { idList, NameSchema, SlugSchema, SourcesSchema, SummarySchema, WebUrlSchema } from "./common";
import { RegionCodeSchema } from "./region";

export const ORGANISATION_KINDS = [
  "association",
  "cooperative",
  "company",
  "research-institute",
  "university",
  "school",
  "municipality",
  "region",
  "agency",
  "network",
  "local-group",
  "funder",
  "foundation",
  "venue",
] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const OrganisationSchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  kind: OrganisationKindSchema,
  /** Our own one-line summary (never copied prose). */
  summary: SummarySchema,
  website: WebUrlSchema.optional(),
  /** Län the organisation is based or active in. */
  regions: idList(RegionCodeSchema),
  /** Works across the whole country (or beyond). */
  national: z.boolean(),
  topics: idList(SlugSchema),
  skills: idList(SlugSchema),
  sources: SourcesSchema,
  /** Set only by the synthetic generator; real seed data never carries it. */
  synthetic: z.literal(true).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
