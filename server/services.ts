/** The read model the API serves: the graph built from the store, its search index and the data version. */
import type { Dataset } from "../shared/schema/dataset";
import { buildGraph, patchGraph } from "./graph/build";
import { createMetricsCache, type MetricsCache } from "./graph/metrics";
import type { PartnerGraph } from "./graph/model";
import { type SearchCarryOver, SearchIndex } from "./graph/search-index";
import { buildMatchIndex, type MatchIndex } from "./match/match-index";
import { patchMatchIndex } from "./match/patch-match-index";
import type { Store } from "./store/store";

export interface Services {
  store: Store;
  /** The records the graph was built from, as the store held them at `writeSeq`. */
  data: Dataset;
  /** The store's entity-write journal position the read model reflects (see Store.readWrittenSince). */
  writeSeq: number;
  graph: PartnerGraph;
  /** Built in the background after loading (or by the first search, if that comes sooner). */
  search: SearchIndex;
  matchIndex: MatchIndex;
  dataVersion: number;
  /** Degree, weighted degree, betweenness, PageRank and Louvain community: computed on first use, then kept. */
  metrics: MetricsCache;
}

/** The steps of loading, in order, as reported to `onPhase`. */
export type LoadPhase = "read" | "graph" | "matchIndex";

export interface LoadOptions {
  /** Told how long each step took (ms); the start-up benchmark prints them. */
  onPhase?: (phase: LoadPhase, ms: number) => void;
  /** Build the search index in small steps on the event loop once loading is done (default true). */
  warmSearch?: boolean;
}

/** Longest the background search-index build holds the event loop at a time. */
const SEARCH_STEP_MS = 15;

export async function loadServices(store: Store, options: LoadOptions = {}): Promise<Services> {
  const start = performance.now();
  const { data, writeSeq } = await store.readDatasetAt();
  options.onPhase?.("read", performance.now() - start);
  return buildServices(store, data, writeSeq, options);
}

/**
 * The read model of a data set the caller already holds: loading reads it from the store, a refresh after a write
 * patches the previous one (live/refresh.ts) and may hand over the previous search index.
 */
export async function buildServices(
  store: Store,
  data: Dataset,
  writeSeq: number,
  options: LoadOptions & {
    /** The previous version's read model and the node keys written since: graph and match index are patched. */
    previous?: { graph: PartnerGraph; matchIndex: MatchIndex; changed: ReadonlySet<string> };
    search?: SearchCarryOver;
    /** The store's data version, when the caller has read it already (then nothing here waits for the database). */
    dataVersion?: number;
  } = {},
): Promise<Services> {
  let last = performance.now();
  const done = (phase: LoadPhase) => {
    const now = performance.now();
    options.onPhase?.(phase, now - last);
    last = now;
  };
  const graph = options.previous
    ? patchGraph(options.previous.graph, data, options.previous.changed)
    : buildGraph(data);
  done("graph");
  const matchIndex =
    (options.previous && patchMatchIndex(options.previous.matchIndex, graph, options.previous.changed)) ??
    buildMatchIndex(graph);
  done("matchIndex");
  const dataVersion = options.dataVersion ?? (await store.info()).dataVersion;
  const search = new SearchIndex(graph, options.search);
  if (options.warmSearch !== false && !search.ready) warmInBackground(search);
  return {
    store,
    data,
    writeSeq,
    graph,
    search,
    matchIndex,
    dataVersion,
    metrics: createMetricsCache(graph, dataVersion),
  };
}

/** Runs `search.buildSome` between other work until the index is complete; requests keep being answered meanwhile. */
export function warmInBackground(search: SearchIndex, onDone?: () => void): void {
  const step = () => {
    if (!search.buildSome(SEARCH_STEP_MS)) setImmediate(step);
    else onDone?.();
  };
  setImmediate(step);
}
