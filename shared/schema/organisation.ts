/** An organisation of the ecosystem: association, company, agency, local group, funder, … */
import { z } from "zod";
import { boundedList, idList, NameSchema, SlugSchema, SourcesSchema, SummarySchema, WebUrlSchema } from "./common";
import { RegionCodeSchema } from "./region";

import { ORGANISATION_KINDS } from "./value-lists";

export { ORGANISATION_KINDS };
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const TIE_RELATIONS = ["member-of", "partner-of", "part-of"] as const;
export const TieRelationSchema = z.enum(TIE_RELATIONS);
export type TieRelation = z.infer<typeof TieRelationSchema>;

/**
 * A tie to another organisation, as a source states it: member of a network, partner of a local group (its listed
 * partners), part of a larger body (MSI within Malmö universitet). Directed: this organisation → `organisation`.
 */
export const TieSchema = z.object({
  relation: TieRelationSchema,
  organisation: SlugSchema,
  sources: SourcesSchema,
});
export type Tie = z.infer<typeof TieSchema>;

export const OrganisationSchema = z
  .object({
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
    /** Ties to other organisations, each with its own source. */
    ties: boundedList(TieSchema).optional(),
    /** Set only by the synthetic generator; real seed data never carries it. */
    synthetic: z.literal(true).optional(),
  })
  .refine((o) => !o.ties?.some((t) => t.organisation === o.id), {
    message: "an organisation cannot have a tie to itself",
    path: ["ties"],
  })
  // One tie per pair (the graph has one edge per pair and direction): the closest relation the sources state.
  .refine((o) => new Set(o.ties?.map((t) => t.organisation)).size === (o.ties?.length ?? 0), {
    message: "must not list two ties to the same organisation",
    path: ["ties"],
  });
export type Organisation = z.infer<typeof OrganisationSchema>;
