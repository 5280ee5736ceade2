/**
 * The plain records the coverage analysis reads: län with population and neighbours, topics, organisations and
 * projects with their län and topics, events with their län, date and topics. Taken from the match index so that "the topics an organisation works on"
 * (its own and those of its projects) is the same here as in the partner matching.
 */
import type { TopicRef } from "../../shared/schema/coverage";
import type { OrganisationKind } from "../../shared/schema/organisation";
import type { Region } from "../../shared/schema/region";
import type { PartnerGraph } from "../graph/model";
import type { MatchIndex } from "../match/match-index";

export type CoverageRegion = Pick<Region, "code" | "name" | "seat" | "seatCoordinates" | "population" | "neighbours">;

export interface CoverageOrganisation {
  id: string;
  kind: OrganisationKind;
  regions: readonly string[];
  national: boolean;
  topics: readonly string[];
}

export interface CoverageProject {
  id: string;
  regions: readonly string[];
  national: boolean;
  topics: readonly string[];
}

export interface CoverageEvent {
  id: string;
  /** The län it was held in; undefined for an online-only event. */
  region: string | undefined;
  startDate: string;
  topics: readonly string[];
}

export interface CoverageInput {
  /** Ordered by SCB code. */
  regions: CoverageRegion[];
  topics: TopicRef[];
  organisations: CoverageOrganisation[];
  projects: CoverageProject[];
  events: CoverageEvent[];
}

const cache = new WeakMap<MatchIndex, CoverageInput>();

/** The coverage input for a graph and its match index; built once per index (the data version). */
export function coverageInput(graph: PartnerGraph, ix: MatchIndex): CoverageInput {
  const cached = cache.get(ix);
  if (cached) return cached;
  const regions: CoverageRegion[] = [];
  const events: CoverageEvent[] = [];
  graph.forEachNode((_key, a) => {
    if (a.kind === "region") regions.push(a.record);
    else if (a.kind === "event")
      events.push({ id: a.id, region: a.record.region, startDate: a.record.startDate, topics: a.record.topics });
  });
  regions.sort((a, b) => a.code.localeCompare(b.code));
  const codes = (list: readonly number[]) => list.map((r) => ix.regionCodes[r] as string);
  const topicIds = (list: readonly number[]) => list.map((t) => ix.topicIds[t] as string);
  const input: CoverageInput = {
    regions,
    topics: ix.topicIds.map((id, t) => ({ id, label: ix.topicLabels[t] as TopicRef["label"] })),
    organisations: ix.orgIds.map((id, o) => ({
      id,
      kind: ix.orgKinds[o] as OrganisationKind,
      regions: codes(ix.orgRegions[o] as number[]),
      national: ix.orgNational[o] === 1,
      topics: topicIds(ix.orgTopics[o] as number[]),
    })),
    projects: ix.projectIds.map((id, p) => ({
      id,
      regions: codes(ix.projectRegions[p] as number[]),
      national: projectNational(graph, id),
      topics: topicIds(ix.projectTopics[p] as number[]),
    })),
    events,
  };
  cache.set(ix, input);
  return input;
}

function projectNational(graph: PartnerGraph, id: string): boolean {
  const a = graph.getNodeAttributes(`project:${id}`);
  return a.kind === "project" && a.record.national;
}
