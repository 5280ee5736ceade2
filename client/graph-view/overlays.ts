/** The panels drawn over the graph canvas, as boxes relative to it: labels keep off them, a selection is framed beside them. */
import type { Core } from "cytoscape";
import type { Box } from "./labels/choose-labels";

/** Panels that may sit over the canvas; one that sits elsewhere simply lies outside the canvas. */
const OVERLAYS =
  ".legend, .data-summary, .graph-image, .graph-fit, .graph-budget, .layout-progress, .graph-overlay, .embed-credit";

export function overlayBoxes(cy: Core): Box[] {
  const container = cy.container();
  if (!container) return [];
  const origin = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const element of document.querySelectorAll(OVERLAYS)) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    boxes.push({
      x1: r.left - origin.left,
      y1: r.top - origin.top,
      x2: r.right - origin.left,
      y2: r.bottom - origin.top,
    });
  }
  return boxes;
}
