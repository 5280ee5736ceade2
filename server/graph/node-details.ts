/** One node with its record and its neighbours grouped by relation: what the details panel shows. */
import { NotFoundError } from "../../shared/errors";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { EdgeType, GraphNode } from "../../shared/schema/graph";
import type { NodeRecord, PartnerGraph } from "./model";
import { toGraphNode } from "./snapshot";

export interface NeighbourGroup {
  relation: EdgeType;
  /** "out": this node is the edge's source (an organisation *leads* the project); "in": it is the target. */
  direction: "out" | "in";
  nodes: GraphNode[];
}

export type NodeDetails = { node: GraphNode; neighbours: NeighbourGroup[]; fundingCall?: FundingCall } & NodeRecord;

export class UnknownNodeError extends NotFoundError {
  override name = "UnknownNodeError";
  constructor(readonly key: string) {
    super("node", key);
  }
}

export function nodeDetails(graph: PartnerGraph, key: string): NodeDetails {
  if (!graph.hasNode(key)) throw new UnknownNodeError(key);
  const attrs = graph.getNodeAttributes(key);
  const groups = new Map<string, NeighbourGroup>();
  const add = (relation: EdgeType, direction: "out" | "in", other: string) => {
    const id = `${direction}:${relation}`;
    let group = groups.get(id);
    if (!group) {
      group = { relation, direction, nodes: [] };
      groups.set(id, group);
    }
    if (!group.nodes.some((n) => n.key === other)) group.nodes.push(toGraphNode(graph, other));
  };
  let fundingCall: FundingCall | undefined;
  graph.forEachOutEdge(key, (_e, edge, _s, target) => {
    add(edge.type, "out", target);
    if (edge.fundingCall) fundingCall = edge.fundingCall;
  });
  graph.forEachInEdge(key, (_e, edge, source) => add(edge.type, "in", source));
  for (const group of groups.values()) group.nodes.sort((a, b) => a.label.sv.localeCompare(b.label.sv, "sv"));
  const details = {
    node: toGraphNode(graph, key, attrs),
    kind: attrs.kind,
    record: attrs.record,
    neighbours: [...groups.values()],
  };
  return (fundingCall ? { ...details, fundingCall } : details) as NodeDetails;
}
