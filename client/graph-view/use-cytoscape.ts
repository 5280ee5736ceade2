/** Creates the Cytoscape instance for a container, keeps its elements in sync with the snapshot, destroys it on unmount. */
import cytoscape, { type Core } from "cytoscape";
import { type RefObject, useEffect, useState } from "react";
import type { GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { stylesheet } from "./stylesheet";
import { LARGE_GRAPH, toElements } from "./to-elements";

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  snapshot: GraphSnapshot,
  lang: Lang,
  webgl: boolean,
): Core | undefined {
  const [cy, setCy] = useState<Core>();
  /** Large graphs get cheaper rendering options; crossing the threshold recreates the instance. */
  const large = snapshot.nodes.length > LARGE_GRAPH;

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: stylesheet,
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
    setCy(instance);
    return () => {
      instance.destroy();
      setCy(undefined);
    };
  }, [container, webgl, large]);

  // Elements follow the snapshot (a new data version, or the project projection).
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toElements(snapshot, "sv"));
    });
  }, [cy, snapshot]);

  // A language switch only relabels.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const n of snapshot.nodes) {
        const node = cy.getElementById(n.key);
        node.data({ name: n.label[lang], label: node.data("label") ? n.label[lang] : "" });
      }
    });
  }, [cy, snapshot, lang]);

  return cy;
}
