/** Projects the graph into the plain nodes and edges the client draws, optionally keeping only some node kinds. */
import type { GraphEdge, GraphNode, GraphSnapshot, NodeKind } from "../../shared/schema/graph";
import type { NodeAttributes, PartnerGraph } from "./model";

export function toGraphNode(
  graph: PartnerGraph,
  key: string,
  attrs: NodeAttributes = graph.getNodeAttributes(key),
): GraphNode {
  const node: GraphNode = { key, kind: attrs.kind, label: attrs.label, degree: graph.degree(key) };
  if (attrs.kind === "organisation") node.orgKind = attrs.record.kind;
  if (attrs.kind === "project") {
    node.status = attrs.record.status;
    if (attrs.record.startYear !== undefined) node.startYear = attrs.record.startYear;
    if (attrs.record.endYear !== undefined) node.endYear = attrs.record.endYear;
  }
  if (attrs.kind === "region") node.seat = attrs.record.seatCoordinates;
  if (attrs.kind === "event") {
    const e = attrs.record;
    node.eventKind = e.kind;
    node.startDate = e.startDate;
    if (e.endDate !== undefined) node.endDate = e.endDate;
    node.online = e.online;
    // Years too, so the active-years filter treats events as it treats projects.
    node.startYear = Number(e.startDate.slice(0, 4));
    node.endYear = Number((e.endDate ?? e.startDate).slice(0, 4));
  }
  return node;
}

export function graphSnapshot(graph: PartnerGraph, dataVersion: number, kinds?: readonly NodeKind[]): GraphSnapshot {
  const keep = kinds && kinds.length > 0 ? new Set<NodeKind>(kinds) : undefined;
  const nodes: GraphNode[] = [];
  graph.forEachNode((key, attrs) => {
    if (!keep || keep.has(attrs.kind)) nodes.push(toGraphNode(graph, key, attrs));
  });
  const edges: GraphEdge[] = [];
  graph.forEachEdge((key, attrs, source, target, sourceAttrs, targetAttrs) => {
    if (!keep || (keep.has(sourceAttrs.kind) && keep.has(targetAttrs.kind))) {
      edges.push({ key, source, target, type: attrs.type });
    }
  });
  return { dataVersion, nodes, edges };
}
