/**
 * Places the nodes for the chosen layout. Force: the server's positions for the full graph when it has them for this
 * data version (a first visit draws at once), else positions kept in this browser, else d3-force in a Web Worker with
 * progress and a stop button; concentric: rings by kind; geographic: at the län seats.
 */
import type { Core } from "cytoscape";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { ticksFor } from "../../../server/layout/force-simulation";
import type { GraphSnapshot } from "../../../shared/schema/graph";
import type { Layout } from "../../state/url-state";
import { type DrawState, markDrawnWhenComplete, type Positions } from "../draw-state";
import { fitVisible } from "../fit-visible";
import type { ForceProgress, ForceRequest } from "./force-protocol";
import { geographicPositions } from "./geographic";
import { layoutCacheKey, readPositions, writePositions } from "./position-cache";
import { fetchServerPositions, type ServerLayoutAnswer } from "./server-positions";

export interface LayoutStatus {
  running: boolean;
  /** 0–1 while the force layout runs. */
  progress: number;
  stop: () => void;
}

const RING: Record<string, number> = { project: 5, organisation: 4, topic: 3, skill: 2, region: 1 };

function applyPositions(cy: Core, state: DrawState, positions: Positions): void {
  state.positions = positions;
  // For the browser benchmark: from here on, drawing is the page's own work.
  if (performance.getEntriesByName("partnerkartan:positions-known").length === 0)
    performance.mark("partnerkartan:positions-known");
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (p) node.position({ x: p[0], y: p[1] });
    });
  });
  fitVisible(cy);
  markDrawnWhenComplete(cy, state);
}

/** The server's positions, if they are for this very graph (same data version, same nodes). */
function serverPositions(snapshot: GraphSnapshot, answer: ServerLayoutAnswer | undefined): Positions | undefined {
  if (answer?.status !== "ready" || answer.dataVersion !== snapshot.dataVersion) return undefined;
  const xy = answer.xy;
  if (xy.length !== 2 * snapshot.nodes.length) return undefined;
  const positions: Positions = {};
  snapshot.nodes.forEach((n, i) => {
    positions[n.key] = [xy[2 * i] as number, xy[2 * i + 1] as number];
  });
  return positions;
}

export function useLayout(
  cy: Core | undefined,
  snapshot: GraphSnapshot,
  layout: Layout,
  state: RefObject<DrawState>,
  /** Called each time nodes get new positions (new elements are placed from them; the view re-centres). */
  onPlaced: () => void,
  /** Grows when elements were added: the concentric layout places them. */
  elementsVersion: number,
): LayoutStatus {
  const [status, setStatus] = useState({ running: false, progress: 0 });
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => worker.current?.postMessage({ type: "stop" }), []);
  // Only the full graph has server positions (the project projection is laid out here).
  const fullGraph = layout === "force";
  const [server, setServer] = useState<{ settled: boolean; answer?: ServerLayoutAnswer }>({ settled: false });
  useEffect(() => {
    if (!fullGraph) return;
    let live = true;
    void fetchServerPositions().then((answer) => {
      if (live) setServer({ settled: true, answer });
    });
    return () => {
      live = false;
    };
  }, [fullGraph]);
  const serverSettled = !fullGraph || server.settled;

  useEffect(() => {
    if (!cy) return;
    const place = (positions: Positions) => {
      applyPositions(cy, state.current, positions);
      onPlaced();
    };
    if (layout === "geographic") {
      place(geographicPositions(snapshot));
      return;
    }
    if (layout === "concentric") return;
    // Wait for the server's answer (short: it never computes on the request path for long).
    if (!serverSettled) return;
    const fromServer = fullGraph ? serverPositions(snapshot, server.answer) : undefined;
    if (fromServer) {
      place(fromServer);
      return;
    }
    const key =
      layoutCacheKey(snapshot.dataVersion, snapshot.nodes.length, snapshot.edges.length) +
      (layout === "projects" ? ":p" : "");
    const cached = readPositions(key);
    if (cached) {
      place(cached);
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
      const positions: Positions = {};
      ids.forEach((id, i) => {
        positions[id] = [message.positions[2 * i] as number, message.positions[2 * i + 1] as number];
      });
      place(positions);
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
  }, [cy, snapshot, layout, state, serverSettled, fullGraph, server.answer, onPlaced]);

  // Concentric rings place whatever is drawn, again when more is drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: elementsVersion is a trigger, not an input
  useEffect(() => {
    if (!cy || layout !== "concentric" || cy.nodes().empty()) return;
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
    markDrawnWhenComplete(cy, { positions: {}, adding: false });
  }, [cy, layout, elementsVersion]);

  return { ...status, stop };
}
