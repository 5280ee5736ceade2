/**
 * The worker-thread side of computeMetricsOffThread (metrics-off-thread.ts): receives the CSR snapshot's typed
 * arrays, computes the expensive metrics and sends them back, transferring the result's buffers. Loaded through
 * metrics-worker-entry.mjs, which first registers tsx: Node 20 does not pass tsx's loader on to worker threads.
 */
import { parentPort } from "node:worker_threads";
import type { Csr } from "./csr";
import { type CsrMetrics, computeCsrMetrics, type MetricsOptions } from "./metrics-csr";

export interface MetricsRequest {
  csr: Csr;
  options: MetricsOptions;
}

export type MetricsReply = { ok: true; metrics: CsrMetrics } | { ok: false; message: string; stack?: string };

parentPort?.once("message", (request: MetricsRequest) => {
  let reply: MetricsReply;
  try {
    reply = { ok: true, metrics: computeCsrMetrics(request.csr, request.options) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, message: e.message, stack: e.stack };
  }
  const transfer = reply.ok
    ? [reply.metrics.betweenness.buffer, reply.metrics.pagerank.buffer, reply.metrics.community.buffer]
    : [];
  parentPort?.postMessage(reply, transfer as ArrayBuffer[]);
});
