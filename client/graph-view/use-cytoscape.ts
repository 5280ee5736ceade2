/** Creates the Cytoscape instance for a container (its elements: use-elements) and destroys it on unmount. */
import cytoscape, { type Core } from "cytoscape";
import { type RefObject, useEffect, useState } from "react";
import type { GraphSnapshot } from "../../shared/schema/graph";
import { drawDirectly } from "./direct-drawing";
import { largeGraphStyle, stylesheet } from "./stylesheet";
import { LARGE_GRAPH } from "./to-elements";

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  snapshot: GraphSnapshot,
  webgl: boolean,
): Core | undefined {
  const [cy, setCy] = useState<Core>();
  /** Large graphs get cheaper rendering options; crossing the threshold recreates the instance. */
  const large = snapshot.nodes.length > LARGE_GRAPH;

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: large ? [...stylesheet, ...largeGraphStyle] : stylesheet,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Hide edges and labels while the view moves: smooth pan and zoom on large graphs.
      hideEdgesOnViewport: true,
      hideLabelsOnViewport: true,
      // Large graphs pan a cached bitmap instead of redrawing every element per frame.
      textureOnViewport: large,
      pixelRatio: large ? 1 : "auto",
      webgl,
    });
    if (!webgl) drawDirectly(instance);
    setCy(instance);
    return () => {
      instance.destroy();
      setCy(undefined);
    };
  }, [container, webgl, large]);

  return cy;
}
