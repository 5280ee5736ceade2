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

  constructor(
    private readonly store: Store,
    private readonly graph: PartnerGraph,
    private readonly dataVersion: number,
  ) {}

  /** The positions if known; otherwise starts computing them and waits at most `waitMs` before saying so. */
  async force(waitMs: number): Promise<LayoutAnswer> {
    if (this.ready) return this.ready;
    const stored = this.store.layouts.readEntry(FORCE_LAYOUT, this.dataVersion);
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
    const index = new Map(keys.map((key, i) => [key, i]));
    const links = new Uint32Array(this.graph.size * 2);
    let i = 0;
    this.graph.forEachEdge((_edge, _attrs, source, target) => {
      links[i++] = index.get(source) as number;
      links[i++] = index.get(target) as number;
    });
    const xy = await forceLayoutInWorker({ count: keys.length, links });
    this.computed++;
    const positions: Record<string, [number, number]> = {};
    keys.forEach((key, n) => {
      positions[key] = [Math.round(xy[2 * n] as number), Math.round(xy[2 * n + 1] as number)];
    });
    this.store.layouts.write(FORCE_LAYOUT, this.dataVersion, positions);
    const entry = this.store.layouts.readEntry(FORCE_LAYOUT, this.dataVersion);
    this.ready = this.compact(positions, entry?.computedAt ?? new Date().toISOString());
    return this.ready;
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
