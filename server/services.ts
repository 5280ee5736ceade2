/** The read model the API serves: the graph built from the store, its search index and the data version. */
import { buildGraph } from "./graph/build";
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
}

export function loadServices(store: Store): Services {
  const graph = buildGraph(store.readDataset());
  return {
    store,
    graph,
    search: new SearchIndex(graph),
    matchIndex: buildMatchIndex(graph),
    dataVersion: store.info().dataVersion,
  };
}
