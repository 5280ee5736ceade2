/**
 * What the canvas is waiting for before the graph counts as drawn: positions for the nodes, and (on large graphs,
 * drawn in chunks) the last chunk. Shared by the element and layout hooks through a ref.
 */
import type { Core } from "cytoscape";

export type Positions = Record<string, [number, number]>;

export interface DrawState {
  /** The current layout's positions of every node, drawn or not (new elements are placed from them). */
  positions: Positions | undefined;
  /** Elements are being added in chunks. */
  adding: boolean;
}

/** Set on the Cytoscape instance while elements arrive in chunks: labels wait for the last one (labels/use-labels.ts). */
export const ADDING_SCRATCH = "partnerkartan-adding";

export const setAdding = (cy: Core, state: DrawState, adding: boolean): void => {
  state.adding = adding;
  cy.scratch(ADDING_SCRATCH, adding);
};

/** Marks the first complete drawing, for the browser benchmark (navigation → interactive graph). */
export function markDrawnWhenComplete(cy: Core, state: DrawState): void {
  if (!state.positions || state.adding) return;
  if (performance.getEntriesByName("partnerkartan:graph-drawn").length > 0) return;
  cy.one("render", () => {
    // Checked again when the frame is drawn: chunks may have started meanwhile (they mark when they end).
    if (state.adding || cy.nodes().empty()) return;
    if (performance.getEntriesByName("partnerkartan:graph-drawn").length === 0)
      performance.mark("partnerkartan:graph-drawn");
  });
}
