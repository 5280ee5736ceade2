/** Two-way selection between Cytoscape and the app: a tap selects, a selection from elsewhere is highlighted and centred. */
import type { Core, EventObject } from "cytoscape";
import { useEffect, useRef } from "react";
import { bringIntoView } from "./bring-into-view";

export function useSelection(
  cy: Core | undefined,
  selected: string | undefined,
  onSelect: (key: string | undefined) => void,
  /** Changes when nodes are placed anew: the view then centres on the selection again. */
  placed = 0,
): void {
  useEffect(() => {
    if (!cy) return;
    const onTapNode = (event: EventObject) => onSelect(event.target.id());
    const onTapBackground = (event: EventObject) => {
      if (event.target === cy) onSelect(undefined);
    };
    cy.on("tap", "node", onTapNode);
    cy.on("tap", onTapBackground);
    return () => {
      cy.off("tap", "node", onTapNode);
      cy.off("tap", onTapBackground);
    };
  }, [cy, onSelect]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: placed is a trigger, not an input
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      // Touch only what carries a mark: on large graphs a pass over every element costs seconds.
      cy.$(":selected").unselect();
      cy.$(".neighbour, .faded").removeClass("neighbour faded");
      if (!selected) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      node.select();
      const hood = node.closedNeighborhood();
      hood.addClass("neighbour");
      if (cy.elements().length <= 20_000) cy.elements().not(hood).addClass("faded");
    });
    const node = selected ? cy.getElementById(selected) : undefined;
    // The node and all its neighbours in view (their labels are chosen first, see labels/use-labels.ts).
    if (node?.nonempty()) bringIntoView(cy, node.closedNeighborhood().nodes(), { zoomInTo: 1.5, duration: 400 });
  }, [cy, selected, placed]);

  // A resized canvas (window, panels, phone rotation) keeps the selected node in view.
  const current = useRef(selected);
  current.current = selected;
  useEffect(() => {
    const container = cy?.container();
    if (!cy || !container) return;
    let frame = 0;
    let size = `${container.clientWidth}x${container.clientHeight}`;
    const observer = new ResizeObserver(() => {
      // The observer also reports the first size; only a real change moves the view.
      const now = `${container.clientWidth}x${container.clientHeight}`;
      if (now === size) return;
      size = now;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        cy.resize();
        const node = current.current ? cy.getElementById(current.current) : undefined;
        if (node?.nonempty()) bringIntoView(cy, node, { padding: 40, duration: 0 });
      });
    });
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [cy]);
}
