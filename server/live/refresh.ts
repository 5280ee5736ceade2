/**
 * After a write, the read model (graph, search, match index, metrics) is brought up to the store's data version in the
 * same request, so the next query sees the change without a restart. It does not reload the store: it reads only the
 * entities written since (the store's write journal), patches its in-memory records with them, patches the graph
 * (only the written records' edges are made anew) and, after edits, the match index, and re-indexes only the written
 * nodes for search. See the README's Performance section for what that costs at 100k nodes.
 *
 * Preparing the next read model changes nothing that is served; applying it swaps it in. A write made through
 * writeLive (live/write-live.ts) prepares inside its transaction, so a write the read model cannot take is never
 * committed.
 */

import type { NodeKind } from "../../shared/schema/graph";
import { nodeKey } from "../graph/model";
import { serverLayouts } from "../layout/server-layouts";
import { buildServices, type Services } from "../services";
import type { EntityKind } from "../store/entity-kind";
import type { WrittenEntity } from "../store/store";
import { patchDataset } from "./patch-dataset";

/** Every entity kind but funding calls is a node of the graph (funding calls are edge attributes). */
const isNodeKind = (kind: EntityKind): kind is NodeKind => kind !== "funding-call";

/** What a refresh reads from the store: the entities written since the served model, and where that leaves it. */
export interface RefreshRead {
  written: WrittenEntity[];
  writeSeq: number;
  dataVersion: number;
}

/** The store's part of a refresh (inside a transaction: what the store would hold after committing). */
export async function readRefresh(services: Services): Promise<RefreshRead> {
  const { written, writeSeq } = await services.store.readWrittenSince(services.writeSeq);
  return { written, writeSeq, dataVersion: (await services.store.info()).dataVersion };
}

/**
 * The next read model from what readRefresh read, without touching the store: it can run while holding the refresh
 * turn (live/refresh-turn.ts) without waiting for a database connection. undefined when nothing changed.
 */
export async function buildRefresh(services: Services, read: RefreshRead): Promise<Services | undefined> {
  const { written, writeSeq, dataVersion } = read;
  // Read before a newer model was served (another refresh won the turn first): it would patch older records into the
  // served model's search index, which the carry-over changes in place. That model is already newer: nothing to do.
  if (writeSeq < services.writeSeq) return undefined;
  if (written.length === 0 && dataVersion === services.dataVersion) return undefined;
  const changed = new Set(written.flatMap((w) => (isNodeKind(w.kind) ? [nodeKey(w.kind, w.id)] : [])));
  // A funding call is no node, but its projects' edges carry it: after writing one, the graph is built anew.
  const fundingWritten = written.some((w) => w.kind === "funding-call");
  return buildServices(services.store, patchDataset(services.data, written), writeSeq, {
    previous: fundingWritten ? undefined : { graph: services.graph, matchIndex: services.matchIndex, changed },
    search: { from: services.search, changed },
    dataVersion,
  });
}

/** The read model of what the store holds now (inside a transaction: what it would hold after committing). */
export async function prepareRefresh(services: Services): Promise<Services | undefined> {
  return buildRefresh(services, await readRefresh(services));
}

/** Serves a prepared read model from now on. */
export function applyRefresh(services: Services, next: Services | undefined): void {
  // A read model prepared from an older journal position than the one served (two writes racing) is dropped.
  if (!next || next.writeSeq < services.writeSeq) return;
  const previousLayout = serverLayouts(services);
  Object.assign(services, next);
  // The new version's layout, computed when first asked for, starts from the old picture instead of from scratch.
  serverLayouts(services).continueFrom(previousLayout);
}

export async function refreshServices(services: Services): Promise<void> {
  applyRefresh(services, await prepareRefresh(services));
}
