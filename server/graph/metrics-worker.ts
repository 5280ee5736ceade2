/**
 * The worker-thread side of computeEdgeMetricsOffThread (metrics-off-thread.ts): receives the graph's edge list as
 * typed arrays, builds the CSR, computes the expensive metrics and sends them back, transferring the buffers.
 * Loaded through metrics-worker-entry.mjs, which first registers tsx: Node 20 does not pass tsx's loader on to
 * worker threads.
 */
import { parentPort } from "node:worker_threads";
import { computeEdgeMetrics, type EdgeMetrics, type Edges, type MetricsOptions } from "./metrics-csr";

export interface MetricsRequest {
  edges: Edges;
  options: MetricsOptions;
}

export type MetricsReply = { ok: true; metrics: EdgeMetrics } | { ok: false; message: string; stack?: string };

parentPort?.once("message", (request: MetricsRequest) => {
  let reply: MetricsReply;
  try {
    reply = { ok: true, metrics: computeEdgeMetrics(request.edges, request.options) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, message: e.message, stack: e.stack };
  }
  const transfer = reply.ok
    ? [
        reply.metrics.betweenness.buffer,
        reply.metrics.pagerank.buffer,
        reply.metrics.community.buffer,
        reply.metrics.weightedDegree.buffer,
      ]
    : [];
  parentPort?.postMessage(reply, transfer as ArrayBuffer[]);
});
