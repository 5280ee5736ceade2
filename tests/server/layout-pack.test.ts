/**
 * Pins the force layout's use of space: small components (isolated nodes, pairs) end at the rim of the largest, not
 * far away; no two nodes of a laid-out graph overlap; the largest component stays where it was.
 */
import { describe, expect, it } from "vitest";
import { collisionRadius, forceLayout } from "../../server/layout/force-simulation";
import { componentsOf, packComponents } from "../../server/layout/pack-components";

const extent = (xy: ArrayLike<number>, members: number[]) => {
  const xs = members.map((i) => xy[2 * i] as number);
  const ys = members.map((i) => xy[2 * i + 1] as number);
  return { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
};

describe("componentsOf", () => {
  it("groups nodes joined by edges", () => {
    const root = componentsOf(5, [0, 1, 1, 2, 3, 4]);
    expect(root[0]).toBe(root[2]);
    expect(root[3]).toBe(root[4]);
    expect(root[0]).not.toBe(root[3]);
  });
});

describe("packComponents", () => {
  it("brings a far-away isolated node to the rim of the main component, in its own direction", () => {
    // A ring of 12 nodes (radius 50) around the origin, and node 12 thrown 10 000 units to the right.
    const ring = Array.from({ length: 12 }, (_, i) => [
      50 * Math.cos((i * Math.PI) / 6),
      50 * Math.sin((i * Math.PI) / 6),
    ]);
    const xy = [...ring.flat(), 10_000, 0];
    const links = Array.from({ length: 12 }, (_, i) => [i, (i + 1) % 12]).flat();
    const out = packComponents(xy, links, 40);
    expect([...out.slice(0, 24)].map(Math.round)).toEqual(xy.slice(0, 24).map(Math.round));
    const [x, y] = [out[24] as number, out[25] as number];
    expect(x).toBeGreaterThan(70);
    expect(x).toBeLessThan(200);
    expect(Math.abs(y)).toBeLessThan(1);
  });

  it("keeps small components apart from each other and from the main one", () => {
    const main = Array.from({ length: 20 }, (_, i) => [
      100 * Math.cos((i / 20) * 2 * Math.PI),
      100 * Math.sin((i / 20) * 2 * Math.PI),
    ]).flat();
    const links = Array.from({ length: 20 }, (_, i) => [i, (i + 1) % 20]).flat();
    // Ten isolated nodes, all far out in the same direction.
    const xy = [...main, ...Array.from({ length: 10 }, (_, i) => [5000 + i, 5000]).flat()];
    const out = packComponents(xy, links, 40);
    const points = Array.from({ length: 10 }, (_, i) => [out[40 + 2 * i] as number, out[41 + 2 * i] as number]);
    for (const [x, y] of points) {
      expect(Math.hypot(x as number, y as number)).toBeGreaterThan(100);
      expect(Math.hypot(x as number, y as number)).toBeLessThan(400);
    }
    for (let a = 0; a < 10; a++)
      for (let b = a + 1; b < 10; b++) {
        const [pa, pb] = [points[a] as number[], points[b] as number[]];
        expect(
          Math.hypot((pa[0] as number) - (pb[0] as number), (pa[1] as number) - (pb[1] as number)),
        ).toBeGreaterThan(20);
      }
  });
});

describe("forceLayout", () => {
  it("lays out a hub with leaves and two isolated nodes compactly, with no nodes overlapping", () => {
    // A star of 30 leaves around node 0, a chain 31–35 tied to it, and isolated nodes 36 and 37.
    const links = [
      ...Array.from({ length: 30 }, (_, i) => [0, i + 1]).flat(),
      ...[0, 31, 31, 32, 32, 33, 33, 34, 34, 35],
    ];
    const count = 38;
    const xy = forceLayout(count, links);
    const degree = new Array(count).fill(0);
    for (const end of links) degree[end]++;
    let overlaps = 0;
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++) {
        const d = Math.hypot(
          (xy[2 * a] as number) - (xy[2 * b] as number),
          (xy[2 * a + 1] as number) - (xy[2 * b + 1] as number),
        );
        // Drawn radii (without the layout's margin) must not intersect.
        if (d < collisionRadius(degree[a]) - 6 + collisionRadius(degree[b]) - 6) overlaps++;
      }
    expect(overlaps).toBe(0);
    const main = extent(
      xy,
      Array.from({ length: 36 }, (_, i) => i),
    );
    const size = Math.max(main.x2 - main.x1, main.y2 - main.y1);
    for (const lonely of [36, 37]) {
      const x = xy[2 * lonely] as number;
      const y = xy[2 * lonely + 1] as number;
      const outside = Math.max(main.x1 - x, x - main.x2, main.y1 - y, y - main.y2, 0);
      // Next to the main component: within the layout's gap and a node's room of its outline.
      expect(outside).toBeLessThan(80);
      expect(size).toBeGreaterThan(200);
    }
  });
});
