/** One row of the list view: a node with its columns as shown (names in the user's language, lists abbreviated). */
import type { GraphNode } from "../../../shared/schema/graph";

export const COLUMNS = ["name", "kind", "regions", "topics", "links"] as const;
export type Column = (typeof COLUMNS)[number];

export interface ListRow {
  node: GraphNode;
  name: string;
  kind: string;
  regions: string;
  topics: string;
  links: number;
}
