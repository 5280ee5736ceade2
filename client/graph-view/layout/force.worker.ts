/// <reference lib="webworker" />
/**
 * d3-force off the main thread: ticks in small chunks so a stop message is heard between them, reports progress,
 * and posts the positions back as one transferable array.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import type { ForceProgress, ForceRequest, ForceStop } from "./force-protocol";

interface Node extends SimulationNodeDatum {
  index: number;
}

let stopRequested = false;
const post = (message: ForceProgress, transfer: Transferable[] = []) =>
  (self as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ForceRequest | ForceStop>) => {
  const data = event.data;
  if (data.type === "stop") {
    stopRequested = true;
    return;
  }
  stopRequested = false;
  const n = data.ids.length;
  const nodes: Node[] = data.ids.map((_, i) =>
    data.initial.length === 2 * n ? { index: i, x: data.initial[2 * i], y: data.initial[2 * i + 1] } : { index: i },
  );
  const links = [];
  for (let i = 0; i < data.links.length; i += 2)
    links.push({ source: data.links[i] as number, target: data.links[i + 1] as number });
  // Stronger repulsion and longer links for small graphs; Barnes–Hut keeps large ones near n log n.
  const spread = Math.max(30, 300 / Math.sqrt(Math.max(1, n / 100)));
  const simulation = forceSimulation(nodes)
    .force(
      "charge",
      forceManyBody<Node>()
        .strength(-spread)
        .theta(0.9)
        .distanceMax(spread * 12),
    )
    .force(
      "link",
      forceLink<Node, { source: number; target: number }>(links)
        .distance(spread / 3)
        .strength(0.2),
    )
    .force("x", forceX<Node>(0).strength(0.04))
    .force("y", forceY<Node>(0).strength(0.04))
    .stop();
  let done = 0;
  const chunk = () => {
    // Each chunk stays short, so the worker answers "stop" within a few milliseconds.
    const until = Math.min(data.ticks, done + (n > 5000 ? 2 : 10));
    for (; done < until && !stopRequested; done++) simulation.tick();
    if (done < data.ticks && !stopRequested) {
      post({ type: "progress", done, total: data.ticks });
      setTimeout(chunk, 0);
      return;
    }
    const positions = new Float32Array(2 * n);
    nodes.forEach((node, i) => {
      positions[2 * i] = node.x ?? 0;
      positions[2 * i + 1] = node.y ?? 0;
    });
    post({ type: "done", positions, stopped: stopRequested }, [positions.buffer]);
  };
  chunk();
};
