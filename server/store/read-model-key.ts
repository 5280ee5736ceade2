/**
 * What a saved read model is keyed by: the data version, the entity-write journal position and the latest change
 * log entry, read in one transaction. The last one tells apart two stores whose counters agree by chance (a backup
 * restored, then as many writes made as the saved model had seen): their changes were made at different moments.
 */
import type { Store } from "./store";

export interface ReadModelKey {
  dataVersion: number;
  writeSeq: number;
  /** "id@time" of the newest change log entry, "" before any. */
  lastChange: string;
}

export function readModelKey(store: Store): Promise<ReadModelKey> {
  return store.db.transaction(async () => {
    const change = await store.db.get<{ id: number; at: string }>("SELECT id, at FROM change ORDER BY id DESC LIMIT 1");
    return {
      dataVersion: (await store.info()).dataVersion,
      writeSeq: await store.lastWriteSeq(),
      lastChange: change ? `${change.id}@${change.at}` : "",
    };
  });
}

export const sameReadModelKey = (a: ReadModelKey, b: ReadModelKey): boolean =>
  a.dataVersion === b.dataVersion && a.writeSeq === b.writeSeq && a.lastChange === b.lastChange;
