/**
 * Geographic positions: each län at its seat (equirectangular, scaled by latitude), projects and organisations around
 * the seats of the län they are linked to, topics and skills in rows beside the map, national or unplaced ones apart.
 */
import type { GraphSnapshot } from "../../../shared/schema/graph";

const SCALE = 140;

export function geographicPositions(snapshot: GraphSnapshot): Record<string, [number, number]> {
  const seats = new Map<string, [number, number]>();
  for (const n of snapshot.nodes) {
    if (n.kind === "region" && n.seat) {
      const x = n.seat.lon * Math.cos((62 * Math.PI) / 180) * SCALE;
      const y = -n.seat.lat * SCALE;
      seats.set(n.key, [x, y]);
    }
  }
  const linked = new Map<string, string[]>();
  for (const e of snapshot.edges) {
    if ((e.type === "active-in" || e.type === "covers" || e.type === "held-in") && seats.has(e.target)) {
      const list = linked.get(e.source) ?? [];
      list.push(e.target);
      linked.set(e.source, list);
    }
  }
  const xs = [...seats.values()].map(([x]) => x);
  const ys = [...seats.values()].map(([, y]) => y);
  const right = Math.max(...xs, 0) + 400;
  const left = Math.min(...xs, 0) - 500;
  const top = Math.min(...ys, 0);
  const positions: Record<string, [number, number]> = {};
  const counts = new Map<string, number>();
  let unplaced = 0;
  let taxonomy = 0;
  for (const n of snapshot.nodes) {
    if (seats.has(n.key)) {
      positions[n.key] = seats.get(n.key) as [number, number];
      continue;
    }
    const regions = linked.get(n.key);
    if (regions && regions.length > 0) {
      // Around the first linked seat, on a golden-angle spiral so neighbours do not stack.
      const anchor = seats.get(regions[0] as string) as [number, number];
      const i = counts.get(regions[0] as string) ?? 0;
      counts.set(regions[0] as string, i + 1);
      const r = 18 * Math.sqrt(i + 1);
      const a = i * 2.39996;
      positions[n.key] = [anchor[0] + r * Math.cos(a), anchor[1] + r * Math.sin(a)];
    } else if (n.kind === "topic" || n.kind === "skill") {
      positions[n.key] = [left + (taxonomy % 4) * 90, top + Math.floor(taxonomy / 4) * 60];
      taxonomy++;
    } else {
      positions[n.key] = [right + (unplaced % 8) * 45, top + Math.floor(unplaced / 8) * 45];
      unplaced++;
    }
  }
  return positions;
}
