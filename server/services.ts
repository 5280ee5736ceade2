/** The read model the API serves: the graph built from the store, its search index and the data version. */
import { buildGraph } from "./graph/build";
import { createMetricsCache, type MetricsCache } from "./graph/metrics";
import type { PartnerGraph } from "./graph/model";
import { SearchIndex } from "./graph/search-index";
import { buildMatchIndex, type MatchIndex } from "./match/match-index";
import type { Store } from "./store/store";

export interface Services {
  store: Store;
  graph: PartnerGraph;
  search: SearchIndex;
  matchIndex: MatchIndex;
  dataVersion: number;
  /** Degree, weighted degree, betweenness, PageRank and Louvain community: computed on first use, then kept. */
  metrics: MetricsCache;
}

export function loadServices(store: Store): Services {
  const graph = buildGraph(store.readDataset());
  const dataVersion = store.info().dataVersion;
  return {
    store,
    graph,
    search: new SearchIndex(graph),
    matchIndex: buildMatchIndex(graph),
    dataVersion,
    metrics: createMetricsCache(graph, dataVersion),
  };
}
