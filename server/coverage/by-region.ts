/** Coverage per län, overall or for one topic: counts, per-capita figures, gap score and gap rank. */
import { NotFoundError } from "../../shared/errors";
import type { CoverageByRegion, CoverageCounts, RegionCoverage } from "../../shared/schema/coverage";
import type { CoverageInput } from "./coverage-input";
import { gapOf, gapRanks, perCapita } from "./gap-score";
import { coverageSummary } from "./summary";
import { activityOf, countsIn, emptyCounts, nationalCounts, tally } from "./tally";

export function topicRef(input: CoverageInput, topicId: string) {
  const topic = input.topics.find((t) => t.id === topicId);
  if (!topic) throw new NotFoundError("topic", topicId);
  return topic;
}

export function coverageByRegion(input: CoverageInput, topicId?: string): CoverageByRegion {
  const topic = topicId === undefined ? undefined : topicRef(input, topicId);
  const t = tally(input);
  const counted = input.regions.map((r) => {
    const counts = countsIn(t, r.code, topicId);
    return { region: r, counts, activity: activityOf(counts) };
  });
  const totalPopulation = input.regions.reduce((sum, r) => sum + r.population.count, 0);
  const totalActivity = counted.reduce((sum, c) => sum + c.activity, 0);
  const totalCounts = counted.reduce<CoverageCounts>(
    (sum, c) => ({
      projects: sum.projects + c.counts.projects,
      organisations: sum.organisations + c.counts.organisations,
      localGroups: sum.localGroups + c.counts.localGroups,
    }),
    emptyCounts(),
  );
  const rows = counted.map(({ region, counts, activity }) => ({
    code: region.code,
    name: region.name,
    seat: region.seat,
    seatCoordinates: region.seatCoordinates,
    population: region.population,
    counts,
    perCapita: perCapita(counts, region.population.count),
    activity,
    gap: gapOf(region.population.count, activity, totalPopulation, totalActivity),
  }));
  const ranks = gapRanks(rows, (a, b) => a.code.localeCompare(b.code));
  const regions: RegionCoverage[] = rows.map((row, i) => ({ ...row, rank: ranks[i] as number }));
  return {
    ...(topic ? { topic } : {}),
    regions,
    national: nationalCounts(t, topicId),
    totals: { population: totalPopulation, activity: totalActivity, counts: totalCounts },
    summary: coverageSummary(regions),
  };
}
