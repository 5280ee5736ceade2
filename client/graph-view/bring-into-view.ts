/**
 * Moves the view so that a set of elements is on screen, in the part of the canvas no panel covers (see free-area.ts):
 * panning if they fit at this zoom, zooming out if they do not, and (for a selection) zooming in up to a limit.
 * Nothing moves if they are already in view.
 */
import type { Core, NodeCollection } from "cytoscape";
import { freeArea } from "./free-area";
import { overlayBoxes } from "./overlays";

export interface IntoViewOptions {
  /** Room to keep between the elements and the free area's edge, in px (their labels stand around them). */
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
  const area = freeArea(cy.width(), cy.height(), overlayBoxes(cy), Math.max(box.w, 1) / Math.max(box.h, 1));
  // A free area too small for the padding (a tiny canvas) falls back to the whole canvas.
  const pad = Math.min(padding, (area.x2 - area.x1) / 4, (area.y2 - area.y1) / 4);
  const room = { x1: area.x1 + pad, y1: area.y1 + pad, x2: area.x2 - pad, y2: area.y2 - pad };
  const fits = Math.min((room.x2 - room.x1) / Math.max(box.w, 1), (room.y2 - room.y1) / Math.max(box.h, 1));
  const zoom = cy.zoom();
  const pan = cy.pan();
  const inView =
    box.x1 * zoom + pan.x >= room.x1 &&
    box.y1 * zoom + pan.y >= room.y1 &&
    box.x2 * zoom + pan.x <= room.x2 &&
    box.y2 * zoom + pan.y <= room.y2;
  const target = Math.max(
    cy.minZoom(),
    Math.min(cy.maxZoom(), zoomInTo !== undefined ? Math.min(fits, zoomInTo) : Math.min(zoom, fits)),
  );
  if (inView && (zoomInTo === undefined || Math.abs(target - zoom) < 0.01)) return;
  const cx = (box.x1 + box.x2) / 2;
  const cy_ = (box.y1 + box.y2) / 2;
  const pan2 = { x: (room.x1 + room.x2) / 2 - cx * target, y: (room.y1 + room.y2) / 2 - cy_ * target };
  cy.stop(true);
  if (duration === 0) cy.viewport({ zoom: target, pan: pan2 });
  else cy.animate({ zoom: target, pan: pan2 }, { duration });
}
