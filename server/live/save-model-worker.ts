/**
 * The worker-thread side of saveReadModelOffThread (start-model.ts): runs saveReadModel (save-model.ts) and replies
 * with what it wrote. Loaded through save-model-worker-entry.mjs, which first registers tsx (Node 20 does not pass
 * tsx's loader on to worker threads).
 */
import { parentPort } from "node:worker_threads";
import type { ReadModelKey } from "../store/read-model-key";
import { type SaveRequest, saveReadModel } from "./save-model";

export type SaveReply =
  | { ok: true; key: ReadModelKey; bytes: number; ms: number }
  | { ok: false; message: string; stack?: string };

parentPort?.once("message", async (request: SaveRequest) => {
  const started = performance.now();
  let reply: SaveReply;
  try {
    const { key, bytes } = await saveReadModel(request);
    reply = { ok: true, key, bytes, ms: performance.now() - started };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, message: e.message, stack: e.stack };
  }
  parentPort?.postMessage(reply);
});
