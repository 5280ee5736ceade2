/**
 * The four colour classes of the map, tiles and table: nothing at all, below half its share, below its share,
 * at least its share (share = the län's share of the population). Colour is never alone: numbers, a dashed
 * outline for "nothing" and the status in words carry the same. The colours themselves are in coverage.css
 * (.gap-none, .gap-farBelow, .gap-below, .gap-fair), light enough for dark text (≥ 4.5:1).
 */
import type { Gap } from "../../../shared/schema/coverage";

export const GAP_CLASSES = ["none", "farBelow", "below", "fair"] as const;
export type GapClass = (typeof GAP_CLASSES)[number];

export function gapClass(gap: Gap): GapClass {
  if (gap.status === "none") return "none";
  if (gap.status === "fair") return "fair";
  return gap.activityShare < gap.populationShare / 2 ? "farBelow" : "below";
}
