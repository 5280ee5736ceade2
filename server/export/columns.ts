/**
 * The attributes every export carries, defined once: name, type and how to read each from the graph, the metrics and
 * the layout. GEXF, GraphML, CSV and JSON differ only in how they spell them. Nodes carry kind, labels, län, topics,
 * skills, sources and the other record fields, the metrics of the whole graph, and position, size and colour.
 */
import type { GraphMetrics } from "../graph/metrics";
import { edgeWeight } from "../graph/metrics";
import type { EdgeAttributes, NodeAttributes, PartnerGraph } from "../graph/model";
import type { Provenance } from "./provenance";
import { stripInvalidChars } from "./text";
import { KIND_COLORS, sizeOf } from "./viz";

export type ValueType = "string" | "integer" | "double" | "boolean" | "list";
export type Value = string | number | boolean | readonly string[] | undefined;

/**
 * Where a format that has its own place for a value puts it: GEXF writes `label` as the node's label, `viz` values
 * as viz elements and `weight` as the edge's weight; everything else (and every column in other formats) is data.
 */
export type Role = "data" | "label" | "viz" | "weight";

export interface Column<T> {
  name: string;
  type: ValueType;
  role: Role;
  get(item: T): Value;
}

/** What the writers read: the (sub)graph to write, and metrics and positions of the whole graph. */
export interface ExportSource {
  graph: PartnerGraph;
  metrics: GraphMetrics;
  /** x, y pairs indexed like metrics.index. */
  positions: Float64Array;
  provenance: Provenance;
}

export interface NodeItem {
  key: string;
  attrs: NodeAttributes;
  /** Index into the metrics and positions. */
  i: number;
  metrics: GraphMetrics;
  positions: Float64Array;
  maxPagerank: number;
}

export interface EdgeItem {
  key: string;
  source: string;
  target: string;
  attrs: EdgeAttributes;
}

/** Text values lose the characters XML cannot carry (control characters), in every format alike. */
function clean(value: Value): Value {
  if (typeof value === "string") return stripInvalidChars(value);
  if (Array.isArray(value)) return value.map(stripInvalidChars);
  return value;
}

const col = <T>(name: string, type: ValueType, get: (item: T) => Value, role: Role = "data"): Column<T> => ({
  name,
  type,
  role,
  get: type === "string" || type === "list" ? (item) => clean(get(item)) : get,
});
const entity = ({ attrs }: NodeItem) =>
  attrs.kind === "organisation" || attrs.kind === "project" ? attrs.record : undefined;

export const NODE_COLUMNS: readonly Column<NodeItem>[] = [
  col("label", "string", ({ attrs }) => attrs.label.sv, "label"),
  col("kind", "string", ({ attrs }) => attrs.kind),
  col("entity_id", "string", ({ attrs }) => attrs.id),
  col("label_sv", "string", ({ attrs }) => attrs.label.sv),
  col("label_en", "string", ({ attrs }) => attrs.label.en),
  col("org_kind", "string", ({ attrs }) => (attrs.kind === "organisation" ? attrs.record.kind : undefined)),
  col("status", "string", ({ attrs }) => (attrs.kind === "project" ? attrs.record.status : undefined)),
  col("start_year", "integer", ({ attrs }) => (attrs.kind === "project" ? attrs.record.startYear : undefined)),
  col("end_year", "integer", ({ attrs }) => (attrs.kind === "project" ? attrs.record.endYear : undefined)),
  col("event_kind", "string", ({ attrs }) => (attrs.kind === "event" ? attrs.record.kind : undefined)),
  col("start_date", "string", ({ attrs }) => (attrs.kind === "event" ? attrs.record.startDate : undefined)),
  col("end_date", "string", ({ attrs }) => (attrs.kind === "event" ? attrs.record.endDate : undefined)),
  col("online", "boolean", ({ attrs }) => (attrs.kind === "event" ? attrs.record.online : undefined)),
  col("city", "string", ({ attrs }) => (attrs.kind === "event" ? attrs.record.city : undefined)),
  col("national", "boolean", (item) => entity(item)?.national),
  col("regions", "list", (item) =>
    item.attrs.kind === "event" ? (item.attrs.record.region ? [item.attrs.record.region] : []) : entity(item)?.regions,
  ),
  col("topics", "list", (item) => (item.attrs.kind === "event" ? item.attrs.record.topics : entity(item)?.topics)),
  col("skills", "list", ({ attrs }) =>
    attrs.kind === "organisation"
      ? attrs.record.skills
      : attrs.kind === "project"
        ? attrs.record.skillsNeeded
        : undefined,
  ),
  col("lead", "string", ({ attrs }) => (attrs.kind === "project" ? attrs.record.lead : undefined)),
  col("funding_call", "string", ({ attrs }) => (attrs.kind === "project" ? attrs.record.fundingCall : undefined)),
  col("website", "string", (item) => entity(item)?.website),
  col("sources", "list", ({ attrs }) =>
    attrs.kind === "topic" || attrs.kind === "skill" ? undefined : attrs.record.sources,
  ),
  col("synthetic", "boolean", (item) =>
    item.attrs.kind === "event" ? item.attrs.record.synthetic === true : entity(item)?.synthetic === true,
  ),
  col("degree", "integer", ({ metrics, i }) => metrics.degree[i]),
  col("weighted_degree", "double", ({ metrics, i }) => metrics.weightedDegree[i]),
  col("betweenness", "double", ({ metrics, i }) => metrics.betweenness[i]),
  col("pagerank", "double", ({ metrics, i }) => metrics.pagerank[i]),
  col("community", "integer", ({ metrics, i }) => metrics.community[i]),
  col("x", "double", ({ positions, i }) => positions[2 * i], "viz"),
  col("y", "double", ({ positions, i }) => positions[2 * i + 1], "viz"),
  col("size", "double", ({ metrics, i, maxPagerank }) => sizeOf(metrics.pagerank[i] as number, maxPagerank), "viz"),
  col("color", "string", ({ attrs }) => KIND_COLORS[attrs.kind], "viz"),
];

export const EDGE_COLUMNS: readonly Column<EdgeItem>[] = [
  col("relation", "string", ({ attrs }) => attrs.type),
  col("weight", "double", ({ attrs }) => edgeWeight(attrs.type), "weight"),
  col("funding_call", "string", ({ attrs }) => attrs.fundingCall?.id),
];

export interface Row<T> {
  item: T;
  values: Value[];
}

/** Every node of the source with its values in NODE_COLUMNS order, lazily, in the graph's order. */
export function* nodeRows(source: ExportSource): Generator<Row<NodeItem>, void, undefined> {
  const { metrics, positions } = source;
  let maxPagerank = 0;
  for (const v of metrics.pagerank) if (v > maxPagerank) maxPagerank = v;
  for (const { node, attributes } of source.graph.nodeEntries()) {
    const i = metrics.index.get(node);
    if (i === undefined) throw new Error(`Node "${node}" has no metrics: they were computed on another graph`);
    const item: NodeItem = { key: node, attrs: attributes, i, metrics, positions, maxPagerank };
    yield { item, values: NODE_COLUMNS.map((c) => c.get(item)) };
  }
}

/** Every edge of the source with its values in EDGE_COLUMNS order, lazily. */
export function* edgeRows(source: ExportSource): Generator<Row<EdgeItem>, void, undefined> {
  for (const { edge, attributes, source: from, target } of source.graph.edgeEntries()) {
    const item: EdgeItem = { key: edge, source: from, target, attrs: attributes };
    yield { item, values: EDGE_COLUMNS.map((c) => c.get(item)) };
  }
}
