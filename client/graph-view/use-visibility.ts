/** Shows only the visible nodes (filters, focus) and the edges between them; hidden ones keep their positions. */
import type { Core } from "cytoscape";
import { useEffect } from "react";

export function useVisibility(cy: Core | undefined, visible: Set<string> | undefined, snapshotKey: unknown): void {
  // Also re-applied when the elements change (snapshotKey), since new elements start visible.
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshotKey is a trigger, not an input
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        if (!visible || visible.has(node.id())) node.removeClass("hidden");
        else node.addClass("hidden");
      });
    });
    const shown = cy.nodes().not(".hidden");
    if (shown.nonempty()) cy.fit(shown, 40);
  }, [cy, visible, snapshotKey]);
}
