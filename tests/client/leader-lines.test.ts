/** Pins the leader line of a label standing far from its node: from the node's edge to the nearest point of the box. */
import { describe, expect, it } from "vitest";
import { leaderSegment } from "../../client/graph-view/labels/leader-lines";

describe("leaderSegment", () => {
  it("runs from the node's edge to the nearest point of the label's box", () => {
    // A box straight right of the node: the line is horizontal, from x + r to the box's left edge.
    expect(leaderSegment(100, 100, 10, { x1: 200, y1: 90, x2: 260, y2: 110 })).toEqual({
      x1: 110,
      y1: 100,
      x2: 200,
      y2: 100,
    });
    // A box up and to the left: the line ends at its lower right corner, leaving the node along that direction.
    const s = leaderSegment(100, 100, 5, { x1: 0, y1: 0, x2: 70, y2: 60 });
    expect(s?.x2).toBe(70);
    expect(s?.y2).toBe(60);
    expect(Math.hypot((s?.x1 ?? 0) - 100, (s?.y1 ?? 0) - 100)).toBeCloseTo(5);
    expect(((s?.y1 ?? 0) - 100) / ((s?.x1 ?? 0) - 100)).toBeCloseTo(40 / 30);
  });

  it("draws nothing for a box that touches or covers the node", () => {
    expect(leaderSegment(100, 100, 10, { x1: 105, y1: 95, x2: 160, y2: 105 })).toBeUndefined();
    expect(leaderSegment(100, 100, 10, { x1: 50, y1: 50, x2: 150, y2: 150 })).toBeUndefined();
  });
});
