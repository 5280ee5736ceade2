/** Sizes nodes by a chosen measure (values scaled to 0–1), or by degree when none is given. */
import type { Core } from "cytoscape";
import { useEffect } from "react";
import type { GraphSnapshot } from "../../shared/schema/graph";
import { nodeSize } from "./to-elements";

export function useNodeSize(
  cy: Core | undefined,
  snapshot: GraphSnapshot,
  measure: Map<string, number> | undefined,
): void {
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const n of snapshot.nodes) {
        const value = measure?.get(n.key);
        // Square root: area, not diameter, follows the measure.
        cy.getElementById(n.key).data(
          "size",
          value === undefined ? nodeSize(n.degree) : Math.round(12 + 48 * Math.sqrt(value)),
        );
      }
    });
  }, [cy, snapshot, measure]);
}
