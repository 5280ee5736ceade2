/** The Cytoscape stylesheet: one node rule and one edge rule reading precomputed data, plus selection states. */
import type { StylesheetJson } from "cytoscape";
import { LABEL_FONT_FAMILY } from "./labels/measure-text";

export const stylesheet: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      shape: "data(shape)" as never,
      width: "data(size)",
      height: "data(size)",
      // Labels are chosen per view (labels/use-labels.ts): text already wrapped, size and placement in data.
      label: "data(label)",
      "font-size": "data(fontSize)",
      "font-family": LABEL_FONT_FAMILY,
      color: "#1d1d1f",
      "text-valign": "data(labelV)" as never,
      "text-halign": "data(labelH)" as never,
      "text-margin-x": "data(labelMx)" as never,
      "text-margin-y": "data(labelMy)" as never,
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "min-zoomed-font-size": 10,
      "text-wrap": "wrap",
      "text-max-width": "100000px",
      "border-width": 1.5,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "edge",
    style: {
      width: 1,
      "line-color": "#b8bcc4",
      "curve-style": "haystack",
      "haystack-radius": 0,
      opacity: 0.7,
    },
  },
  {
    selector: "edge[weight]",
    style: { width: "mapData(weight, 1, 5, 1.5, 6)", "line-color": "#8f949c", opacity: 0.8 },
  },
  { selector: ".hidden", style: { display: "none" } },
  {
    selector: "node:selected",
    style: { "border-width": 4, "border-color": "#1d1d1f", "z-index": 10 },
  },
  { selector: "node.neighbour", style: { "z-index": 5 } },
  { selector: "edge.neighbour", style: { "line-color": "#4a4f57", width: 2, opacity: 1, "z-index": 5 } },
  // Faded context keeps its shape but not its label, so the focus stays readable.
  { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0 } },
  { selector: ".dimmed", style: { opacity: 0.08, "text-opacity": 0 } },
  {
    selector: "node.path",
    style: {
      opacity: 1,
      "z-index": 20,
      "border-width": 3,
      "border-color": "#b35900",
    },
  },
  { selector: "edge.path", style: { opacity: 1, "line-color": "#b35900", width: 3, "z-index": 20 } },
];

/**
 * Cheaper drawing for large graphs, after the rules above: no node border (one stroke less per node) and opaque edges
 * in a light grey instead of translucent ones (no alpha blending per edge). Selection and path rules still win.
 */
export const largeGraphStyle: StylesheetJson = [
  { selector: "node", style: { "border-width": 0 } },
  { selector: "edge", style: { opacity: 1, "line-color": "#d3d6db" } },
  { selector: "node:selected", style: { "border-width": 4 } },
  { selector: "node.path", style: { "border-width": 3 } },
  { selector: "edge.neighbour", style: { "line-color": "#4a4f57" } },
  { selector: "edge.path", style: { "line-color": "#b35900" } },
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: ".dimmed", style: { opacity: 0.08 } },
];
