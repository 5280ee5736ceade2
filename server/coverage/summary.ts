/**
 * The "At a glance" box's numbers, from the same rows the map, the tile map and the table draw: a län counts as
 * empty exactly when its tile shows 0 and is dashed (no project and no organisation in the scope, gap status
 * "none"). Before, the box counted län without a project while the tiles counted projects + organisations, so the box
 * said 14 where the map showed 10 (tests/server/coverage/agreement.test.ts keeps them together on every topic).
 */
import type { CoverageSummary, RegionCoverage } from "../../shared/schema/coverage";

export function coverageSummary(regions: readonly RegionCoverage[], eventsSince: string): CoverageSummary {
  const empty = regions.filter((r) => r.gap.status === "none").sort((a, b) => a.rank - b.rank);
  const neverMet = regions.filter((r) => r.events.total === 0).map((r) => r.code);
  return { empty: empty.map((r) => r.code), neverMet, eventsSince };
}
