/** Creates the Cytoscape instance for a container, keeps its elements in sync with the snapshot, destroys it on unmount. */
import cytoscape, { type Core } from "cytoscape";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { GraphSnapshot } from "../../shared/schema/graph";
import type { Lang } from "../state/url-state";
import { stylesheet } from "./stylesheet";
import { toElements } from "./to-elements";

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  snapshot: GraphSnapshot,
  lang: Lang,
): Core | undefined {
  const [cy, setCy] = useState<Core>();
  const laidOutVersion = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: stylesheet,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Hide edges and labels while the view moves: smooth pan and zoom on large graphs.
      hideEdgesOnViewport: true,
      textureOnViewport: false,
    });
    setCy(instance);
    return () => {
      instance.destroy();
      laidOutVersion.current = undefined;
      setCy(undefined);
    };
  }, [container]);

  // Elements follow the snapshot; only a new data version triggers a new layout.
  useEffect(() => {
    if (!cy) return;
    if (laidOutVersion.current !== snapshot.dataVersion) {
      cy.batch(() => {
        cy.elements().remove();
        cy.add(toElements(snapshot, lang));
      });
      cy.layout({
        name: "cose",
        animate: false,
        randomize: true,
        nodeRepulsion: () => 12_000,
        idealEdgeLength: () => 60,
        numIter: 1500,
        padding: 30,
      } as cytoscape.LayoutOptions).run();
      cy.fit(undefined, 30);
      laidOutVersion.current = snapshot.dataVersion;
    }
  }, [cy, snapshot, lang]);

  // A language switch only relabels.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const n of snapshot.nodes) cy.getElementById(n.key).data("label", n.label[lang]);
    });
  }, [cy, snapshot, lang]);

  return cy;
}
