/** Builds the graph from a data set. Pure: records in, graph out. */
import type { Dataset } from "../../shared/schema/dataset";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { EdgeType, NodeKind } from "../../shared/schema/graph";
import { type EdgeAttributes, nodeKey } from "./model";
import { type PartnerGraph, PartnerGraphBuilder } from "./partner-graph";

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
  // One key string per node, made once and reused by every edge that touches it.
  const keys = new Map<NodeKind, Map<string, string>>();
  const keyOf = (kind: NodeKind, id: string): string => {
    let ofKind = keys.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      keys.set(kind, ofKind);
    }
    let key = ofKind.get(id);
    if (key === undefined) {
      key = nodeKey(kind, id);
      ofKind.set(id, key);
    }
    return key;
  };
  const link = (type: EdgeType, source: string, target: string, attributes = attributesOf(type)) => {
    graph.addEdge(source, target, attributes);
  };
  const named = (name: string) => ({ sv: name, en: name });

  for (const r of data.regions)
    graph.addNode(keyOf("region", r.code), { kind: "region", id: r.code, label: r.name, record: r });
  for (const t of data.topics)
    graph.addNode(keyOf("topic", t.id), { kind: "topic", id: t.id, label: t.label, record: t });
  for (const s of data.skills)
    graph.addNode(keyOf("skill", s.id), { kind: "skill", id: s.id, label: s.label, record: s });
  for (const o of data.organisations) {
    graph.addNode(keyOf("organisation", o.id), { kind: "organisation", id: o.id, label: named(o.name), record: o });
  }
  for (const p of data.projects) {
    graph.addNode(keyOf("project", p.id), { kind: "project", id: p.id, label: named(p.name), record: p });
  }

  for (const r of data.regions) {
    // Neighbourhood is symmetric; one edge per pair, from the lower code.
    for (const n of r.neighbours) if (r.code < n) link("neighbours", keyOf("region", r.code), keyOf("region", n));
  }
  for (const o of data.organisations) {
    const org = keyOf("organisation", o.id);
    for (const code of o.regions) link("active-in", org, keyOf("region", code));
    for (const t of o.topics) link("about-topic", org, keyOf("topic", t));
    for (const s of o.skills) link("offers-skill", org, keyOf("skill", s));
  }
  const funding = new Map<string, { call: FundingCall; attributes: EdgeAttributes }>(
    data.fundingCalls.map((call) => [
      call.id,
      { call, attributes: Object.freeze({ type: "funded-by", fundingCall: call }) },
    ]),
  );
  for (const p of data.projects) {
    const project = keyOf("project", p.id);
    if (p.lead) link("leads", keyOf("organisation", p.lead), project);
    for (const o of p.partners) link("partner-in", keyOf("organisation", o), project);
    for (const t of p.topics) link("about-topic", project, keyOf("topic", t));
    for (const s of p.skillsNeeded) link("needs-skill", project, keyOf("skill", s));
    for (const code of p.regions) link("covers", project, keyOf("region", code));
    const funded = p.fundingCall ? funding.get(p.fundingCall) : undefined;
    if (funded) link("funded-by", project, keyOf("organisation", funded.call.funder), funded.attributes);
  }
  return graph.build();
}
