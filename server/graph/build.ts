/** Builds the graph from a data set. Pure: records in, graph out. */
import type { Dataset } from "../../shared/schema/dataset";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { EdgeType, NodeKind } from "../../shared/schema/graph";
import { type EdgeAttributes, type NodeAttributes, nodeKey } from "./model";
import { type PartnerGraph, PartnerGraphBuilder, UnknownGraphNodeError } from "./partner-graph";

/**
 * Edge attributes are shared, one frozen object per edge type (and per funding call), instead of one object per edge:
 * at 1M edges that saves a million allocations. Nothing sets edge attributes in place; frozen, an attempt would throw.
 */
const SHARED_EDGE_ATTRIBUTES = new Map<EdgeType, EdgeAttributes>();
const attributesOf = (type: EdgeType): EdgeAttributes => {
  let attributes = SHARED_EDGE_ATTRIBUTES.get(type);
  if (!attributes) {
    attributes = Object.freeze({ type });
    SHARED_EDGE_ATTRIBUTES.set(type, attributes);
  }
  return attributes;
};

export function buildGraph(data: Dataset): PartnerGraph {
  const graph = new PartnerGraphBuilder();
  // Per kind, each id's node index: edges are added by index, one lookup per end.
  const indexes = new Map<NodeKind, Map<string, number>>();
  const add = (attributes: NodeAttributes) => {
    let ofKind = indexes.get(attributes.kind);
    if (!ofKind) {
      ofKind = new Map();
      indexes.set(attributes.kind, ofKind);
    }
    ofKind.set(attributes.id, graph.addNode(nodeKey(attributes.kind, attributes.id), attributes));
  };
  const at = (kind: NodeKind, id: string): number => {
    const i = indexes.get(kind)?.get(id);
    if (i === undefined) throw new UnknownGraphNodeError(nodeKey(kind, id));
    return i;
  };
  const link = (type: EdgeType, source: number, target: number, attributes = attributesOf(type)) => {
    graph.addEdgeAt(source, target, attributes);
  };
  const named = (name: string) => ({ sv: name, en: name });

  for (const r of data.regions) add({ kind: "region", id: r.code, label: r.name, record: r });
  for (const t of data.topics) add({ kind: "topic", id: t.id, label: t.label, record: t });
  for (const s of data.skills) add({ kind: "skill", id: s.id, label: s.label, record: s });
  for (const o of data.organisations) add({ kind: "organisation", id: o.id, label: named(o.name), record: o });
  for (const p of data.projects) add({ kind: "project", id: p.id, label: named(p.name), record: p });

  const regions = indexes.get("region") ?? new Map<string, number>();
  const topics = indexes.get("topic") ?? new Map<string, number>();
  const skills = indexes.get("skill") ?? new Map<string, number>();
  const organisations = indexes.get("organisation") ?? new Map<string, number>();
  const projects = indexes.get("project") ?? new Map<string, number>();
  const find = (ofKind: Map<string, number>, kind: NodeKind, id: string) => ofKind.get(id) ?? at(kind, id);

  for (const r of data.regions) {
    // Neighbourhood is symmetric; one edge per pair, from the lower code.
    const region = find(regions, "region", r.code);
    for (const n of r.neighbours) if (r.code < n) link("neighbours", region, find(regions, "region", n));
  }
  for (const o of data.organisations) {
    const org = find(organisations, "organisation", o.id);
    for (const code of o.regions) link("active-in", org, find(regions, "region", code));
    for (const t of o.topics) link("about-topic", org, find(topics, "topic", t));
    for (const s of o.skills) link("offers-skill", org, find(skills, "skill", s));
  }
  const funding = new Map<string, { call: FundingCall; attributes: EdgeAttributes }>(
    data.fundingCalls.map((call) => [
      call.id,
      { call, attributes: Object.freeze({ type: "funded-by", fundingCall: call }) },
    ]),
  );
  for (const p of data.projects) {
    const project = find(projects, "project", p.id);
    if (p.lead) link("leads", find(organisations, "organisation", p.lead), project);
    for (const o of p.partners) link("partner-in", find(organisations, "organisation", o), project);
    for (const t of p.topics) link("about-topic", project, find(topics, "topic", t));
    for (const s of p.skillsNeeded) link("needs-skill", project, find(skills, "skill", s));
    for (const code of p.regions) link("covers", project, find(regions, "region", code));
    const funded = p.fundingCall ? funding.get(p.fundingCall) : undefined;
    if (funded) link("funded-by", project, find(organisations, "organisation", funded.call.funder), funded.attributes);
  }
  return graph.build();
}
