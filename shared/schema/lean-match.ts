/**
 * The answers of match.partners, match.projects, match.similar and coverage.fillers as sent by default: ids, scores,
 * per-term contributions and evidence ids, without labels, in short flat fields. The client holds every label
 * already (the graph it has loaded) and puts them back (client/features/partners/with-labels.ts). A script asks
 * with `verbose: true` and gets the explained answer with every label (shared/schema/match.ts). Lists are left out
 * when empty, numbers rounded to 4 decimals: a suggestion costs about 100 bytes instead of 500.
 */
import { z } from "zod";
import type { CoverageFillers } from "./coverage";

const Ids = z.array(z.string());

export const LeanSuggestionSchema = z.object({
  /** The candidate's id: an organisation for partners and fillers, a project for projects and similar. */
  id: z.string(),
  /** The score is their sum: each term's share in the order topics, skills, geography, network. */
  c: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Topics the candidate lists itself, the ones counting most first. */
  topics: Ids.optional(),
  /** Topics it has only through a project it took part in: [project id, topic ids], in order. */
  via: z.array(z.tuple([z.string(), Ids])).optional(),
  /** Skills the project needs, not yet offered by its members, that the candidate offers. */
  skills: Ids.optional(),
  /** Län (codes) the candidate is active in, reaches from a neighbouring län, or reaches nationally. */
  in: Ids.optional(),
  near: Ids.optional(),
  national: Ids.optional(),
  /** Organisations both have worked with. */
  partners: Ids.optional(),
  /** Events both took part in. */
  events: Ids.optional(),
  /** Moved down for variety: this organisation, placed higher, has all of this one's evidence. */
  same: z.string().optional(),
});
export type LeanSuggestion = z.infer<typeof LeanSuggestionSchema>;

export const LeanSuggestionListSchema = z.object({ suggestions: z.array(LeanSuggestionSchema) });
export type LeanSuggestionList = z.infer<typeof LeanSuggestionListSchema>;

const DeadTermReasonSchema = z.enum([
  "membersCoverAll",
  "noRegions",
  "noneMissing",
  "noneNeeded",
  "noTopics",
  "noCandidate",
]);
const GeographyModeSchema = z.enum(["complement", "nearby"]);

export const LeanPartnerSuggestionsSchema = LeanSuggestionListSchema.extend({
  /** The terms that give every candidate 0 (their sliders change nothing), and why; active terms are left out. */
  deadTerms: z.partialRecord(z.enum(["topics", "skills", "geography", "network"]), DeadTermReasonSchema),
  geography: z.object({ asked: GeographyModeSchema, used: GeographyModeSchema }),
  missingSkills: Ids,
  fillsMissingSkill: z.array(LeanSuggestionSchema),
  missingFromTopFive: Ids,
});
export type LeanPartnerSuggestions = z.infer<typeof LeanPartnerSuggestionsSchema>;

/** coverage.fillers' answer: the gap as in the verbose answer, its fillers lean. */
export type LeanCoverageFillers = Omit<CoverageFillers, "suggestions"> & LeanSuggestionList;
