/**
 * Applies entities written since the read model was loaded to its in-memory data set. Pure: the old data set is not
 * changed; lists without writes are shared with it. Each changed list stays ordered by id, as the store reads it, so a
 * patched read model and one loaded after a restart are the same, node order included.
 */
import type { Dataset, DatasetPart } from "../../shared/schema/dataset";
import { type EntityKind, KIND_OF_PART } from "../store/entity-kind";
import type { WrittenEntity } from "../store/store";

type Keyed = { id?: string; code?: string };

const idOf = (record: Keyed): string => record.code ?? record.id ?? "";

/** The store orders by id with SQLite's binary collation: for the ASCII ids it holds, the same as `<` on strings. */
const byId = (a: Keyed, b: Keyed) => {
  const x = idOf(a);
  const y = idOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

const PART_OF_KIND = Object.fromEntries(Object.entries(KIND_OF_PART).map(([part, kind]) => [kind, part])) as Record<
  EntityKind,
  DatasetPart
>;

export function patchDataset(data: Dataset, written: readonly WrittenEntity[]): Dataset {
  const byPart = new Map<DatasetPart, Map<string, unknown>>();
  for (const w of written) {
    const part = PART_OF_KIND[w.kind];
    let changes = byPart.get(part);
    if (!changes) {
      changes = new Map();
      byPart.set(part, changes);
    }
    changes.set(w.id, w.record);
  }
  const next: Dataset = { ...data };
  for (const [part, changes] of byPart) {
    const kept = (data[part] as Keyed[]).filter((record) => !changes.has(idOf(record)));
    for (const record of changes.values()) if (record !== null) kept.push(record as Keyed);
    // Nearly sorted already (the unchanged records are): the engine's merge sort takes about one pass.
    kept.sort(byId);
    (next as Record<DatasetPart, unknown[]>)[part] = kept;
  }
  return next;
}
