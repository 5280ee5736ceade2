/** Shows only the visible nodes (filters, focus) and the edges between them; hidden ones keep their positions. */
import type { Core } from "cytoscape";
import { useEffect } from "react";
import { fitVisible } from "./fit-visible";

export function useVisibility(cy: Core | undefined, visible: Set<string> | undefined, snapshotKey: unknown): void {
  // Also re-applied when the elements change (snapshotKey), since new elements start visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshotKey is a trigger, not an input
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      if (!visible) {
        cy.$(".hidden").removeClass("hidden");
        return;
      }
      // Change only the nodes whose visibility changes.
      cy.nodes().forEach((node) => {
        const hidden = node.hasClass("hidden");
        if (visible.has(node.id()) === hidden) node.toggleClass("hidden", !hidden);
      });
    });
    fitVisible(cy);
  }, [cy, visible, snapshotKey]);
}
