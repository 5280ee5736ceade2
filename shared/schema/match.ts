/** Partner matching: the adjustable weights, the filters, and the explained suggestions the API returns. */
import { z } from "zod";
import { boundedList, SlugSchema } from "./common";
import { OrganisationKindSchema } from "./organisation";
import { RegionCodeSchema } from "./region";

import { DEFAULT_WEIGHTS, MATCH_TERMS, WEIGHT_MAX } from "./value-lists";

export { DEFAULT_WEIGHTS, MATCH_TERMS, WEIGHT_MAX };
export type MatchTerm = (typeof MATCH_TERMS)[number];

const WeightSchema = z.number().min(0).max(WEIGHT_MAX);

export const WeightsSchema = z.object({
  topics: WeightSchema,
  skills: WeightSchema,
  geography: WeightSchema,
  network: WeightSchema,
});
export type Weights = z.infer<typeof WeightsSchema>;

export const MatchFiltersSchema = z.object({
  /** Keep only candidates of these organisation kinds. */
  organisationKinds: boundedList(OrganisationKindSchema).optional(),
  /** Keep only candidates active in one of these län (national organisations always pass). */
  regions: boundedList(RegionCodeSchema).optional(),
  /** Never suggest these (organisation ids for partners, project ids for projects). */
  exclude: boundedList(SlugSchema).optional(),
  /** "complement": reward län the project lacks; "nearby": reward the project's own län. */
  geography: z.enum(["complement", "nearby"]).optional(),
  /** false: keep "complement" even when the members cover every län (everyone then scores 0 on geography). */
  geographyFallback: z.boolean().optional(),
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

/**
 * A topic both sides work on. Direct: the organisation lists it itself. Inherited: it has the topic only through a
 * project it took part in (`project`), and it counts less (`credit`), the less the more members that project has.
 */
export interface TopicEvidence extends EvidenceItem {
  direct: boolean;
  /** The project an inherited topic comes from (absent when direct). */
  project?: EvidenceItem;
  /** How much the topic counts for the candidate, in (0, 1]: 1 when direct. */
  credit: number;
}

export interface Evidence {
  /** Topics both sides work on (the ones counting most first). Similar projects: the topics both projects have. */
  topics: TopicEvidence[];
  /** Skills the project needs, not yet offered by its members, that the candidate offers. */
  skills: EvidenceItem[];
  /** Län the project lacks (or, in nearby mode, covers) that the candidate reaches. */
  regions: RegionEvidence[];
  geography: "complement" | "nearby";
  /** Organisations both have worked with. */
  sharedPartners: EvidenceItem[];
  /** Events the candidate and a member both took part in (organised or were partners of): weaker than a project. */
  sharedEvents: EvidenceItem[];
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
  /**
   * Set when a candidate placed higher has all of this one's evidence (say, a co-member of the same project): it was
   * moved down for variety (see server/match/diversify.ts), and the panel says so.
   */
  sameEvidenceAs?: EvidenceItem;
}

/**
 * Why a term gives every candidate 0, so that its slider changes nothing: the members cover all the project's län,
 * the project has no län, no skill is missing (or none is needed), the project has no topics, or no candidate
 * reaches it (nobody offers the missing skills, nobody has worked with the members).
 */
export type DeadTermReason =
  | "membersCoverAll"
  | "noRegions"
  | "noneMissing"
  | "noneNeeded"
  | "noTopics"
  | "noCandidate";

export interface TermStatus {
  /** True when at least one candidate scores above 0 on the term. */
  active: boolean;
  reason?: DeadTermReason;
}

/** match.partners' answer: the ranked list, what each term did, and the candidates filling a missing skill. */
export interface PartnerSuggestions {
  suggestions: Suggestion[];
  terms: Record<MatchTerm, TermStatus>;
  /** The geography mode asked for, and the one used (complement falls back to nearby: see README). */
  geography: { asked: "complement" | "nearby"; used: "complement" | "nearby" };
  /** Skills the project needs that none of its members offers. */
  missingSkills: EvidenceItem[];
  /**
   * For each missing skill that no organisation in the top five offers, the best candidate offering it: the
   * "Fyller en saknad kompetens / Fills a missing skill" group. Empty when the top five already fill every one.
   */
  fillsMissingSkill: Suggestion[];
  /** The missing skills that group is for: offered by no member, none of the top five, but some candidate. */
  missingFromTopFive: EvidenceItem[];
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
