/**
 * Runs the force layout in a worker thread, so a long layout never blocks requests. The worker's plain-JS entry
 * registers tsx itself, so the TypeScript code loads the same under `tsx`, Vitest and plain Node.
 */
import { Worker } from "node:worker_threads";
import type { LayoutJob } from "./layout-worker";

const entry = new URL("./layout-worker-boot.mjs", import.meta.url);

export function forceLayoutInWorker(job: LayoutJob): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: job,
      transferList: [job.links.buffer as ArrayBuffer, ...(job.initial ? [job.initial.buffer as ArrayBuffer] : [])],
    });
    worker.once("message", (xy: Float32Array) => {
      resolve(xy);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`layout worker stopped with exit code ${code}`));
    });
  });
}
