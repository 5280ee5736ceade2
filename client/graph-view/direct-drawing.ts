/**
 * Canvas renderer: draw nodes and their labels directly instead of from Cytoscape's per-element texture caches.
 * Those caches copy each node (and each label) into a bitmap per zoom level and then draw the bitmaps; with the
 * canvas in software (no GPU, as on the machines the benchmark runs on) one drawImage per node and label made every
 * zoom frame of the seed's 240 nodes a 50–90 ms task, while drawing the same nodes directly stays under 50 ms.
 * The caches are internal to Cytoscape (renderer().data); if they are not where 3.35 keeps them, nothing changes.
 */
import type { Core } from "cytoscape";

interface TextureCache {
  getElement: (...args: unknown[]) => unknown;
}

export function drawDirectly(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => { data?: Record<string, unknown> } }).renderer?.();
  for (const name of ["eleTxrCache", "lblTxrCache"]) {
    const cache = renderer?.data?.[name] as TextureCache | undefined;
    // null: "not cached", and Cytoscape falls back to drawing the element itself.
    if (cache && typeof cache.getElement === "function") cache.getElement = () => null;
  }
}
