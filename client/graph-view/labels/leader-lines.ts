/**
 * Leader lines: a required label that found room only far from its node (a neighbour amid a crowd of others) is tied
 * back to it by a thin dashed line, drawn in an SVG layer over the canvas. The lines are kept in model coordinates and
 * the layer follows the view's pan and zoom, so they stay attached while the view moves and the labels are re-chosen.
 */
import type { Core } from "cytoscape";
import type { Box } from "./choose-labels";

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The line from a node's edge (centre x, y, radius r) to the nearest point of its label's box, all in one coordinate
 * system; undefined when the box touches the node (no line needed).
 */
export function leaderSegment(x: number, y: number, r: number, box: Box): Segment | undefined {
  const tx = Math.min(Math.max(x, box.x1), box.x2);
  const ty = Math.min(Math.max(y, box.y1), box.y2);
  const length = Math.hypot(tx - x, ty - y);
  if (length <= r) return undefined;
  return { x1: x + ((tx - x) / length) * r, y1: y + ((ty - y) / length) * r, x2: tx, y2: ty };
}

const SVG = "http://www.w3.org/2000/svg";
/** How a leader line looks, on screen and in exported images. Dashed and thin, not to be taken for a tie. */
export const LEADER_STYLE = { stroke: "#4a4f57", width: 1, dash: [3, 2] } as const;

/** The leader lines now drawn over a canvas, on screen (for exporting the view as an image). */
export function leaderLinesOnScreen(cy: Core): Segment[] {
  const pan = cy.pan();
  const zoom = cy.zoom();
  const lines = cy.container()?.querySelectorAll("svg.label-leaders line") ?? [];
  return [...lines].map((line) => {
    const at = (name: string) => Number(line.getAttribute(name));
    return {
      x1: at("x1") * zoom + pan.x,
      y1: at("y1") * zoom + pan.y,
      x2: at("x2") * zoom + pan.x,
      y2: at("y2") * zoom + pan.y,
    };
  });
}

/** The layer over a Cytoscape canvas; `draw` replaces its lines (model coordinates), `destroy` removes it. */
export function createLeaderLayer(cy: Core): { draw(lines: readonly Segment[]): void; destroy(): void } {
  const container = cy.container();
  if (!container) return { draw() {}, destroy() {} };
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "label-leaders");
  svg.setAttribute("aria-hidden", "true");
  svg.style.cssText = "position:absolute;inset:0;width:100%;height:100%;pointer-events:none;overflow:hidden;z-index:1";
  const group = document.createElementNS(SVG, "g");
  svg.appendChild(group);
  container.appendChild(svg);
  const follow = () => {
    const pan = cy.pan();
    group.setAttribute("transform", `translate(${pan.x} ${pan.y}) scale(${cy.zoom()})`);
  };
  follow();
  cy.on("viewport", follow);
  return {
    draw(lines) {
      follow();
      group.replaceChildren(
        ...lines.map((s) => {
          const line = document.createElementNS(SVG, "line");
          line.setAttribute("x1", String(s.x1));
          line.setAttribute("y1", String(s.y1));
          line.setAttribute("x2", String(s.x2));
          line.setAttribute("y2", String(s.y2));
          line.setAttribute("stroke", LEADER_STYLE.stroke);
          line.setAttribute("stroke-width", String(LEADER_STYLE.width));
          line.setAttribute("stroke-dasharray", LEADER_STYLE.dash.join(" "));
          line.setAttribute("vector-effect", "non-scaling-stroke");
          return line;
        }),
      );
    },
    destroy() {
      cy.off("viewport", follow);
      svg.remove();
    },
  };
}
