/**
 * The visible-element budget for very large graphs: Cytoscape gets only the most connected nodes (plus the ones the
 * user is looking at), and "show more" raises the limit. Pure: no Cytoscape, no React.
 */
import type { GraphEdge, GraphSnapshot } from "../../shared/schema/graph";

/** Graphs with more nodes than this draw at most this many at first (and this many more per "show more"). */
export const NODE_BUDGET = 2500;

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
 * that pass the filters, then the `limit` best connected of the rest. The required ones come on top of the limit, so
 * selecting a node adds to the view and never swaps other nodes out. `candidates` are the nodes the filters and focus
 * leave (undefined: all).
 */
export function pickDrawn(
  index: SnapshotIndex,
  candidates: Set<string> | undefined,
  limit: number,
  required: readonly string[],
): string[] {
  const drawn = new Set<string>();
  for (const key of required) if (!candidates || candidates.has(key)) drawn.add(key);
  let taken = 0;
  for (const key of index.ranked) {
    if (taken >= limit) break;
    if (candidates && !candidates.has(key)) continue;
    drawn.add(key);
    taken++;
  }
  return [...drawn];
}
