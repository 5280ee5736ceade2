/**
 * Pins the label chooser: no two accepted label boxes overlap, importance decides who wins, required labels (the
 * selection and its neighbours) move to another side rather than give way, and labels never cover a labelled node.
 */
import { describe, expect, it } from "vitest";
import {
  type Box,
  type ChosenLabel,
  chooseLabels,
  intersects,
  type LabelCandidate,
  labelBox,
  type Placement,
} from "../../client/graph-view/labels/choose-labels";

const view = { viewport: { width: 800, height: 600 } };
let next = 0;
const candidate = (over: Partial<LabelCandidate>): LabelCandidate => ({
  id: `n${next++}`,
  x: 400,
  y: 300,
  r: 8,
  w: 60,
  h: 14,
  margin: 3,
  pad: 2,
  priority: 1,
  ...over,
});
const overlapping = (chosen: ChosenLabel[]) => {
  let pairs = 0;
  for (let i = 0; i < chosen.length; i++)
    for (let j = i + 1; j < chosen.length; j++)
      if (intersects((chosen[i] as ChosenLabel).box, (chosen[j] as ChosenLabel).box)) pairs++;
  return pairs;
};

/** A placement's name: "bottom", "top", "right", "left" or a corner such as "bottom-right". */
const side = (p: Placement) => (p.h === "center" ? p.v : p.v === "center" ? p.h : `${p.v}-${p.h}`);

describe("labelBox", () => {
  it("puts the text under, over, right or left of the node, or at a corner, padded", () => {
    const c = candidate({ x: 100, y: 100, r: 10, w: 40, h: 12, margin: 3, pad: 2 });
    const box = (h: Placement["h"], v: Placement["v"], dx: number, dy: number) => labelBox(c, { h, v, dx, dy });
    expect(box("center", "bottom", 0, 3)).toEqual({ x1: 78, x2: 122, y1: 111, y2: 127 });
    expect(box("center", "top", 0, -3)).toEqual({ x1: 78, x2: 122, y1: 73, y2: 89 });
    expect(box("right", "center", 3, 0)).toEqual({ x1: 111, x2: 155, y1: 92, y2: 108 });
    expect(box("left", "center", -3, 0)).toEqual({ x1: 45, x2: 89, y1: 92, y2: 108 });
    expect(box("right", "bottom", 0, 0)).toEqual({ x1: 108, x2: 152, y1: 108, y2: 124 });
  });
});

describe("chooseLabels", () => {
  it("gives the default side to the more important, the other side to the next, and drops the third", () => {
    const hub = candidate({ id: "hub", priority: 10 });
    const mid = candidate({ id: "mid", priority: 5 });
    const leaf = candidate({ id: "leaf", priority: 1 });
    const chosen = chooseLabels([leaf, mid, hub], view);
    expect(chosen.map((c) => [c.id, side(c.placement)])).toEqual([
      ["hub", "bottom"],
      ["mid", "top"],
    ]);
  });

  it("accepts labels that do not touch", () => {
    const chosen = chooseLabels([candidate({ x: 100 }), candidate({ x: 300 }), candidate({ x: 500 })], view);
    expect(chosen).toHaveLength(3);
    expect(chosen.every((c) => side(c.placement) === "bottom")).toBe(true);
  });

  it("moves an ordinary label above its node when below is taken", () => {
    // The second node sits right under the first: its own label below would hit the first one's.
    const chosen = chooseLabels(
      [candidate({ id: "a", priority: 2, x: 200, y: 200 }), candidate({ id: "b", x: 200, y: 236, r: 4 })],
      view,
    );
    expect(side(chosen.find((c) => c.id === "b")?.placement as Placement)).toBe("bottom");
    const crowded = chooseLabels(
      [candidate({ id: "a", priority: 2, x: 200, y: 200 }), candidate({ id: "b", x: 200, y: 190, r: 1 })],
      view,
    );
    expect(overlapping(crowded)).toBe(0);
  });

  it("places every required label on a free side, before any ordinary one", () => {
    // A selected node's neighbours packed in a row: their labels below would overlap, so some go above.
    const other = candidate({ id: "other", priority: 100, x: 345, y: 300, r: 2 });
    const neighbours = [0, 1, 2, 3].map((i) =>
      candidate({ id: `nb${i}`, x: 300 + i * 30, y: 300, r: 4, w: 50, h: 12, priority: i, required: true }),
    );
    const chosen = chooseLabels([other, ...neighbours], view);
    expect(chosen.map((c) => c.id).sort()).toEqual(["nb0", "nb1", "nb2", "nb3"]);
    expect(overlapping(chosen)).toBe(0);
    expect(new Set(chosen.map((c) => side(c.placement)))).toEqual(new Set(["bottom", "top"]));
  });

  it("moves a required label off a node that would otherwise cover it", () => {
    // The selected node's label below would lie over its neighbour's shape, which is drawn on top of it.
    const selected = candidate({ id: "sel", x: 300, y: 300, r: 10, priority: 9, required: true });
    const neighbour = candidate({ id: "nb", x: 300, y: 324, r: 6, w: 10, priority: 1, required: true });
    const chosen = chooseLabels([selected, neighbour], view);
    expect(side(chosen.find((c) => c.id === "sel")?.placement as Placement)).toBe("top");
  });

  it("keeps every label inside the view: at the top edge below its node, and none where no side fits", () => {
    const top = candidate({ id: "top", x: 400, y: 2, r: 4, w: 60, h: 14 });
    const [chosen] = chooseLabels([top], view);
    expect(side(chosen?.placement as Placement)).toBe("bottom");
    // At the left edge the label below slides right, just inside the view, rather than being cut.
    const left = candidate({ id: "left", x: 10, y: 300, r: 4, w: 60, h: 14 });
    const [slid] = chooseLabels([left], view);
    expect(side(slid?.placement as Placement)).toBe("bottom");
    expect(slid?.box.x1).toBeCloseTo(0);
    // A node in a corner under a wide label: no side keeps the box inside, so no label rather than a cut one.
    const corner = candidate({ id: "corner", x: 1, y: 1, r: 1, w: 900, h: 14 });
    expect(chooseLabels([corner], view)).toEqual([]);
    const inside = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= 800 && b.y2 <= 600;
    const edge = [0, 1, 2, 3, 4, 5].map((i) =>
      candidate({ x: 5 + i * 150, y: 596, r: 6, w: 80, priority: i, required: i < 2 }),
    );
    for (const c of chooseLabels(edge, view)) expect(inside(c.box)).toBe(true);
  });

  it("tries a required label's other wrapping, then a spot further out, before dropping it", () => {
    // A wide label between two panels: only its narrow wrapping fits between them.
    const obstacles = [
      { x1: 0, y1: 0, x2: 370, y2: 600 },
      { x1: 430, y1: 0, x2: 800, y2: 600 },
    ];
    const wide = candidate({ id: "wide", x: 400, y: 300, r: 4, w: 100, h: 14, required: true });
    expect(chooseLabels([wide], { ...view, obstacles })).toEqual([]);
    const narrow = { ...wide, alternatives: [{ w: 40, h: 42 }] };
    const [chosen] = chooseLabels([narrow], { ...view, obstacles });
    expect(chosen?.shape).toBe(1);
    for (const o of obstacles) expect(intersects(chosen?.box as Box, o)).toBe(false);
  });

  it("stands a required label further out when no side of its node is free", () => {
    // Panels everywhere but a window 80–160 px right of the node, beyond every ring next to it.
    const obstacles = [
      { x1: 0, y1: 0, x2: 800, y2: 285 },
      { x1: 0, y1: 315, x2: 800, y2: 600 },
      { x1: 0, y1: 285, x2: 480, y2: 315 },
      { x1: 560, y1: 285, x2: 800, y2: 315 },
    ];
    const c = candidate({ id: "far", x: 400, y: 300, r: 4, w: 40, h: 14, required: true });
    const [chosen] = chooseLabels([c], { ...view, obstacles });
    expect(chosen?.id).toBe("far");
    for (const o of obstacles) expect(intersects(chosen?.box as Box, o)).toBe(false);
    // An ordinary label is not worth a spot that far from its node.
    expect(chooseLabels([{ ...c, required: false }], { ...view, obstacles })).toEqual([]);
  });

  it("gives required labels crowded out by those placed before them the first turn in another round", () => {
    // 26 neighbours of a selection packed within 70 px (found by a seeded search): in one greedy pass by
    // importance some find no room beside their node; choosing again with those first places every one there.
    const packed: [number, number, number][] = [
      [418, 290, 60],
      [390, 268, 80],
      [394, 270, 60],
      [414, 305, 100],
      [402, 336, 30],
      [398, 270, 110],
      [404, 315, 40],
      [398, 266, 70],
      [432, 295, 100],
      [438, 304, 40],
      [427, 276, 80],
      [412, 336, 70],
      [374, 272, 50],
      [436, 308, 100],
      [366, 333, 110],
      [397, 283, 70],
      [395, 328, 50],
      [391, 320, 100],
      [413, 317, 80],
      [386, 275, 90],
      [432, 274, 30],
      [375, 275, 50],
      [413, 313, 70],
      [386, 297, 60],
      [369, 328, 70],
      [373, 312, 110],
    ];
    const crowd = packed.map(([x, y, w], i) =>
      candidate({ id: `p${i}`, x, y, r: 4, w, h: 14, margin: 3, pad: 2, priority: packed.length - i, required: true }),
    );
    const once = chooseLabels(crowd, { ...view, retries: 0 });
    const beside = (chosen: ChosenLabel[]) => chosen.filter((c) => !c.leader).length;
    expect(beside(once)).toBeLessThan(crowd.length);
    const chosen = chooseLabels(crowd, view);
    expect(chosen).toHaveLength(crowd.length);
    expect(beside(chosen)).toBe(crowd.length);
    expect(overlapping(chosen)).toBe(0);
  });

  it("labels every one of a hub's 50 neighbours crowded on one side, far ones with a leader line, before any other", () => {
    // The seed's case grown: a hub whose neighbours all lie in a 110 × 120 px patch to its left, more names than fit
    // beside their nodes; ordinary, more important nodes stand in the empty room to the right.
    let seed = 3;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const hub = candidate({ id: "hub", x: 420, y: 300, r: 12, w: 90, h: 15, priority: 100, required: true });
    const neighbours = Array.from({ length: 50 }, (_, i) =>
      candidate({
        id: `nb${i}`,
        x: 300 + random() * 110,
        y: 240 + random() * 120,
        r: 3 + random() * 4,
        w: 40 + random() * 90,
        h: 12,
        margin: 1.6,
        pad: 2.6,
        priority: random() * 30,
        required: true,
        alternatives: [{ w: 45, h: 24 }],
      }),
    );
    const others = Array.from({ length: 30 }, (_, i) =>
      candidate({ id: `o${i}`, x: 460 + random() * 300, y: 100 + random() * 400, priority: 200 + i }),
    );
    const obstacles = [{ x1: 0, y1: 560, x2: 300, y2: 600 }];
    const chosen = chooseLabels([...others, ...neighbours, hub], { ...view, gap: 3, obstacles });
    const ids = new Set(chosen.map((c) => c.id));
    expect([hub, ...neighbours].filter((c) => !ids.has(c.id)).map((c) => c.id)).toEqual([]);
    expect(overlapping(chosen)).toBe(0);
    for (const c of chosen) expect(intersects(c.box, obstacles[0] as Box)).toBe(false);
    // Some stand far from their node, tied to it by a line; most stay beside it.
    const far = chosen.filter((c) => c.leader);
    expect(far.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThan(neighbours.length / 2);
    expect(far.every((c) => c.id.startsWith("nb"))).toBe(true);
    // Ordinary labels only where the required ones left room: fewer than all of them.
    expect(chosen.filter((c) => c.id.startsWith("o")).length).toBeLessThan(others.length);
  });

  it("never lets two labels overlap in a random crowd, and never covers a labelled node", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const crowd = Array.from({ length: 2000 }, (_, i) =>
      candidate({
        id: `c${i}`,
        x: random() * 800,
        y: random() * 600,
        w: 20 + random() * 120,
        h: random() < 0.3 ? 28 : 14,
        priority: random(),
        required: i < 15,
      }),
    );
    const chosen = chooseLabels(crowd, { ...view, gap: 2 });
    expect(chosen.length).toBeGreaterThan(20);
    expect(overlapping(chosen)).toBe(0);
    const labelled = new Map(crowd.map((c) => [c.id, c]));
    for (const label of chosen) {
      for (const other of chosen) {
        const node = labelled.get(other.id) as LabelCandidate;
        if (other.id === label.id || node.required) continue;
        const disc = { x1: node.x - node.r, y1: node.y - node.r, x2: node.x + node.r, y2: node.y + node.r };
        expect(intersects(label.box, disc)).toBe(false);
      }
    }
  });

  it("takes the most important first and stops at the maximum", () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      candidate({ x: (i % 10) * 80 + 40, y: Math.floor(i / 10) * 100 + 30, priority: i }),
    );
    const chosen = chooseLabels(many, { ...view, max: 5 });
    expect(chosen.map((c) => c.id)).toEqual(
      many
        .slice(45)
        .reverse()
        .map((c) => c.id),
    );
  });
});
