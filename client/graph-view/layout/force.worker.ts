/// <reference lib="webworker" />
/**
 * d3-force off the main thread (the same simulation the server runs): ticks in small chunks so a stop message is
 * heard between them, reports progress, and posts the positions back as one transferable array.
 */
import { createForceSimulation, positionsOf } from "../../../server/layout/force-simulation";
import type { ForceProgress, ForceRequest, ForceStop } from "./force-protocol";

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
  const { simulation, nodes } = createForceSimulation(n, data.links, data.initial);
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
    const positions = positionsOf(nodes, data.links);
    post({ type: "done", positions, stopped: stopRequested }, [positions.buffer]);
  };
  chunk();
};
