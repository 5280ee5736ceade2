/**
 * Puts together what a writer reads: the filtered subgraph, metrics and positions of the whole graph (each computed
 * once per graph), and the provenance. Pure apart from the clock, which callers may fix.
 */
import { type GraphFilter, graphFilterToQuery } from "../../shared/schema/graph-filter";
import { filterGraph } from "../graph/filter";
import type { GraphMetrics } from "../graph/metrics";
import type { PartnerGraph } from "../graph/model";
import type { ExportSource } from "./columns";
import { makeProvenance } from "./provenance";
import { geographicPositions } from "./viz";

const positionsCache = new WeakMap<GraphMetrics, Float64Array>();

export interface PrepareExportInput {
  /** The whole graph the metrics were computed on. */
  graph: PartnerGraph;
  metrics: GraphMetrics;
  filter: GraphFilter;
  dataVersion: number;
  origin: string | undefined;
  now?: Date;
}

export function describeMetrics(metrics: GraphMetrics): string {
  const b = metrics.about.betweenness;
  return (
    "of the whole graph (undirected, simple view); betweenness " +
    (b.method === "exact" ? "exact" : `estimated from ${b.pivots} random pivots`) +
    `, normalised; PageRank alpha 0.85; Louvain communities ${metrics.about.communities} ` +
    `(modularity ${metrics.about.modularity.toFixed(3)}); weighted degree counts a lead tie as 2`
  );
}

export function prepareExport({ graph, metrics, filter, dataVersion, origin, now }: PrepareExportInput): ExportSource {
  let positions = positionsCache.get(metrics);
  if (!positions) {
    positions = geographicPositions(graph, metrics.index);
    positionsCache.set(metrics, positions);
  }
  return {
    graph: filterGraph(graph, filter),
    metrics,
    positions,
    provenance: makeProvenance({
      dataVersion,
      origin,
      filter: [...graphFilterToQuery(filter)].map(([name, value]) => `${name}=${value}`).join("&"),
      metrics: describeMetrics(metrics),
      now,
    }),
  };
}
