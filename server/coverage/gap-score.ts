/**
 * The gap score: a län's share of Sweden's population against its share of the activity (projects + organisations
 * in a län, in the same scope: all topics or one). A län with 10 % of the people and 4 % of the activity lacks
 * 6 percentage points; one with at least its share has no gap. Ranking puts län (or cells) with no activity first,
 * the most populous of them first, then the rest by gap score.
 */
import type { CoverageCounts, Gap } from "../../shared/schema/coverage";

/** Per-capita figures are given per this many inhabitants. */
export const PER_CAPITA_BASE = 100_000;

export function perCapita(counts: CoverageCounts, population: number): CoverageCounts {
  const per = (n: number) => (population > 0 ? (n / population) * PER_CAPITA_BASE : 0);
  return {
    projects: per(counts.projects),
    organisations: per(counts.organisations),
    localGroups: per(counts.localGroups),
  };
}

/** The gap of one län (or one län × topic cell) from its population and activity and the totals of its scope. */
export function gapOf(population: number, activity: number, totalPopulation: number, totalActivity: number): Gap {
  const populationShare = totalPopulation > 0 ? population / totalPopulation : 0;
  const activityShare = totalActivity > 0 ? activity / totalActivity : 0;
  return {
    populationShare,
    activityShare,
    score: Math.max(0, populationShare - activityShare) * 100,
    status: activity === 0 ? "none" : activityShare < populationShare ? "below" : "fair",
  };
}

export interface Rankable {
  activity: number;
  gap: Gap;
}

/** Largest gap first: no activity before some, then higher gap score, then larger population share. */
export function compareGaps(a: Rankable, b: Rankable): number {
  const emptyA = a.activity === 0 ? 0 : 1;
  const emptyB = b.activity === 0 ? 0 : 1;
  return emptyA - emptyB || b.gap.score - a.gap.score || b.gap.populationShare - a.gap.populationShare;
}

/**
 * 1-based ranks in gap order; `tieBreak` orders what compareGaps finds equal (the default keeps input order).
 * Returns the rank of each item, in the input's order.
 */
export function gapRanks<T extends Rankable>(
  items: readonly T[],
  tieBreak: (a: T, b: T) => number = () => 0,
): number[] {
  const order = items.map((_, i) => i);
  order.sort((i, j) => compareGaps(items[i] as T, items[j] as T) || tieBreak(items[i] as T, items[j] as T) || i - j);
  const ranks = new Array<number>(items.length);
  order.forEach((item, position) => {
    ranks[item] = position + 1;
  });
  return ranks;
}
