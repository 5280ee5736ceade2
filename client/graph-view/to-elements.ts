/** Pure projection of a graph snapshot into Cytoscape elements, with every style value precomputed into data. */
import type { ElementDefinition } from "cytoscape";
import type { GraphEdge, GraphNode, GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { KIND_STYLES } from "./kind-style";

/** Node diameter grows with the square root of degree, so hubs stand out without swallowing the view. */
export const nodeSize = (degree: number): number => Math.round(14 + 6 * Math.sqrt(degree));

/** From this many nodes on, the view switches to cheaper rendering. */
export const LARGE_GRAPH = 5000;

/**
 * A node's natural label size (model units) by its degree rank within the graph: the top 6 %, the next fifth, the
 * rest. labels/use-labels.ts raises it to a readable size on screen when zoomed out.
 */
export function labelSizes(degrees: number[]): (degree: number) => number {
  const sorted = [...degrees].sort((a, b) => b - a);
  const top = sorted[Math.floor(sorted.length * 0.06)] ?? 0;
  const next = sorted[Math.floor(sorted.length * 0.3)] ?? 0;
  return (degree) => (degree > top ? 18 : degree > next ? 13 : 10);
}

/** Builds element definitions one at a time (for drawing a large graph in chunks), with sizes ranked over the whole graph. */
export function elementFactory(snapshot: GraphSnapshot) {
  const degrees = snapshot.nodes.map((n) => n.degree);
  const labelSize = labelSizes(degrees);
  return {
    node(n: GraphNode, lang: Lang, position?: [number, number]): ElementDefinition {
      return {
        group: "nodes",
        data: {
          id: n.key,
          kind: n.kind,
          name: n.label[lang],
          // No label until labels/use-labels.ts chooses it for the view: measuring thousands of labels would make
          // the first draw slow, and most would overlap.
          label: "",
          color: KIND_STYLES[n.kind].color,
          shape: KIND_STYLES[n.kind].shape,
          size: nodeSize(n.degree),
          baseFont: labelSize(n.degree),
          fontSize: labelSize(n.degree),
          labelV: "bottom",
          labelH: "center",
          labelMx: 0,
          labelMy: 3,
        },
        ...(position ? { position: { x: position[0], y: position[1] } } : {}),
      };
    },
    edge(e: GraphEdge): ElementDefinition {
      const data: Record<string, unknown> = { id: e.key, source: e.source, target: e.target, type: e.type };
      if (e.weight !== undefined) data.weight = e.weight;
      return { group: "edges", data };
    },
  };
}

export function toElements(
  snapshot: GraphSnapshot,
  lang: Lang,
  positions: Record<string, [number, number]> = {},
): ElementDefinition[] {
  const make = elementFactory(snapshot);
  return [
    ...snapshot.nodes.map((n) => make.node(n, lang, positions[n.key])),
    ...snapshot.edges.map((e) => make.edge(e)),
  ];
}
