/**
 * How a node looks in an export (GEXF viz, and x/y/size/color attributes elsewhere): the app's colour for its kind,
 * a size growing with PageRank, and a geographic position: each län at its seat (x east, y north, as Gephi and
 * sigma.js draw them), projects and organisations on a spiral around the seat of their first län, topics and skills
 * in rows west of the map, the rest (national, unplaced) on a spiral east of it. Positions are of the whole graph, so a
 * node sits at the same place in every export.
 */
import type { NodeKind } from "../../shared/schema/graph";
import type { PartnerGraph } from "../graph/model";

/** The Okabe–Ito colours of client/graph-view/kind-style.ts (a test keeps the two equal). */
export const KIND_COLORS: Record<NodeKind, string> = {
  project: "#0072B2",
  organisation: "#D55E00",
  topic: "#009E73",
  skill: "#CC79A7",
  region: "#6B6B6B",
  event: "#E69F00",
};

export const rgbOf = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

export const MIN_SIZE = 4;
export const MAX_SIZE = 40;

/** Node size from PageRank: area grows with rank, the top node at MAX_SIZE. */
export function sizeOf(pagerank: number, maxPagerank: number): number {
  if (!(maxPagerank > 0)) return MIN_SIZE;
  return Math.round((MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(pagerank / maxPagerank)) * 100) / 100;
}

const SCALE = 140;
const COS_62 = Math.cos((62 * Math.PI) / 180);
const GOLDEN_ANGLE = 2.39996;
const round = (v: number) => Math.round(v * 100) / 100;

/** The n-th point of a golden-angle spiral around a centre: dense, even, and no two points stack. */
function spiral([cx, cy]: [number, number], n: number): [number, number] {
  const r = 18 * Math.sqrt(n + 1);
  return [cx + r * Math.cos(n * GOLDEN_ANGLE), cy + r * Math.sin(n * GOLDEN_ANGLE)];
}

/** x, y for every node of the graph, as pairs in a Float64Array indexed like `index`. */
export function geographicPositions(graph: PartnerGraph, index: ReadonlyMap<string, number>): Float64Array {
  const xy = new Float64Array(2 * graph.order);
  const seats = new Map<string, [number, number]>();
  graph.forEachNode((_key, attrs) => {
    if (attrs.kind === "region") {
      const { lat, lon } = attrs.record.seatCoordinates;
      seats.set(attrs.id, [lon * COS_62 * SCALE, lat * SCALE]);
    }
  });
  const xs = [...seats.values()].map(([x]) => x);
  const ys = [...seats.values()].map(([, y]) => y);
  const east = Math.max(...xs, 0) + 400;
  const west = Math.min(...xs, 0) - 500;
  const north = Math.max(...ys, 0);
  const around = new Map<string, number>();
  let taxonomy = 0;
  let unplaced = 0;
  graph.forEachNode((key, attrs) => {
    const i = index.get(key);
    if (i === undefined) return;
    let at: [number, number];
    const seat = attrs.kind === "region" ? seats.get(attrs.id) : undefined;
    const firstRegion =
      attrs.kind === "organisation" || attrs.kind === "project"
        ? attrs.record.regions.find((r) => seats.has(r))
        : attrs.kind === "event" && attrs.record.region !== undefined && seats.has(attrs.record.region)
          ? attrs.record.region
          : undefined;
    if (seat) at = seat;
    else if (firstRegion !== undefined) {
      const n = around.get(firstRegion) ?? 0;
      around.set(firstRegion, n + 1);
      at = spiral(seats.get(firstRegion) as [number, number], n);
    } else if (attrs.kind === "topic" || attrs.kind === "skill") {
      at = [west + (taxonomy % 4) * 90, north - Math.floor(taxonomy / 4) * 60];
      taxonomy++;
    } else {
      at = spiral([east, north], unplaced++);
    }
    xy[2 * i] = round(at[0]);
    xy[2 * i + 1] = round(at[1]);
  });
  return xy;
}
