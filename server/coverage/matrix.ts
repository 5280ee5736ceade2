/**
 * Coverage per län × topic: for each cell the counts, the activity and its gap, with the gap measured inside the
 * topic (the län's share of the population against its share of that topic's activity). Rows run from the most
 * populous län, columns from the most active topic, so the empty cells of the big län stand out at the top left.
 */
import type { CoverageMatrix, MatrixCell, MatrixTopic } from "../../shared/schema/coverage";
import type { CoverageInput } from "./coverage-input";
import { gapOf, gapRanks } from "./gap-score";
import { activityOf, countsIn, nationalCounts, tally } from "./tally";

const cache = new WeakMap<CoverageInput, CoverageMatrix>();

export function coverageMatrix(input: CoverageInput): CoverageMatrix {
  const cached = cache.get(input);
  if (cached) return cached;
  const t = tally(input);
  const totalPopulation = input.regions.reduce((sum, r) => sum + r.population.count, 0);
  const topics: MatrixTopic[] = input.topics.map((topic) => ({
    ...topic,
    activity: input.regions.reduce((sum, r) => sum + activityOf(countsIn(t, r.code, topic.id)), 0),
    national: nationalCounts(t, topic.id),
  }));
  topics.sort((a, b) => b.activity - a.activity || a.id.localeCompare(b.id));
  const regions = [...input.regions]
    .sort((a, b) => b.population.count - a.population.count || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, population: r.population.count }));

  const cells = regions.map((region) => {
    const row = topics.map((topic) => {
      const counts = countsIn(t, region.code, topic.id);
      const activity = activityOf(counts);
      return { topic, counts, activity, gap: gapOf(region.population, activity, totalPopulation, topic.activity) };
    });
    // Among equal gaps (say, every empty cell of the län) a topic that is common elsewhere is the more striking gap.
    const ranks = gapRanks(row, (a, b) => b.topic.activity - a.topic.activity);
    return row.map(
      ({ counts, activity, gap }, i): MatrixCell => ({ counts, activity, gap, rankInRegion: ranks[i] as number }),
    );
  });
  const matrix = { topics, regions, cells };
  cache.set(input, matrix);
  return matrix;
}
