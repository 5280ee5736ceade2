/** Builds the graphology graph from a data set. Pure: records in, graph out. */
import { MultiDirectedGraph } from "graphology";
import type { Dataset } from "../../shared/schema/dataset";
import type { EdgeType } from "../../shared/schema/graph";
import { type EdgeAttributes, type NodeAttributes, nodeKey, type PartnerGraph } from "./model";

export function buildGraph(data: Dataset): PartnerGraph {
  const graph: PartnerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const link = (type: EdgeType, source: string, target: string, extra: Partial<EdgeAttributes> = {}) => {
    graph.addEdgeWithKey(`${type}:${source}->${target}`, source, target, { type, ...extra });
  };
  const named = (name: string) => ({ sv: name, en: name });

  for (const r of data.regions)
    graph.addNode(nodeKey("region", r.code), { kind: "region", id: r.code, label: r.name, record: r });
  for (const t of data.topics)
    graph.addNode(nodeKey("topic", t.id), { kind: "topic", id: t.id, label: t.label, record: t });
  for (const s of data.skills)
    graph.addNode(nodeKey("skill", s.id), { kind: "skill", id: s.id, label: s.label, record: s });
  for (const o of data.organisations) {
    graph.addNode(nodeKey("organisation", o.id), { kind: "organisation", id: o.id, label: named(o.name), record: o });
  }
  for (const p of data.projects) {
    graph.addNode(nodeKey("project", p.id), { kind: "project", id: p.id, label: named(p.name), record: p });
  }

  for (const r of data.regions) {
    // Neighbourhood is symmetric; one edge per pair, from the lower code.
    for (const n of r.neighbours) if (r.code < n) link("neighbours", nodeKey("region", r.code), nodeKey("region", n));
  }
  for (const o of data.organisations) {
    const org = nodeKey("organisation", o.id);
    for (const code of o.regions) link("active-in", org, nodeKey("region", code));
    for (const t of o.topics) link("about-topic", org, nodeKey("topic", t));
    for (const s of o.skills) link("offers-skill", org, nodeKey("skill", s));
  }
  const calls = new Map(data.fundingCalls.map((c) => [c.id, c]));
  for (const p of data.projects) {
    const project = nodeKey("project", p.id);
    if (p.lead) link("leads", nodeKey("organisation", p.lead), project);
    for (const o of p.partners) link("partner-in", nodeKey("organisation", o), project);
    for (const t of p.topics) link("about-topic", project, nodeKey("topic", t));
    for (const s of p.skillsNeeded) link("needs-skill", project, nodeKey("skill", s));
    for (const code of p.regions) link("covers", project, nodeKey("region", code));
    const call = p.fundingCall ? calls.get(p.fundingCall) : undefined;
    if (call) link("funded-by", project, nodeKey("organisation", call.funder), { fundingCall: call });
  }
  return graph;
}
