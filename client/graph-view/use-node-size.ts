/** Sizes nodes by a chosen measure (values scaled to 0–1), or by degree when none is given. */
import type { Core } from "cytoscape";
import { useEffect } from "react";
import type { GraphSnapshot } from "../../shared/schema/graph";
import { nodeSize } from "./to-elements";

export function useNodeSize(
  cy: Core | undefined,
  snapshot: GraphSnapshot,
  measure: Map<string, number> | undefined,
  /** Grows when elements were added, so new ones are sized by the measure too. */
  elementsVersion = 0,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: elementsVersion is a trigger, not an input
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const n of snapshot.nodes) {
        const node = cy.getElementById(n.key);
        if (node.empty()) continue;
        const value = measure?.get(n.key);
        // Square root: area, not diameter, follows the measure.
        const size = value === undefined ? nodeSize(n.degree) : Math.round(12 + 48 * Math.sqrt(value));
        // Only real changes: setting data restyles and redraws the node, which costs on large graphs.
        if (node.data("size") !== size) node.data("size", size);
      }
    });
  }, [cy, snapshot, measure, elementsVersion]);
}
