/**
 * Counts what is present in each län, overall and per topic, in one pass over organisations and projects.
 * Rules: an organisation counts in every län it is active in, a project in every län it covers; national ones are
 * counted once, separately (an organisation that is national and also lists a län counts in both); local groups are
 * organisations and are also counted on their own; funders are not civic tech activity and are never counted.
 */
import type { CoverageCounts } from "../../shared/schema/coverage";
import type { CoverageInput } from "./coverage-input";

export interface Tally {
  /** Per län code: everything present. */
  byRegion: Map<string, CoverageCounts>;
  /** Per län code, then per topic id: what works on that topic. */
  byRegionTopic: Map<string, Map<string, CoverageCounts>>;
  national: CoverageCounts;
  nationalByTopic: Map<string, CoverageCounts>;
}

export const emptyCounts = (): CoverageCounts => ({ projects: 0, organisations: 0, localGroups: 0 });

/** projects + organisations: the activity that the gap score sets against the population. */
export const activityOf = (c: CoverageCounts): number => c.projects + c.organisations;

function entry<K>(map: Map<K, CoverageCounts>, key: K): CoverageCounts {
  let c = map.get(key);
  if (!c) {
    c = emptyCounts();
    map.set(key, c);
  }
  return c;
}

const cache = new WeakMap<CoverageInput, Tally>();

export function tally(input: CoverageInput): Tally {
  const cached = cache.get(input);
  if (cached) return cached;
  const known = new Set(input.regions.map((r) => r.code));
  const result: Tally = {
    byRegion: new Map(input.regions.map((r) => [r.code, emptyCounts()])),
    byRegionTopic: new Map(input.regions.map((r) => [r.code, new Map()])),
    national: emptyCounts(),
    nationalByTopic: new Map(),
  };
  const add = (counts: CoverageCounts, field: "projects" | "organisations", localGroup: boolean) => {
    counts[field]++;
    if (localGroup) counts.localGroups++;
  };
  const record = (
    regions: readonly string[],
    national: boolean,
    topics: readonly string[],
    field: "projects" | "organisations",
    localGroup: boolean,
  ) => {
    const distinctTopics = new Set(topics);
    for (const code of new Set(regions)) {
      if (!known.has(code)) continue;
      add(result.byRegion.get(code) as CoverageCounts, field, localGroup);
      const perTopic = result.byRegionTopic.get(code) as Map<string, CoverageCounts>;
      for (const t of distinctTopics) add(entry(perTopic, t), field, localGroup);
    }
    if (national) {
      add(result.national, field, localGroup);
      for (const t of distinctTopics) add(entry(result.nationalByTopic, t), field, localGroup);
    }
  };
  for (const o of input.organisations) {
    if (o.kind === "funder") continue;
    record(o.regions, o.national, o.topics, "organisations", o.kind === "local-group");
  }
  for (const p of input.projects) record(p.regions, p.national, p.topics, "projects", false);
  cache.set(input, result);
  return result;
}

/** The counts of one län, overall or for one topic. */
export function countsIn(t: Tally, code: string, topicId?: string): CoverageCounts {
  if (topicId === undefined) return t.byRegion.get(code) ?? emptyCounts();
  return t.byRegionTopic.get(code)?.get(topicId) ?? emptyCounts();
}

export function nationalCounts(t: Tally, topicId?: string): CoverageCounts {
  if (topicId === undefined) return t.national;
  return t.nationalByTopic.get(topicId) ?? emptyCounts();
}
