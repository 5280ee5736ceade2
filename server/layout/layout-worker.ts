/** worker_threads entry: computes one force layout off the server's event loop and posts the positions back. */
import { parentPort, workerData } from "node:worker_threads";
import { forceLayout } from "./force-simulation";

export interface LayoutJob {
  count: number;
  links: Uint32Array;
}

const job = workerData as LayoutJob;
const xy = forceLayout(job.count, job.links);
parentPort?.postMessage(xy, [xy.buffer as ArrayBuffer]);
