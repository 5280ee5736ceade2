/**
 * The force-directed layout of the whole graph (d3-force), one definition for the server and the browser's worker:
 * nodes by index, edges as index pairs. Pure: no I/O, no clock.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import { packComponents } from "./pack-components";

export interface ForceNode extends SimulationNodeDatum {
  index: number;
}

/** Fewer ticks for large graphs: the layout is computed off the request path, but nobody should wait minutes. */
export const ticksFor = (n: number): number => (n > 20_000 ? 80 : n > 5_000 ? 150 : 300);

/**
 * The room a node takes: half its drawn diameter (the client's nodeSize, 14 + 6·√degree) plus a margin, so nodes never
 * overlap once the layout settles.
 */
export const collisionRadius = (degree: number): number => (14 + 6 * Math.sqrt(degree)) / 2 + 6;

/** A stopped simulation over `count` nodes; the caller ticks it (in chunks, if it must stay responsive). */
export function createForceSimulation(count: number, links: ArrayLike<number>, initial?: ArrayLike<number>) {
  const nodes: ForceNode[] = Array.from({ length: count }, (_, i) =>
    initial && initial.length === 2 * count
      ? { index: i, x: initial[2 * i] as number, y: initial[2 * i + 1] as number }
      : { index: i },
  );
  const edges: { source: number; target: number }[] = [];
  const degree = new Uint32Array(count);
  for (let i = 0; i + 1 < links.length; i += 2) {
    edges.push({ source: links[i] as number, target: links[i + 1] as number });
    for (const end of [links[i] as number, links[i + 1] as number]) degree[end] = (degree[end] ?? 0) + 1;
  }
  // Stronger repulsion and longer links for small graphs; Barnes–Hut keeps large ones near n log n.
  const spread = Math.max(30, 300 / Math.sqrt(Math.max(1, count / 100)));
  const simulation = forceSimulation(nodes)
    .force(
      "charge",
      forceManyBody<ForceNode>()
        .strength(-spread)
        .theta(0.9)
        .distanceMax(spread * 12),
    )
    .force(
      "link",
      forceLink<ForceNode, { source: number; target: number }>(edges)
        .distance(spread / 3)
        .strength(0.2),
    )
    .force("collide", forceCollide<ForceNode>((node) => collisionRadius(degree[node.index] ?? 0)).strength(0.8))
    .force("x", forceX<ForceNode>(0).strength(0.04))
    .force("y", forceY<ForceNode>(0).strength(0.04))
    .stop();
  return { simulation, nodes };
}

/**
 * Positions as x, y pairs in node order, with the small components (isolated nodes, pairs) brought to the rim of the
 * largest (see pack-components.ts).
 */
export function positionsOf(nodes: readonly ForceNode[], links: ArrayLike<number>): Float32Array {
  const xy = new Float32Array(2 * nodes.length);
  nodes.forEach((node, i) => {
    xy[2 * i] = node.x ?? 0;
    xy[2 * i + 1] = node.y ?? 0;
  });
  return packComponents(xy, links);
}

/**
 * The whole layout in one call (for the server's worker thread). With `initial` positions (the previous data
 * version's), the simulation starts cool and only relaxes around what changed, so the picture people know stays put.
 */
export function forceLayout(
  count: number,
  links: ArrayLike<number>,
  initial?: ArrayLike<number>,
  ticks = initial ? Math.ceil(ticksFor(count) / 3) : ticksFor(count),
): Float32Array {
  const { simulation, nodes } = createForceSimulation(count, links, initial);
  if (initial) simulation.alpha(0.1);
  simulation.tick(ticks);
  return positionsOf(nodes, links);
}
