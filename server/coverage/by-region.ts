/**
 * Coverage per län, overall or for one topic: counts, per-capita figures, gap score and gap rank, and the events held
 * there (in the last three years, ever): a län where no event was ever held is where the network has never met.
 */
import { NotFoundError } from "../../shared/errors";
import type { CoverageByRegion, CoverageCounts, RegionCoverage, RegionEvents } from "../../shared/schema/coverage";
import type { CoverageInput } from "./coverage-input";
import { gapOf, gapRanks, perCapita } from "./gap-score";
import { coverageSummary } from "./summary";
import { activityOf, countsIn, emptyCounts, nationalCounts, tally } from "./tally";

export function topicRef(input: CoverageInput, topicId: string) {
  const topic = input.topics.find((t) => t.id === topicId);
  if (!topic) throw new NotFoundError("topic", topicId);
  return topic;
}

/** How far back "recent" events go. */
export const RECENT_EVENT_YEARS = 3;

/** The day RECENT_EVENT_YEARS before `today` ("2023-12-07" for 2026-12-07), as an ISO date. */
export function eventsSince(today: Date): string {
  const since = new Date(
    Date.UTC(today.getUTCFullYear() - RECENT_EVENT_YEARS, today.getUTCMonth(), today.getUTCDate()),
  );
  return since.toISOString().slice(0, 10);
}

/** Per län code: events held there in the scope, those since `since`, and the latest date. */
function eventsByRegion(input: CoverageInput, since: string, topicId?: string): Map<string, RegionEvents> {
  const byRegion = new Map<string, RegionEvents>();
  for (const e of input.events) {
    if (e.region === undefined || (topicId !== undefined && !e.topics.includes(topicId))) continue;
    const row = byRegion.get(e.region) ?? { recent: 0, total: 0 };
    row.total++;
    if (e.startDate >= since) row.recent++;
    if (row.last === undefined || e.startDate > row.last) row.last = e.startDate;
    byRegion.set(e.region, row);
  }
  return byRegion;
}

export function coverageByRegion(input: CoverageInput, topicId?: string, today = new Date()): CoverageByRegion {
  const topic = topicId === undefined ? undefined : topicRef(input, topicId);
  const since = eventsSince(today);
  const events = eventsByRegion(input, since, topicId);
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
  const regions: RegionCoverage[] = rows.map((row, i) => ({
    ...row,
    rank: ranks[i] as number,
    events: events.get(row.code) ?? { recent: 0, total: 0 },
  }));
  return {
    ...(topic ? { topic } : {}),
    regions,
    national: nationalCounts(t, topicId),
    totals: { population: totalPopulation, activity: totalActivity, counts: totalCounts },
    summary: coverageSummary(regions, since),
  };
}
