/** After a write that changes the graph (approve, edit, delete, restore), every query derived from it is stale. */
import type { QueryClient } from "@tanstack/react-query";

export function refreshAfterWrite(queryClient: QueryClient): Promise<void> {
  // The graph, node details, suggestions, coverage, search and submission lists all read the changed data.
  return queryClient.invalidateQueries();
}
