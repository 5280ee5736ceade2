/**
 * Fits the view to the visible nodes by their positions and sizes alone: Cytoscape's boundingBox() would compute every
 * node's style first (a long task on the first draw) and measuring labels would cost seconds on large graphs.
 */
import type { Core, NodeSingular } from "cytoscape";

export function fitVisible(cy: Core, padding = 40): void {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  cy.nodes().forEach((node: NodeSingular) => {
    if (node.hasClass("hidden")) return;
    const p = node.position();
    const half = (Number(node.data("size")) || 0) / 2;
    x1 = Math.min(x1, p.x - half);
    y1 = Math.min(y1, p.y - half);
    x2 = Math.max(x2, p.x + half);
    y2 = Math.max(y2, p.y + half);
  });
  if (x1 > x2) return;
  fitBox(cy, { x1, y1, w: x2 - x1, h: y2 - y1 }, padding);
}

/**
 * Fits the view to where nodes are about to be drawn, before they are: a large graph drawn in chunks then renders each
 * node once at its final zoom, instead of again after a fit at the end.
 */
export function fitPositions(cy: Core, points: Iterable<[number, number] | undefined>, padding = 40): void {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!p) continue;
    x1 = Math.min(x1, p[0]);
    y1 = Math.min(y1, p[1]);
    x2 = Math.max(x2, p[0]);
    y2 = Math.max(y2, p[1]);
  }
  if (x1 > x2) return;
  fitBox(cy, { x1, y1, w: x2 - x1, h: y2 - y1 }, padding);
}

function fitBox(cy: Core, box: { x1: number; y1: number; w: number; h: number }, padding: number): void {
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
