/** Pure projection of a graph snapshot into Cytoscape elements, with every style value precomputed into data. */
import type { ElementDefinition } from "cytoscape";
import type { GraphEdge, GraphNode, GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { KIND_STYLES } from "./kind-style";

/** Node diameter grows with the square root of degree, so hubs stand out without swallowing the view. */
export const nodeSize = (degree: number): number => Math.round(14 + 6 * Math.sqrt(degree));

/**
 * Label size by a node's degree rank within the graph: the top 6 % is large enough to show at overview zoom,
 * the next fifth appears when zooming in a little, the rest when zooming in further (see min-zoomed-font-size).
 */
/** From this many nodes on, the view switches to cheaper rendering. */
export const LARGE_GRAPH = 5000;
/** How many nodes of a large graph carry a standing label. */
const LABELLED_HUBS = 100;

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
  // On large graphs a standing label goes to the best connected hundred only: measuring labels is much of the
  // first draw's cost, and more would overlap anyway.
  const hub = [...degrees].sort((a, b) => b - a)[LABELLED_HUBS - 1] ?? 0;
  const labelled = (degree: number) =>
    snapshot.nodes.length <= LARGE_GRAPH || (labelSize(degree) >= 18 && degree >= hub);
  return {
    node(n: GraphNode, lang: Lang, position?: [number, number]): ElementDefinition {
      return {
        group: "nodes",
        data: {
          id: n.key,
          kind: n.kind,
          name: n.label[lang],
          // On large graphs only hubs carry a standing label (measuring thousands of labels costs seconds);
          // the selected node and its neighbours show theirs through the stylesheet.
          label: labelled(n.degree) ? n.label[lang] : "",
          color: KIND_STYLES[n.kind].color,
          shape: KIND_STYLES[n.kind].shape,
          size: nodeSize(n.degree),
          // Label level of detail: font size grows with degree, and the stylesheet hides labels whose size on screen
          // is under its threshold, so at overview zoom only hubs are named and zooming in reveals the rest.
          fontSize: labelSize(n.degree),
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
