/**
 * Writes the saved read model from the store (saved-model.ts): opens the store on its own connection, reads the data
 * set and its key in one transaction, builds graph and match index as a start does, and writes the file atomically
 * (a temporary file, synced, then renamed over the old one). Nothing of the served read model is touched. The server
 * runs it in a worker thread (save-model-worker.ts), so its event loop never waits for a save.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writevSync } from "node:fs";
import { buildGraph } from "../graph/build";
import { buildMatchIndex } from "../match/match-index";
import { type ReadModelKey, readModelKey } from "../store/read-model-key";
import { Store } from "../store/store";
import { encodeSavedModel } from "./saved-model";

export interface SaveRequest {
  storePath: string;
  file: string;
}

/**
 * One temporary name per file: one server holds a store (store-lock.ts) and saves one model at a time, and a save
 * cut short (the server stopped) is overwritten by the next, or removed by the stop.
 */
export const temporaryOf = (file: string): string => `${file}.tmp`;

/** Writes `parts` to `file` so that the file is at every moment the old one or the whole new one. */
export function writeAtomically(file: string, parts: readonly Buffer[]): number {
  const temporary = temporaryOf(file);
  let bytes = 0;
  const fd = openSync(temporary, "w", 0o600);
  try {
    bytes = writevSync(fd, parts as Buffer[]);
    const expected = parts.reduce((n, p) => n + p.length, 0);
    // writev may write less than asked for on some systems: finish the rest.
    if (bytes !== expected) throw new Error(`wrote ${bytes} of ${expected} bytes`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  return bytes;
}

export async function saveReadModel(request: SaveRequest): Promise<{ key: ReadModelKey; bytes: number }> {
  const store = new Store(request.storePath);
  try {
    const { key, data } = await store.db.transaction(async () => ({
      key: await readModelKey(store),
      data: await store.readDataset(),
    }));
    const graph = buildGraph(data);
    const matchIndex = buildMatchIndex(graph);
    return { key, bytes: writeAtomically(request.file, encodeSavedModel({ key, data, graph, matchIndex })) };
  } finally {
    await store.close();
  }
}
