/**
 * A write through the API and the read model that serves it, as one step: the write runs in a transaction, the next
 * read model is prepared inside it (from what the transaction wrote), and only then does it commit. If the read model
 * cannot take the write (the graph has no node for a reference, say), nothing is committed and the served read model
 * stays the one that matches the store: a failed write is never half-applied, and never poisons the writes after it.
 */
import { reportReadModelRefresh } from "../metrics/read-model-timing";
import type { Services } from "../services";
import { describeBrokenStore, ReadModelError } from "./diagnose-store";
import { applyRefresh, prepareRefresh } from "./refresh";
import { refreshTurn } from "./refresh-turn";

export async function writeLive<T>(services: Services, write: () => Promise<T>): Promise<T> {
  let refreshMs = 0;
  // Taken once the write is done, inside its transaction, and held until the next model is served.
  let release: (() => void) | undefined;
  try {
    return await writeAndRefresh();
  } finally {
    release?.();
  }

  async function writeAndRefresh(): Promise<T> {
    const { result, next } = await services.store.db.transaction(async () => {
      const result = await write();
      release = await refreshTurn(services).acquire();
      try {
        const started = performance.now();
        const next = await prepareRefresh(services);
        refreshMs = performance.now() - started;
        return { result, next };
      } catch (error) {
        // Still inside the transaction: the diagnosis sees what the write would have left.
        throw new ReadModelError(
          `Nothing was written: the graph could not load the result (${(error as Error).message}).` +
            (await describeBrokenStore(services.store.db)),
          { cause: error },
        );
      }
    });
    const started = performance.now();
    applyRefresh(services, next);
    if (next) reportReadModelRefresh(services.store, (refreshMs + performance.now() - started) / 1000);
    return result;
  }
}
