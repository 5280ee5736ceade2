/**
 * The part of the canvas no panel covers (legend and count line in one corner, the graph's buttons in another), so a
 * selection framed into it is neither hidden under a panel nor robbed of its labels (labels keep off panels). Pure.
 */
import type { Box } from "./labels/choose-labels";

/**
 * The rectangle inside `width` × `height` clear of every obstacle that best holds a box of `aspect` (its width over its
 * height): each obstacle in the way is cut off by moving one of the rectangle's four edges past it, and of all the
 * ways to do so the one that lets the box be drawn largest wins (ties: the larger area).
 */
export function freeArea(width: number, height: number, obstacles: readonly Box[], aspect = 1): Box {
  const canvas: Box = { x1: 0, y1: 0, x2: width, y2: height };
  const inside = obstacles
    .map((o) => ({
      x1: Math.max(o.x1, 0),
      y1: Math.max(o.y1, 0),
      x2: Math.min(o.x2, width),
      y2: Math.min(o.y2, height),
    }))
    .filter((o) => o.x2 > o.x1 && o.y2 > o.y1);
  const ratio = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  // How large the box can be drawn in a rectangle: its height there (the width follows from the aspect).
  const scale = (r: Box) => Math.min((r.x2 - r.x1) / ratio, r.y2 - r.y1);
  const area = (r: Box) => (r.x2 - r.x1) * (r.y2 - r.y1);
  let best: Box | undefined;
  const visit = (r: Box, depth: number) => {
    if (r.x2 - r.x1 <= 0 || r.y2 - r.y1 <= 0) return;
    const blocking = inside.find((o) => o.x1 < r.x2 && r.x1 < o.x2 && o.y1 < r.y2 && r.y1 < o.y2);
    if (!blocking) {
      if (!best || scale(r) > scale(best) + 1e-9 || (Math.abs(scale(r) - scale(best)) <= 1e-9 && area(r) > area(best)))
        best = r;
      return;
    }
    // Panels are few (at most a handful): the search stays small; the depth bound keeps it so whatever the page holds.
    if (depth > 8) return;
    visit({ ...r, x1: blocking.x2 }, depth + 1);
    visit({ ...r, x2: blocking.x1 }, depth + 1);
    visit({ ...r, y1: blocking.y2 }, depth + 1);
    visit({ ...r, y2: blocking.y1 }, depth + 1);
  };
  visit(canvas, 0);
  return best ?? canvas;
}
