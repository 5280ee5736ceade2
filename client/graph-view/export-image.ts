/**
 * The current view as an image with a title, the date, a line describing the filter and a legend: PNG (at 1× or a
 * higher scale) from Cytoscape's canvas renderer, or SVG through cytoscape-svg.
 */
import cytoscape, { type Core } from "cytoscape";
import cytoscapeSvg from "cytoscape-svg";
import type { NodeKind } from "../../shared/schema/graph";
import { NODE_KINDS } from "../../shared/schema/value-lists";
import { KIND_STYLES } from "./kind-style";
import { LEADER_STYLE, leaderLinesOnScreen } from "./labels/leader-lines";

cytoscape.use(cytoscapeSvg);

export interface ImageCaption {
  title: string;
  /** e.g. "2026-11-27 · Filter: Län: Norrbottens län". */
  subtitle: string;
  kindLabels: Record<NodeKind, string>;
}

const HEADER = 64;
const LEGEND = 36;
const FONT = "system-ui, sans-serif";

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function viewAsPng(cy: Core, caption: ImageCaption, scale: number): Promise<Blob> {
  const graph = await cy.png({ output: "blob-promise", scale, bg: "#ffffff", full: false });
  const bitmap = await createImageBitmap(graph);
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height + (HEADER + LEGEND) * scale;
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = "#1d1d1f";
  ctx.font = `600 20px ${FONT}`;
  ctx.fillText(caption.title, 16, 28);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = "#4a4f57";
  ctx.fillText(caption.subtitle, 16, 50);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(bitmap, 0, HEADER * scale);
  ctx.scale(scale, scale);
  // Leader lines to labels standing far from their node live over the canvas, not in it: drawn here as on screen.
  ctx.save();
  ctx.strokeStyle = LEADER_STYLE.stroke;
  ctx.lineWidth = LEADER_STYLE.width;
  ctx.setLineDash([...LEADER_STYLE.dash]);
  for (const s of leaderLinesOnScreen(cy)) {
    ctx.beginPath();
    ctx.moveTo(s.x1, s.y1 + HEADER);
    ctx.lineTo(s.x2, s.y2 + HEADER);
    ctx.stroke();
  }
  ctx.restore();
  let x = 16;
  const y = (HEADER * scale + bitmap.height) / scale + 22;
  ctx.font = `13px ${FONT}`;
  for (const kind of NODE_KINDS) {
    const style = KIND_STYLES[kind];
    ctx.save();
    ctx.translate(x, y - 11);
    ctx.scale(0.7, 0.7);
    ctx.fillStyle = style.color;
    ctx.fill(new Path2D(style.svgPath));
    ctx.restore();
    ctx.fillStyle = "#1d1d1f";
    ctx.fillText(caption.kindLabels[kind], x + 20, y);
    x += 30 + ctx.measureText(caption.kindLabels[kind]).width;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}

export function viewAsSvg(cy: Core, caption: ImageCaption): string {
  const graph = (cy as Core & { svg(options: object): string }).svg({ full: false, bg: "#ffffff" });
  const width = cy.width();
  const height = cy.height() + HEADER + LEGEND;
  let x = 16;
  const legend = NODE_KINDS.map((kind) => {
    const style = KIND_STYLES[kind];
    const label = escapeXml(caption.kindLabels[kind]);
    const item = `<g transform="translate(${x},${height - 25}) scale(0.7)"><path d="${style.svgPath}" fill="${style.color}"/></g><text x="${x + 20}" y="${height - 13}" font-size="13" font-family="${FONT}" fill="#1d1d1f">${label}</text>`;
    x += 30 + label.length * 7.5;
    return item;
  }).join("");
  const leaders = leaderLinesOnScreen(cy)
    .map(
      (s) =>
        `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${LEADER_STYLE.stroke}" stroke-width="${LEADER_STYLE.width}" stroke-dasharray="${LEADER_STYLE.dash.join(" ")}"/>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="20" font-weight="600" font-family="${FONT}" fill="#1d1d1f">${escapeXml(caption.title)}</text>`,
    `<text x="16" y="50" font-size="13" font-family="${FONT}" fill="#4a4f57">${escapeXml(caption.subtitle)}</text>`,
    `<g transform="translate(0,${HEADER})">${graph.replace(/^<\?xml[^>]*>/, "")}${leaders}</g>`,
    legend,
    "</svg>",
  ].join("");
}
