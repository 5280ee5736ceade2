/** Coverage of the ecosystem per län and topic, the gap score, and who could fill a gap: API inputs and outputs. */
import { z } from "zod";
import { type Label, SlugSchema } from "./common";
import type { Suggestion } from "./match";
import { RegionCodeSchema } from "./region";

export const CoverageByRegionInputSchema = z.object({ topicId: SlugSchema.optional() });
export type CoverageByRegionInput = z.infer<typeof CoverageByRegionInputSchema>;

export const CoverageFillersInputSchema = z.object({
  regionCode: RegionCodeSchema,
  topicId: SlugSchema,
  limit: z.number().int().min(1).max(50).default(10),
  /** The explained fillers with every label, for scripts. */
  verbose: z.boolean().default(false),
});
export type CoverageFillersInput = z.input<typeof CoverageFillersInputSchema>;

/** What is present in a län (or, for `national`, across the whole country). Local groups are also organisations. */
export interface CoverageCounts {
  projects: number;
  organisations: number;
  localGroups: number;
}

/**
 * none: no project and no organisation at all; below: less activity than the län's share of the population;
 * fair: at least its share.
 */
export type GapStatus = "none" | "below" | "fair";

export interface Gap {
  /** The län's share of Sweden's population, in [0, 1]. */
  populationShare: number;
  /** The län's share of all activity (projects + organisations in a län) in the same scope, in [0, 1]. */
  activityShare: number;
  /** max(0, populationShare − activityShare) × 100: percentage points of activity the län lacks. */
  score: number;
  status: GapStatus;
}

/** Events held in a län (online events are in none), in the scope (all, or on the topic asked for). */
export interface RegionEvents {
  /** Held since `summary.eventsSince` (the last three years). */
  recent: number;
  /** Held ever, as far as the data knows. */
  total: number;
  /** The latest one's start date, if any. */
  last?: string;
}

export interface RegionCoverage {
  code: string;
  name: Label;
  seat: string;
  seatCoordinates: { lat: number; lon: number };
  population: { count: number; year: number };
  counts: CoverageCounts;
  /** The counts per 100 000 inhabitants. */
  perCapita: CoverageCounts;
  /** projects + organisations: the activity the gap compares with the population. */
  activity: number;
  gap: Gap;
  /** 1 = the largest gap: län with no activity first (most populous first), then by gap score. */
  rank: number;
  events: RegionEvents;
}

export interface TopicRef {
  id: string;
  label: Label;
}

/** What the "At a glance" box says, computed on the server from the same rows as everything else. */
export interface CoverageSummary {
  /** Län with no project and no organisation in the scope (dashed tiles showing 0), largest gap first. */
  empty: string[];
  /** Län where no event in the scope was ever held: where the network has never met (by SCB code). */
  neverMet: string[];
  /** The first day `events.recent` counts from: three years before the day asked. */
  eventsSince: string;
}

export interface CoverageByRegion {
  /** The topic the counts are restricted to, if one was asked for. */
  topic?: TopicRef;
  /** Ordered by SCB code. */
  regions: RegionCoverage[];
  /** National projects and organisations (the same for every län), counted separately, not in the län rows. */
  national: CoverageCounts;
  totals: { population: number; activity: number; counts: CoverageCounts };
  summary: CoverageSummary;
}

export interface MatrixCell {
  counts: CoverageCounts;
  activity: number;
  gap: Gap;
  /** Among the topics of this län: 1 = its largest gap (empty cells first, then by gap, then topics common elsewhere). */
  rankInRegion: number;
}

export interface MatrixTopic extends TopicRef {
  /** Activity on the topic summed over the län. */
  activity: number;
  /** National organisations and projects on the topic. */
  national: CoverageCounts;
}

export interface MatrixRegion {
  code: string;
  name: Label;
  population: number;
}

export interface CoverageMatrix {
  /** Most active topic first. */
  topics: MatrixTopic[];
  /** Most populous län first. */
  regions: MatrixRegion[];
  /** cells[region][topic], in the order of `regions` and `topics`. */
  cells: MatrixCell[][];
}

export interface CoverageFillers {
  region: { code: string; name: Label };
  topic: TopicRef;
  cell: { counts: CoverageCounts; activity: number; gap: Gap };
  /** Organisations that could fill the gap, best first, explained like partner suggestions. */
  suggestions: Suggestion[];
}
