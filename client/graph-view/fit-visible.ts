/** Fits the view to the visible nodes by their positions alone: measuring every label would cost seconds on large graphs. */
import type { Core } from "cytoscape";

export function fitVisible(cy: Core, padding = 40): void {
  const shown = cy.nodes().not(".hidden");
  if (shown.empty()) return;
  const box = shown.boundingBox({ includeLabels: false, includeOverlays: false });
  const width = cy.width() - 2 * padding;
  const height = cy.height() - 2 * padding;
  if (width <= 0 || height <= 0) return;
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min(width / Math.max(box.w, 1), height / Math.max(box.h, 1))),
  );
  cy.viewport({
    zoom,
    pan: {
      x: padding + (width - box.w * zoom) / 2 - box.x1 * zoom,
      y: padding + (height - box.h * zoom) / 2 - box.y1 * zoom,
    },
  });
}
