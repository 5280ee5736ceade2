/** Two-way selection between Cytoscape and the app: a tap selects, a selection from elsewhere is highlighted and centred. */
import type { Core, EventObject } from "cytoscape";
import { useEffect } from "react";

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
    if (node?.nonempty()) {
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 400 });
    }
  }, [cy, selected, placed]);
}
