/**
 * Brings a set of nodes and the edges among them forward (the path that justifies a suggestion) and into view; the
 * rest fades.
 */
import type { Core } from "cytoscape";
import { useEffect } from "react";
import { bringIntoView } from "./bring-into-view";

export function useHighlight(
  cy: Core | undefined,
  keys: string[] | undefined,
  /** Grows when elements were added (a large graph draws the path's nodes on demand). */
  elementsVersion = 0,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: elementsVersion is a trigger, not an input
  useEffect(() => {
    if (!cy || !keys || keys.length === 0) return;
    const nodes = cy.collection();
    for (const key of keys) nodes.merge(cy.getElementById(key));
    const edges = nodes.edgesWith(nodes);
    cy.batch(() => {
      cy.elements().addClass("dimmed");
      nodes.union(edges).removeClass("dimmed").addClass("path");
    });
    // The candidate and its evidence come into view: a pan, and a zoom out only if they do not fit.
    bringIntoView(cy, nodes.nodes());
    return () => {
      cy.batch(() => {
        cy.$(".dimmed, .path").removeClass("dimmed path");
      });
    };
  }, [cy, keys, elementsVersion]);
}
