/**
 * Moves the view so that a set of elements is on screen: panning if they fit at this zoom, zooming out if they do not,
 * and (for a selection) zooming in up to a limit. Nothing moves if they are already in view.
 */
import type { Core, NodeCollection } from "cytoscape";

export interface IntoViewOptions {
  /** Room to keep between the elements and the canvas edge, in px (panels sit in the corners). */
  padding?: number;
  /** Zoom in until the elements fill the view, but not past this zoom. Without it, the zoom only ever goes down. */
  zoomInTo?: number;
  duration?: number;
}

export function bringIntoView(cy: Core, eles: NodeCollection, options: IntoViewOptions = {}): void {
  const { padding = 60, zoomInTo, duration = 350 } = options;
  const shown = eles.filter((e) => !e.hasClass("hidden"));
  if (shown.empty()) return;
  const box = shown.boundingBox({ includeLabels: false, includeOverlays: false });
  const width = cy.width();
  const height = cy.height();
  const room = { w: Math.max(width - 2 * padding, 1), h: Math.max(height - 2 * padding, 1) };
  const fits = Math.min(room.w / Math.max(box.w, 1), room.h / Math.max(box.h, 1));
  const zoom = cy.zoom();
  const pan = cy.pan();
  const inView =
    box.x1 * zoom + pan.x >= padding &&
    box.y1 * zoom + pan.y >= padding &&
    box.x2 * zoom + pan.x <= width - padding &&
    box.y2 * zoom + pan.y <= height - padding;
  const target = Math.max(
    cy.minZoom(),
    Math.min(cy.maxZoom(), zoomInTo !== undefined ? Math.min(fits, zoomInTo) : Math.min(zoom, fits)),
  );
  if (inView && (zoomInTo === undefined || Math.abs(target - zoom) < 0.01)) return;
  const cx = (box.x1 + box.x2) / 2;
  const cy_ = (box.y1 + box.y2) / 2;
  cy.stop(true);
  cy.animate({ zoom: target, pan: { x: width / 2 - cx * target, y: height / 2 - cy_ * target } }, { duration });
}
