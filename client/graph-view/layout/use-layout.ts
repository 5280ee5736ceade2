/**
 * Places the nodes for the chosen layout. Force: d3-force in a Web Worker with progress and a stop button, positions
 * of the full graph cached per data version; concentric: rings by kind; geographic: at the län seats.
 */
import type { Core } from "cytoscape";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GraphSnapshot } from "../../../shared/schema/graph";
import type { Layout } from "../../state/url-state";
import { fitVisible } from "../fit-visible";
import type { ForceProgress, ForceRequest } from "./force-protocol";
import { geographicPositions } from "./geographic";
import { layoutCacheKey, readPositions, writePositions } from "./position-cache";

export interface LayoutStatus {
  running: boolean;
  /** 0–1 while the force layout runs. */
  progress: number;
  /** Grows each time nodes get new positions, so the view can re-centre on the selection. */
  placed: number;
  stop: () => void;
}

const RING: Record<string, number> = { project: 5, organisation: 4, topic: 3, skill: 2, region: 1 };
/** Fewer ticks for large graphs: the worker keeps the page responsive, but the user should not wait minutes. */
const ticksFor = (n: number) => (n > 20_000 ? 80 : n > 5_000 ? 150 : 300);

/** Marks the first drawn layout, for the browser benchmark (navigation → interactive graph). */
function markDrawn(): void {
  if (performance.getEntriesByName("partnerkartan:graph-drawn").length === 0)
    performance.mark("partnerkartan:graph-drawn");
}

function applyPositions(cy: Core, positions: Record<string, [number, number]>): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (p) node.position({ x: p[0], y: p[1] });
    });
  });
  fitVisible(cy);
  cy.one("render", markDrawn);
}

export function useLayout(cy: Core | undefined, snapshot: GraphSnapshot, layout: Layout): LayoutStatus {
  const [status, setStatus] = useState({ running: false, progress: 0 });
  const [placed, setPlaced] = useState(0);
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => worker.current?.postMessage({ type: "stop" }), []);

  useEffect(() => {
    if (!cy) return;
    if (layout === "geographic") {
      applyPositions(cy, geographicPositions(snapshot));
      setPlaced((n) => n + 1);
      return;
    }
    if (layout === "concentric") {
      cy.elements()
        .not(".hidden")
        .layout({
          name: "concentric",
          concentric: (node) => RING[node.data("kind") as string] ?? 0,
          levelWidth: () => 1,
          minNodeSpacing: 6,
          animate: false,
        })
        .run();
      return;
    }
    const key =
      layoutCacheKey(snapshot.dataVersion, snapshot.nodes.length, snapshot.edges.length) +
      (layout === "projects" ? ":p" : "");
    const cached = readPositions(key);
    if (cached) {
      applyPositions(cy, cached);
      setPlaced((n) => n + 1);
      return;
    }
    const ids = snapshot.nodes.map((n) => n.key);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const links = new Uint32Array(snapshot.edges.length * 2);
    snapshot.edges.forEach((e, i) => {
      links[2 * i] = indexOf.get(e.source) ?? 0;
      links[2 * i + 1] = indexOf.get(e.target) ?? 0;
    });
    const w = new Worker(new URL("./force.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    setStatus({ running: true, progress: 0 });
    w.onmessage = (event: MessageEvent<ForceProgress>) => {
      const message = event.data;
      if (message.type === "progress") {
        setStatus({ running: true, progress: message.done / message.total });
        return;
      }
      const positions: Record<string, [number, number]> = {};
      ids.forEach((id, i) => {
        positions[id] = [message.positions[2 * i] as number, message.positions[2 * i + 1] as number];
      });
      applyPositions(cy, positions);
      setPlaced((n) => n + 1);
      if (!message.stopped) writePositions(key, positions);
      setStatus({ running: false, progress: 1 });
      w.terminate();
    };
    const request: ForceRequest = {
      type: "start",
      ids,
      initial: new Float32Array(0),
      links,
      ticks: ticksFor(ids.length),
    };
    w.postMessage(request, [links.buffer]);
    return () => {
      w.terminate();
      worker.current = undefined;
      setStatus({ running: false, progress: 0 });
    };
  }, [cy, snapshot, layout]);

  return { ...status, placed, stop };
}
