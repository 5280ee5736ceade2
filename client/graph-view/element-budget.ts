/**
 * The visible-element budget for very large graphs: Cytoscape gets only the most connected nodes (plus the ones the
 * user is looking at), and "show more" raises the limit. Pure: no Cytoscape, no React.
 */
import type { GraphEdge, GraphSnapshot } from "../../shared/schema/graph";

/**
 * Elements (nodes and the edges among them) drawn at first, and added per "show more": about 1 000 nodes of a sparse
 * graph. Drawing cost grows with elements, not nodes: hubs bring many edges.
 */
export const ELEMENT_BUDGET = 3000;

/** Graphs with more elements than this get the budget; smaller ones draw everything. */
export const BUDGET_FROM = 4 * ELEMENT_BUDGET;

export const needsBudget = (snapshot: GraphSnapshot): boolean =>
  snapshot.nodes.length + snapshot.edges.length > BUDGET_FROM;

export interface SnapshotIndex {
  /** Node keys by degree, highest first. */
  ranked: string[];
  /** Each node's edges. */
  edgesOf: Map<string, GraphEdge[]>;
}

export function indexSnapshot(snapshot: GraphSnapshot): SnapshotIndex {
  const ranked = [...snapshot.nodes].sort((a, b) => b.degree - a.degree).map((n) => n.key);
  const edgesOf = new Map<string, GraphEdge[]>();
  for (const e of snapshot.edges) {
    for (const end of [e.source, e.target]) {
      const list = edgesOf.get(end);
      if (list) list.push(e);
      else edgesOf.set(end, [e]);
    }
  }
  return { ranked, edgesOf };
}

/** A node and its neighbours: what selecting it must bring into view. */
export function withNeighbours(index: SnapshotIndex, key: string): string[] {
  const keys = [key];
  for (const e of index.edgesOf.get(key) ?? []) keys.push(e.source === key ? e.target : e.source);
  return keys;
}

/**
 * The nodes to draw, most important first: the required ones (selection and its neighbours, highlighted evidence)
 * that pass the filters, then the best connected of the rest until they and the edges among them reach `limit`
 * elements. The required ones come on top of the limit, so selecting a node adds to the view and never swaps other
 * nodes out. `candidates` are the nodes the filters and focus leave (undefined: all).
 */
export function pickDrawn(
  index: SnapshotIndex,
  candidates: Set<string> | undefined,
  limit: number,
  required: readonly string[],
): string[] {
  const drawn = new Set<string>();
  for (const key of required) if (!candidates || candidates.has(key)) drawn.add(key);
  const ranked = new Set<string>();
  let elements = 0;
  for (const key of index.ranked) {
    if (elements >= limit) break;
    if (candidates && !candidates.has(key)) continue;
    ranked.add(key);
    elements++;
    for (const e of index.edgesOf.get(key) ?? []) if (ranked.has(e.source === key ? e.target : e.source)) elements++;
  }
  for (const key of ranked) drawn.add(key);
  return [...drawn];
}
