/**
 * Brings the small components of a laid-out graph (isolated nodes, pairs) to the rim of the largest one: a force
 * layout pushes them far out, where they waste the view and shrink everything else when it is fitted. Each keeps its
 * own shape and its direction from the centre, so the picture stays recognisable. Pure: positions in, positions out.
 */

/** Component index per node, by union–find over the edges (index pairs). */
export function componentsOf(count: number, links: ArrayLike<number>): Int32Array {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (let e = 0; e + 1 < links.length; e += 2) {
    const a = find(links[e] as number);
    const b = find(links[e + 1] as number);
    if (a !== b) parent[a] = b;
  }
  return parent.map((_, i) => find(i));
}

/** Directions in which the main component's outline is known; a corridor spans this many on each side. */
const BINS = 180;
const CORRIDOR = 12;

interface Group {
  members: number[];
  cx: number;
  cy: number;
  /** Distance from the centre to the farthest member, plus the room a node takes. */
  radius: number;
}

/** Moves the smaller components next to the largest; returns new positions (x, y per node). */
export function packComponents(xy: ArrayLike<number>, links: ArrayLike<number>, gap = 40): Float32Array {
  const count = Math.floor(xy.length / 2);
  const out = Float32Array.from(xy);
  if (count < 2) return out;
  const root = componentsOf(count, links);
  const byRoot = new Map<number, number[]>();
  root.forEach((r, i) => {
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  });
  if (byRoot.size < 2) return out;
  const groups: Group[] = [...byRoot.values()].map((members) => {
    let cx = 0;
    let cy = 0;
    for (const i of members) {
      cx += out[2 * i] as number;
      cy += out[2 * i + 1] as number;
    }
    cx /= members.length;
    cy /= members.length;
    let radius = 0;
    for (const i of members)
      radius = Math.max(radius, Math.hypot((out[2 * i] as number) - cx, (out[2 * i + 1] as number) - cy));
    return { members, cx, cy, radius: radius + gap / 4 };
  });
  groups.sort((a, b) => b.members.length - a.members.length);
  const main = groups[0] as Group;
  // The main component's outline: its farthest node from the centre in each of BINS directions.
  const rim = new Float64Array(BINS);
  const binOf = (angle: number) => ((Math.round((angle / (2 * Math.PI)) * BINS) % BINS) + BINS) % BINS;
  for (const i of main.members) {
    const dx = (out[2 * i] as number) - main.cx;
    const dy = (out[2 * i + 1] as number) - main.cy;
    const b = binOf(Math.atan2(dy, dx));
    rim[b] = Math.max(rim[b] as number, Math.hypot(dx, dy));
  }
  /** How far out the main component reaches around a direction, across a corridor as wide as the component. */
  const reach = (angle: number, halfWidth: number) => {
    let most = 0;
    const b = binOf(angle);
    for (let k = -CORRIDOR; k <= CORRIDOR; k++) {
      const r = rim[(b + k + BINS) % BINS] as number;
      // A node in a neighbouring direction only matters if it lies within the corridor.
      if (Math.abs(Math.sin((k * 2 * Math.PI) / BINS)) * r <= halfWidth + gap) most = Math.max(most, r);
    }
    return most;
  };
  const placed: { x: number; y: number; r: number }[] = [];
  const others = groups.slice(1).map((g, n) => ({
    g,
    // Out from the main centre in the component's own direction (or a golden-angle turn if it sits on the centre).
    angle: g.cx === main.cx && g.cy === main.cy ? n * 2.399963 : Math.atan2(g.cy - main.cy, g.cx - main.cx),
  }));
  for (const { g, angle } of others) {
    const at = (a: number, extra: number) => {
      const distance = reach(a, g.radius) + gap + g.radius + extra;
      return { x: main.cx + distance * Math.cos(a), y: main.cy + distance * Math.sin(a) };
    };
    const free = (p: { x: number; y: number }) =>
      !placed.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < q.r + g.radius + gap / 2);
    // Along the rim first, turning both ways from its own direction; outward only when a whole turn is taken.
    let spot = at(angle, 0);
    for (let extra = 0, found = free(spot); !found; extra += 2 * g.radius + gap / 2) {
      for (let turn = 0; turn <= BINS / 2 && !found; turn++) {
        for (const sign of turn === 0 ? [1] : [1, -1]) {
          spot = at(angle + (sign * turn * 2 * Math.PI) / BINS, extra);
          if (free(spot)) {
            found = true;
            break;
          }
        }
      }
    }
    placed.push({ ...spot, r: g.radius });
    for (const i of g.members) {
      out[2 * i] = (out[2 * i] as number) - g.cx + spot.x;
      out[2 * i + 1] = (out[2 * i + 1] as number) - g.cy + spot.y;
    }
  }
  return out;
}
