/** Partner matching: the adjustable weights, the filters, and the explained suggestions the API returns. */
import { z } from "zod";
import { boundedList, SlugSchema } from "./common";
import { OrganisationKindSchema } from "./organisation";
import { RegionCodeSchema } from "./region";

export const MATCH_TERMS = ["topics", "skills", "geography", "network"] as const;
export type MatchTerm = (typeof MATCH_TERMS)[number];

export const WEIGHT_MAX = 5;
const WeightSchema = z.number().min(0).max(WEIGHT_MAX);

export const WeightsSchema = z.object({
  topics: WeightSchema,
  skills: WeightSchema,
  geography: WeightSchema,
  network: WeightSchema,
});
export type Weights = z.infer<typeof WeightsSchema>;

/** Defaults chosen by the leave-one-out evaluation (`npm run evaluate`, see README). */
export const DEFAULT_WEIGHTS: Weights = { topics: 1, skills: 0.25, geography: 1, network: 0.5 };

export const MatchFiltersSchema = z.object({
  /** Keep only candidates of these organisation kinds. */
  organisationKinds: boundedList(OrganisationKindSchema).optional(),
  /** Keep only candidates active in one of these län (national organisations always pass). */
  regions: boundedList(RegionCodeSchema).optional(),
  /** Never suggest these (organisation ids for partners, project ids for projects). */
  exclude: boundedList(SlugSchema).optional(),
  /** "complement": reward län the project lacks; "nearby": reward the project's own län. */
  geography: z.enum(["complement", "nearby"]).optional(),
});
export type MatchFilters = z.infer<typeof MatchFiltersSchema>;

export interface EvidenceItem {
  id: string;
  label: { sv: string; en: string };
}

export interface RegionEvidence extends EvidenceItem {
  /** in: active in the län; neighbour: active in a neighbouring län; national: works nationally. */
  via: "in" | "neighbour" | "national";
}

export interface Evidence {
  /** Topics both sides work on (rarest first). */
  topics: EvidenceItem[];
  /** Skills the project needs, not yet offered by its members, that the candidate offers. */
  skills: EvidenceItem[];
  /** Län the project lacks (or, in nearby mode, covers) that the candidate reaches. */
  regions: RegionEvidence[];
  geography: "complement" | "nearby";
  /** Organisations both have worked with. */
  sharedPartners: EvidenceItem[];
}

export interface Suggestion {
  key: string;
  id: string;
  name: string;
  /** Weighted score in [0, 1]: the sum of the contributions. */
  score: number;
  /** Each term's share of the score (weight × term ÷ total weight). */
  contributions: Record<MatchTerm, number>;
  evidence: Evidence;
}

/** Why a term is zero for every candidate, so that moving its slider cannot change the ranking. */
export const INERT_REASONS = [
  "no-topics",
  "no-skills",
  "skills-covered",
  "no-regions",
  "regions-covered",
  "no-shared-partners",
] as const;
export interface InertTerm {
  term: MatchTerm;
  reason: (typeof INERT_REASONS)[number];
}
