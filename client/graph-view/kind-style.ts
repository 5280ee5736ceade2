/** How each node kind looks: a colour from the Okabe–Ito palette (safe for colour blindness) AND a shape, never colour alone. */
import type { NodeKind } from "../../shared/schema/graph";

export interface KindStyle {
  color: string;
  shape: "round-rectangle" | "ellipse" | "diamond" | "triangle" | "hexagon" | "star";
  /** The same shape as an SVG path in a 20×20 box, for the legend. */
  svgPath: string;
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  project: {
    color: "#0072B2",
    shape: "round-rectangle",
    svgPath: "M4 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z",
  },
  organisation: { color: "#D55E00", shape: "ellipse", svgPath: "M10 1a9 9 0 1 1 0 18a9 9 0 1 1 0-18z" },
  topic: { color: "#009E73", shape: "diamond", svgPath: "M10 1l9 9-9 9-9-9z" },
  skill: { color: "#CC79A7", shape: "triangle", svgPath: "M10 2l9 16H1z" },
  region: { color: "#6B6B6B", shape: "hexagon", svgPath: "M5 2h10l5 8-5 8H5l-5-8z" },
  event: {
    color: "#E69F00",
    shape: "star",
    svgPath: "M10 1l2.6 5.9 6.4.6-4.8 4.3 1.4 6.3L10 14.8l-5.6 3.3 1.4-6.3L1 7.5l6.4-.6z",
  },
};
