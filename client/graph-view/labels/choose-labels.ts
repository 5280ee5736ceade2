/**
 * Which nodes get a visible label, and where: greedy in priority order, a label is accepted only if its box (in
 * rendered pixels) intersects no accepted label and no labelled node, trying below, above, right and left of its node.
 * A required label (the selection, its neighbours) that fits nowhere there tries its other wrappings, then spots a
 * little further out all around its node, then spots far out with a leader line back to its node, before it is dropped.
 * A grid of cells keeps each test near constant time, so the whole choice is O(n). Pure: no Cytoscape.
 */
import { leaderSegment } from "./leader-lines";

/** Where a label sits: its anchor side of the node (Cytoscape's text-halign/valign) and how far it is moved off. */
export interface Placement {
  h: "left" | "center" | "right";
  v: "top" | "center" | "bottom";
  /** Offsets on screen (Cytoscape's text-margin-x/y, times the zoom). */
  dx: number;
  dy: number;
}

/** The sides tried, best first: below, above, then (for required labels) right, left and the four corners. */
export function placementsFor(c: LabelCandidate): Placement[] {
  const m = c.margin;
  const ring = (far: number): Placement[] => [
    { h: "center", v: "bottom", dx: 0, dy: m + far * c.h },
    { h: "center", v: "top", dx: 0, dy: -m - far * c.h },
    { h: "right", v: "center", dx: m + far * 8, dy: 0 },
    { h: "left", v: "center", dx: -m - far * 8, dy: 0 },
    { h: "right", v: "bottom", dx: m / 2, dy: m / 2 + far * c.h },
    { h: "left", v: "bottom", dx: -m / 2, dy: m / 2 + far * c.h },
    { h: "right", v: "top", dx: m / 2, dy: -m / 2 - far * c.h },
    { h: "left", v: "top", dx: -m / 2, dy: -m / 2 - far * c.h },
  ];
  // A required label may also stand up to three lines further out, still next to its node.
  return c.required ? [...ring(0), ...ring(1), ...ring(2), ...ring(3)] : ring(0).slice(0, 2);
}

/**
 * Spots further out for a required label that fits in no ring: centred on rays every 15° around the node, its near
 * edge from just past the node to about six lines away (still closer to its node than to most others).
 */
export function farPlacementsFor(c: LabelCandidate): Placement[] {
  return rayPlacements(c, 1, 12);
}

/**
 * The last resort for a required label in a crowd: spots on the same rays, from where farPlacementsFor stops to about
 * 25 lines out (into the empty room around a neighbourhood), each drawn with a leader line back to its node.
 */
export function leaderPlacementsFor(c: LabelCandidate): Placement[] {
  return rayPlacements(c, 13, 50);
}

function rayPlacements(c: LabelCandidate, from: number, to: number): Placement[] {
  const out: Placement[] = [];
  const step = Math.max(c.h / 2, 6);
  for (let k = from; k <= to; k++) {
    const d = c.r + c.margin + k * step;
    for (let a = 0; a < 24; a++) {
      const t = (a / 24) * 2 * Math.PI;
      const dx = Math.cos(t) * (d + c.w / 2);
      const dy = Math.sin(t) * (d + c.h / 2);
      out.push({ h: "center", v: "center", dx, dy });
    }
  }
  return out;
}

/** A label's text size on screen. */
export interface LabelShape {
  w: number;
  h: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** The node's centre on screen. */
  x: number;
  y: number;
  /** Half the node's width and height on screen. */
  r: number;
  /** The text's width and height on screen. */
  w: number;
  h: number;
  /** Space between the node and its label, and around the text (outline, rounding), on screen. */
  margin: number;
  pad: number;
  /** Higher first. */
  priority: number;
  /** The selection, its neighbours, a hovered node: tried in every placement and never blocked by a node. */
  required?: boolean;
  /** For a required label: other wrappings of its text (narrower and taller, or one line), tried when w × h fits nowhere. */
  alternatives?: readonly LabelShape[];
}

export interface ChosenLabel {
  id: string;
  placement: Placement;
  box: Box;
  /** 0: the candidate's own w × h; i: its alternatives[i − 1]. */
  shape: number;
  /** Set when the label stands far from its node (see leaderPlacementsFor): draw a line from the node to it. */
  leader?: boolean;
}

/** The label's box for a placement, as Cytoscape computes it (text-halign/valign, text-margin, outline, rounding). */
export function labelBox(c: LabelCandidate, p: Placement): Box {
  const { x, y, r, w, h, pad } = c;
  const ax = x + (p.h === "left" ? -r : p.h === "right" ? r : 0) + p.dx;
  const ay = y + (p.v === "top" ? -r : p.v === "bottom" ? r : 0) + p.dy;
  const x1 = p.h === "left" ? ax - w : p.h === "right" ? ax : ax - w / 2;
  const y1 = p.v === "top" ? ay - h : p.v === "bottom" ? ay : ay - h / 2;
  return { x1: x1 - pad, y1: y1 - pad, x2: x1 + w + pad, y2: y1 + h + pad };
}

/** The placement moved just enough that its box lies inside the view (unchanged if it does, or cannot). */
export function slideIntoView(c: LabelCandidate, p: Placement, viewport: { width: number; height: number }): Placement {
  const box = labelBox(c, p);
  const shift = (low: number, high: number, size: number) =>
    high - low > size ? 0 : low < 0 ? -low : high > size ? size - high : 0;
  const dx = shift(box.x1, box.x2, viewport.width);
  const dy = shift(box.y1, box.y2, viewport.height);
  return dx === 0 && dy === 0 ? p : { ...p, dx: p.dx + dx, dy: p.dy + dy };
}

export const intersects = (a: Box, b: Box, gap = 0): boolean =>
  a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/** Boxes bucketed by grid cell; a box sits in every cell it touches. */
class BoxGrid {
  private readonly cells = new Map<number, (Box & { owner?: string })[]>();
  constructor(private readonly size: number) {}

  private each(box: Box, visit: (key: number) => boolean | undefined): boolean {
    const cx1 = Math.floor(box.x1 / this.size);
    const cx2 = Math.floor(box.x2 / this.size);
    const cy1 = Math.floor(box.y1 / this.size);
    const cy2 = Math.floor(box.y2 / this.size);
    for (let cx = cx1; cx <= cx2; cx++) for (let cy = cy1; cy <= cy2; cy++) if (visit(cx * 100_003 + cy)) return true;
    return false;
  }

  add(box: Box & { owner?: string }): void {
    this.each(box, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
      return false;
    });
  }

  /** Whether the box touches one in the grid (other than those of `except`). */
  hits(box: Box, gap: number, except?: string): boolean {
    return this.each(box, (key) =>
      this.cells
        .get(key)
        ?.some((other) => (except === undefined || other.owner !== except) && intersects(box, other, gap)),
    );
  }
}

export interface ChooseOptions {
  /** The visible area: labels inside it are preferred. */
  viewport: { width: number; height: number };
  /** Least space between two labels, on screen. */
  gap?: number;
  /** At most this many labels (a readable picture, and a bound on the work). */
  max?: number;
  /** Areas no label may enter: panels drawn over the canvas (legend, buttons, the count line). */
  obstacles?: readonly Box[];
  /** Rounds of choosing again with the required labels that found no room placed first (default 3). */
  retries?: number;
}

export function chooseLabels(candidates: readonly LabelCandidate[], options: ChooseOptions): ChosenLabel[] {
  const order = [...candidates].sort(
    (a, b) => Number(b.required ?? false) - Number(a.required ?? false) || b.priority - a.priority,
  );
  let best = chooseInOrder(order, candidates, options);
  // A required label crowded out by others placed before it (a small node amid a selection's neighbours), or sent far
  // out with a leader line, goes first in another round; the round that drops the fewest required labels wins, then
  // the one with the fewest leader lines.
  const behind = (chosen: ChosenLabel[]) => {
    const got = new Set(chosen.map((c) => c.id));
    const dropped = order.filter((c) => c.required && !got.has(c.id));
    const far = chosen.filter((c) => c.leader).map((c) => c.id);
    return { ids: [...dropped.map((c) => c.id), ...far], score: dropped.length * 10_000 + far.length };
  };
  let worst = behind(best);
  const first = new Set<string>();
  for (let round = 0; round < (options.retries ?? 3) && worst.score > 0; round++) {
    for (const id of worst.ids) first.add(id);
    const again = [...order.filter((c) => first.has(c.id)), ...order.filter((c) => !first.has(c.id))];
    const chosen = chooseInOrder(again, candidates, options);
    const left = behind(chosen);
    if (left.score < worst.score) {
      best = chosen;
      worst = left;
    }
  }
  return best;
}

function chooseInOrder(
  order: readonly LabelCandidate[],
  candidates: readonly LabelCandidate[],
  options: ChooseOptions,
): ChosenLabel[] {
  const { viewport, gap = 2, max = 400, obstacles = [] } = options;
  const labels = new BoxGrid(96);
  const nodes = new BoxGrid(96);
  for (const box of obstacles) labels.add(box);
  // Required labels also keep off every node in the view when they can (a node drawn later would cover them).
  const everyNode = new BoxGrid(96);
  const disc = (c: LabelCandidate): Box => ({ x1: c.x - c.r, y1: c.y - c.r, x2: c.x + c.r, y2: c.y + c.r });
  if (candidates.some((c) => c.required)) for (const c of candidates) everyNode.add({ ...disc(c), owner: c.id });
  const inView = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= viewport.width && b.y2 <= viewport.height;
  const chosen: ChosenLabel[] = [];
  for (const c of order) {
    if (chosen.length >= max && !c.required) break;
    const node = disc(c);
    // A label may not cover a labelled node, nor its node sit under an accepted label (except required ones).
    if (!c.required && labels.hits(node, 0)) continue;
    const free = (box: Box) => !labels.hits(box, gap) && (c.required || !nodes.hits(box, 0));
    const clear = (box: Box) => free(box) && !everyNode.hits(box, 0, c.id);
    // Default placement first, only inside the view; for required labels, one clear of every node beats one over a
    // node.
    const best: {
      pick?: { placement: Placement; box: Box; shape: number; leader?: boolean; line?: Box[] };
      rank: number;
    } = { rank: 0 };
    const consider = (shaped: LabelCandidate, shape: number, placements: readonly Placement[], leader = false) => {
      for (const wanted of placements) {
        // Inside the canvas or not at all: a label cut by its edge (or by a strip above it on a phone) is unreadable;
        // one that sticks out slides back in along the edge, staying beside its node.
        const placement = slideIntoView(shaped, wanted, viewport);
        const box = labelBox(shaped, placement);
        if (!inView(box) || !free(box)) continue;
        // A leader line had better cross no label already placed (it strikes text through): out of a crowd, the spot
        // whose line runs over the least of them.
        const line = leader ? leaderDots(c, box) : undefined;
        const crossed = line?.filter((dot) => labels.hits(dot, 0)).length ?? 0;
        const r = line ? 2 + (clear(box) ? 0.5 : 0) + 0.5 / (1 + crossed) : 2 + (!c.required || clear(box) ? 1 : 0);
        if (r > best.rank || !best.pick) {
          best.pick = line ? { placement, box, shape, leader: true, line } : { placement, box, shape };
          best.rank = r;
        }
        if (best.rank === 3) return;
      }
    };
    consider(c, 0, placementsFor(c));
    // A required label in no free spot in view: its other wrappings, then spots further out.
    if (c.required && best.rank < 2) {
      const shapes = [c, ...(c.alternatives ?? []).map((a) => ({ ...c, ...a }))];
      shapes.forEach((shaped, i) => {
        if (i > 0 && best.rank < 3) consider(shaped, i, placementsFor(shaped));
      });
      shapes.forEach((shaped, i) => {
        if (best.rank < 2) consider(shaped, i, farPlacementsFor(shaped));
      });
      // Still nowhere near its node (a neighbour amid a crowd of others): further out, with a leader line.
      shapes.forEach((shaped, i) => {
        if (best.rank < 2) consider(shaped, i, leaderPlacementsFor(shaped), true);
      });
    }
    const { pick } = best;
    if (!pick) continue;
    labels.add(pick.box);
    // Nor may a later label cover the line.
    for (const dot of pick.line ?? []) labels.add(dot);
    const { line: _, ...label } = pick;
    nodes.add(node);
    chosen.push({ id: c.id, ...label });
  }
  return chosen;
}

/** A leader line from the node to its label as small boxes every few pixels, to test and reserve it like labels. */
function leaderDots(c: LabelCandidate, box: Box): Box[] {
  const line = leaderSegment(c.x, c.y, c.r, box);
  if (!line) return [];
  const length = Math.hypot(line.x2 - line.x1, line.y2 - line.y1);
  const steps = Math.max(1, Math.ceil(length / 4));
  const dots: Box[] = [];
  // The last dot would touch the label's own box: stop just short of it.
  for (let i = 0; i < steps; i++) {
    const x = line.x1 + ((line.x2 - line.x1) * i) / steps;
    const y = line.y1 + ((line.y2 - line.y1) * i) / steps;
    dots.push({ x1: x - 1, y1: y - 1, x2: x + 1, y2: y + 1 });
  }
  return dots;
}
