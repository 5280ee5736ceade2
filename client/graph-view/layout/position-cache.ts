/**
 * Keeps computed positions of the full graph per data version in the browser's localStorage, so a reload draws at
 * once instead of laying out again. A new data version, or a different graph, misses the cache.
 */
const PREFIX = "partnerkartan:layout:v1:";

export function layoutCacheKey(dataVersion: number, nodeCount: number, edgeCount: number): string {
  return `${PREFIX}${dataVersion}:${nodeCount}:${edgeCount}`;
}

export function readPositions(key: string): Record<string, [number, number]> | undefined {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as Record<string, [number, number]>) : undefined;
  } catch {
    return undefined;
  }
}

export function writePositions(key: string, positions: Record<string, [number, number]>): void {
  try {
    // One layout at a time: drop positions of older data versions first.
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX) && k !== key) localStorage.removeItem(k);
    }
    localStorage.setItem(key, JSON.stringify(positions));
  } catch {
    // Storage full or disabled: the layout still works, it is just not remembered.
  }
}
