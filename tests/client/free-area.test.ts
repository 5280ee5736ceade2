/** Pins the free area a selection is framed in: clear of every panel, and the one that lets the box be drawn largest. */
import { describe, expect, it } from "vitest";
import { freeArea } from "../../client/graph-view/free-area";
import { intersects } from "../../client/graph-view/labels/choose-labels";

describe("freeArea", () => {
  it("is the whole canvas without panels, and ignores panels outside it", () => {
    expect(freeArea(800, 600, [])).toEqual({ x1: 0, y1: 0, x2: 800, y2: 600 });
    expect(freeArea(800, 600, [{ x1: 900, y1: 0, x2: 1000, y2: 100 }])).toEqual({ x1: 0, y1: 0, x2: 800, y2: 600 });
  });

  it("keeps clear of the legend's corner and the buttons' corner, keeping the room a wide box needs", () => {
    // The legend and count line lower left, the fit and image buttons upper right (as at 1280 × 900).
    const legend = { x1: 12, y1: 520, x2: 490, y2: 710 };
    const buttons = { x1: 400, y1: 12, x2: 658, y2: 84 };
    const wide = freeArea(670, 722, [legend, buttons], 1.5);
    for (const o of [legend, buttons]) expect(intersects(wide, o)).toBe(false);
    // A wide box keeps the full width between the two corners.
    expect(wide).toEqual({ x1: 0, y1: 84, x2: 670, y2: 520 });
    // A tall box gains more by giving up the legend's columns than by losing the height.
    const tall = freeArea(670, 722, [legend, buttons], 0.3);
    expect(tall).toEqual({ x1: 490, y1: 84, x2: 670, y2: 722 });
  });
});
