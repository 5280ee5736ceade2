/**
 * Text widths in em for the graph's label font, measured once per text on a canvas as Cytoscape measures them, and
 * remembered: choosing labels on every zoom then measures nothing new.
 */
import type { MeasureEm } from "./wrap-label";

/** The label font, as the stylesheet sets it (font-family; normal style and weight). */
export const LABEL_FONT_FAMILY = "system-ui, sans-serif";
const PROBE = 100;

export function createMeasure(): MeasureEm {
  const cache = new Map<string, number>();
  let context: CanvasRenderingContext2D | null | undefined;
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    context ??= document.createElement("canvas").getContext("2d");
    if (!context) return text.length * 0.6;
    context.font = `normal normal ${PROBE}px ${LABEL_FONT_FAMILY}`;
    const em = context.measureText(text).width / PROBE;
    if (cache.size > 50_000) cache.clear();
    cache.set(text, em);
    return em;
  };
}
