/**
 * Force-layout positions of the full graph, computed once per data version in a worker thread, kept in the store
 * (so a restart reuses them) and in memory as one compact array in the snapshot's node order.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { PartnerGraph } from "../graph/model";
import type { Store } from "../store/store";
import { forceLayoutInWorker } from "./run-in-worker";

export const FORCE_LAYOUT = "force";

export interface ReadyLayout {
  status: "ready";
  dataVersion: number;
  computedAt: string;
  /** x, y per node, rounded to whole units, in the order graph.snapshot lists the nodes. */
  xy: number[];
}
export type LayoutAnswer = ReadyLayout | { status: "computing"; dataVersion: number };

export class ServerLayouts {
  private ready: ReadyLayout | undefined;
  private computing: Promise<ReadyLayout | undefined> | undefined;
  /** How many layouts this process computed (tests check that a second request reuses the first). */
  computed = 0;
  /** The previous data version's layout, to start from after a write. */
  private previous: ServerLayouts | undefined;

  constructor(
    private readonly store: Store,
    private readonly graph: PartnerGraph,
    private readonly dataVersion: number,
  ) {}

  /** The positions if known; otherwise starts computing them and waits at most `waitMs` before saying so. */
  async force(waitMs: number): Promise<LayoutAnswer> {
    if (this.ready) return this.ready;
    const stored = await this.store.layouts.readEntry(FORCE_LAYOUT, this.dataVersion);
    if (stored) {
      this.ready = this.compact(stored.positions, stored.computedAt);
      return this.ready;
    }
    // A failed layout is reported and retried by the next request; the client meanwhile lays out in the browser.
    this.computing ??= this.compute()
      .catch((error: unknown) => {
        console.error("Server layout failed:", error);
        return undefined;
      })
      .finally(() => {
        this.computing = undefined;
      });
    const timeout = delay(waitMs, undefined, { ref: false });
    return (await Promise.race([this.computing, timeout])) ?? { status: "computing", dataVersion: this.dataVersion };
  }

  private async compute(): Promise<ReadyLayout> {
    const keys = this.graph.nodes();
    // Node indexes are the graph's node order, as the layout's positions are.
    const links = new Uint32Array(this.graph.size * 2);
    this.graph.forEachEdgeIndex((e, source, target) => {
      links[2 * e] = source;
      links[2 * e + 1] = target;
    });
    const xy = await forceLayoutInWorker({ count: keys.length, links, initial: this.startingPositions(keys) });
    this.computed++;
    const positions: Record<string, [number, number]> = {};
    keys.forEach((key, n) => {
      positions[key] = [Math.round(xy[2 * n] as number), Math.round(xy[2 * n + 1] as number)];
    });
    await this.store.layouts.write(FORCE_LAYOUT, this.dataVersion, positions);
    const entry = await this.store.layouts.readEntry(FORCE_LAYOUT, this.dataVersion);
    this.ready = this.compact(positions, entry?.computedAt ?? new Date().toISOString());
    return this.ready;
  }

  /** Carries the picture across a write: this layout will start from `previous`'s positions once they are known. */
  continueFrom(previous: ServerLayouts): void {
    if (previous === this) return;
    // Keep at most one older graph alive: if the previous version was never laid out, start from its own origin.
    this.previous = previous.ready ? previous : previous.previous;
  }

  /** The ready positions by node key, or undefined while none are known. */
  private positionsByKey(): Map<string, [number, number]> | undefined {
    const ready = this.ready;
    if (!ready) return undefined;
    const byKey = new Map<string, [number, number]>();
    let n = 0;
    this.graph.forEachNode((key) => {
      byKey.set(key, [ready.xy[2 * n] as number, ready.xy[2 * n + 1] as number]);
      n++;
    });
    return byKey;
  }

  /**
   * Old nodes keep their old places; a new node starts at the mean of its already placed neighbours (or the centre),
   * with a little jitter so two new nodes never coincide. Undefined when there is no previous layout.
   */
  private startingPositions(keys: readonly string[]): Float32Array | undefined {
    const before = this.previous?.positionsByKey();
    this.previous = undefined;
    if (!before) return undefined;
    const xy = new Float32Array(2 * keys.length);
    keys.forEach((key, n) => {
      const old = before.get(key);
      if (old) {
        xy[2 * n] = old[0];
        xy[2 * n + 1] = old[1];
        return;
      }
      let x = 0;
      let y = 0;
      let k = 0;
      this.graph.forEachNeighbor(key, (neighbour) => {
        const p = before.get(neighbour);
        if (p) {
          x += p[0];
          y += p[1];
          k++;
        }
      });
      xy[2 * n] = (k > 0 ? x / k : 0) + ((n * 7919) % 41) - 20;
      xy[2 * n + 1] = (k > 0 ? y / k : 0) + ((n * 104_729) % 41) - 20;
    });
    return xy;
  }

  private compact(positions: Record<string, [number, number]>, computedAt: string): ReadyLayout {
    const xy: number[] = [];
    this.graph.forEachNode((key) => {
      const p = positions[key] ?? [0, 0];
      xy.push(p[0], p[1]);
    });
    return { status: "ready", dataVersion: this.dataVersion, computedAt, xy };
  }
}

/** One ServerLayouts per loaded graph (a new data version loads a new graph). */
const byGraph = new WeakMap<PartnerGraph, ServerLayouts>();

export function serverLayouts(services: { store: Store; graph: PartnerGraph; dataVersion: number }): ServerLayouts {
  let layouts = byGraph.get(services.graph);
  if (!layouts) {
    layouts = new ServerLayouts(services.store, services.graph, services.dataVersion);
    byGraph.set(services.graph, layouts);
  }
  return layouts;
}
