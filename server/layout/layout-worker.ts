/** worker_threads entry: computes one force layout off the server's event loop and posts the positions back. */
import { parentPort, workerData } from "node:worker_threads";
import { forceLayout } from "./force-simulation";

export interface LayoutJob {
  count: number;
  links: Uint32Array;
  /** Starting positions (x, y per node), when a previous layout is known. */
  initial?: Float32Array;
}

const job = workerData as LayoutJob;
const xy = forceLayout(job.count, job.links, job.initial);
parentPort?.postMessage(xy, [xy.buffer as ArrayBuffer]);
