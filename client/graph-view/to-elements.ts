/** Pure projection of a graph snapshot into Cytoscape elements, with every style value precomputed into data. */
import type { ElementDefinition } from "cytoscape";
import type { GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { KIND_STYLES } from "./kind-style";

/** Node diameter grows with the square root of degree, so hubs stand out without swallowing the view. */
export const nodeSize = (degree: number): number => Math.round(14 + 6 * Math.sqrt(degree));

export function toElements(snapshot: GraphSnapshot, lang: Lang): ElementDefinition[] {
  const nodes: ElementDefinition[] = snapshot.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.key,
      kind: n.kind,
      label: n.label[lang],
      color: KIND_STYLES[n.kind].color,
      shape: KIND_STYLES[n.kind].shape,
      size: nodeSize(n.degree),
      // Larger nodes keep their labels at lower zoom: a simple level of detail.
      fontSize: Math.min(22, 9 + Math.sqrt(n.degree) * 1.5),
    },
  }));
  const edges: ElementDefinition[] = snapshot.edges.map((e) => ({
    group: "edges",
    data: { id: e.key, source: e.source, target: e.target, type: e.type },
  }));
  return [...nodes, ...edges];
}
