/**
 * Builds the graph from a data set, or patches the previous version's graph after a few records changed. Pure:
 * records in, graph out.
 *
 * Nodes come in a fixed order: län, topics, skills, organisations, projects, events, each by id as the store reads
 * them. Every edge is named by exactly one record (its "owner": an organisation's own län, topics, skills and ties; a
 * project's lead, partners, topics, skills, län and funder; an event's organisers, partners, venue, topics and län; a
 * län's neighbours), and edges are added owner by owner in node order. So
 * each node's own edges sit in one contiguous range, which is what lets patchGraph copy the unchanged ones wholesale.
 */
import type { Dataset } from "../../shared/schema/dataset";
import type { FundingCall } from "../../shared/schema/funding-call";
import { EDGE_TYPES, type EdgeType, type NodeKind } from "../../shared/schema/graph";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import { type EdgeAttributes, type NodeAttributes, nodeKey } from "./model";
import { type EdgeGroups, type PartnerGraph, PartnerGraphBuilder, UnknownGraphNodeError } from "./partner-graph";

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
const FUNDED_BY = new WeakMap<FundingCall, EdgeAttributes>();
const fundedBy = (call: FundingCall): EdgeAttributes => {
  let attributes = FUNDED_BY.get(call);
  if (!attributes) {
    attributes = Object.freeze({ type: "funded-by", fundingCall: call });
    FUNDED_BY.set(call, attributes);
  }
  return attributes;
};

/** Organisations and projects have one name in both languages. */
const organisationNode = (o: Organisation): NodeAttributes => ({
  kind: "organisation",
  id: o.id,
  label: { sv: o.name, en: o.name },
  record: o,
});
const projectNode = (p: Project): NodeAttributes => ({
  kind: "project",
  id: p.id,
  label: { sv: p.name, en: p.name },
  record: p,
});

/**
 * The data set's nodes in graph order: key, attributes (reused from `previous` where the record is the same object)
 * and the node's index in `previous` (−1 if new there, or without one).
 */
function* nodesOf(data: Dataset, previous?: PartnerGraph): Generator<[string, NodeAttributes, number]> {
  const reuse = (key: string, fresh: () => NodeAttributes, record: unknown): [string, NodeAttributes, number] => {
    const i = previous?.indexOf(key);
    if (i === undefined) return [key, fresh(), -1];
    const old = previous?.attributesAt(i);
    return [key, old && old.record === record ? old : fresh(), i];
  };
  for (const r of data.regions)
    yield reuse(nodeKey("region", r.code), () => ({ kind: "region", id: r.code, label: r.name, record: r }), r);
  for (const t of data.topics)
    yield reuse(nodeKey("topic", t.id), () => ({ kind: "topic", id: t.id, label: t.label, record: t }), t);
  for (const s of data.skills)
    yield reuse(nodeKey("skill", s.id), () => ({ kind: "skill", id: s.id, label: s.label, record: s }), s);
  for (const o of data.organisations) yield reuse(nodeKey("organisation", o.id), () => organisationNode(o), o);
  for (const p of data.projects) yield reuse(nodeKey("project", p.id), () => projectNode(p), p);
  for (const e of data.events)
    yield reuse(nodeKey("event", e.id), () => ({ kind: "event", id: e.id, label: e.name, record: e }), e);
}

/** Adds the edges node `self`'s record names, in their fixed order. `at` finds a node's index by kind and id. */
function addOwnEdges(
  graph: PartnerGraphBuilder,
  self: number,
  a: NodeAttributes,
  at: (kind: NodeKind, id: string) => number,
  funding: ReadonlyMap<string, FundingCall>,
): void {
  const link = (type: EdgeType, source: number, target: number) => graph.addEdgeAt(source, target, attributesOf(type));
  if (a.kind === "region") {
    // Neighbourhood is symmetric; one edge per pair, from the lower code.
    for (const n of a.record.neighbours) if (a.id < n) link("neighbours", self, at("region", n));
  } else if (a.kind === "organisation") {
    const o = a.record;
    for (const code of o.regions) link("active-in", self, at("region", code));
    for (const t of o.topics) link("about-topic", self, at("topic", t));
    for (const s of o.skills) link("offers-skill", self, at("skill", s));
    for (const t of o.ties ?? []) link(t.relation, self, at("organisation", t.organisation));
  } else if (a.kind === "event") {
    const e = a.record;
    for (const o of e.organisers) link("organised-by", self, at("organisation", o));
    for (const o of e.partners) link("event-partner", self, at("organisation", o));
    // A venue that also organises or partners keeps that edge only: one edge per pair, as the exports promise.
    if (e.venue && !e.organisers.includes(e.venue) && !e.partners.includes(e.venue))
      link("hosted-at", self, at("organisation", e.venue));
    for (const t of e.topics) link("about-topic", self, at("topic", t));
    if (e.region) link("held-in", self, at("region", e.region));
  } else if (a.kind === "project") {
    const p = a.record;
    if (p.lead) link("leads", at("organisation", p.lead), self);
    for (const o of p.partners) link("partner-in", at("organisation", o), self);
    for (const t of p.topics) link("about-topic", self, at("topic", t));
    for (const s of p.skillsNeeded) link("needs-skill", self, at("skill", s));
    for (const code of p.regions) link("covers", self, at("region", code));
    const call = p.fundingCall ? funding.get(p.fundingCall) : undefined;
    if (call) graph.addEdgeAt(self, at("organisation", call.funder), fundedBy(call));
  }
}

/** The node that names edge e: the project for its lead and partner edges, the source for every other edge. */
const ownerOf = (source: number, target: number, attributes: EdgeAttributes) =>
  attributes.type === "leads" || attributes.type === "partner-in" ? target : source;

/** The graph's nodes added to a builder, with a lookup by kind and id that throws a named error for a missing one. */
function withNodes(data: Dataset, previous?: PartnerGraph) {
  const graph = new PartnerGraphBuilder();
  const attributes: NodeAttributes[] = [];
  const was: number[] = [];
  // Per kind, each id's node index: one lookup per edge end, without making key strings.
  const indexes = new Map<NodeKind, Map<string, number>>();
  for (const [key, a, before] of nodesOf(data, previous)) {
    let ofKind = indexes.get(a.kind);
    if (!ofKind) {
      ofKind = new Map();
      indexes.set(a.kind, ofKind);
    }
    ofKind.set(a.id, graph.addNode(key, a));
    attributes.push(a);
    was.push(before);
  }
  const at = (kind: NodeKind, id: string): number => {
    const i = indexes.get(kind)?.get(id);
    if (i === undefined) throw new UnknownGraphNodeError(nodeKey(kind, id));
    return i;
  };
  return { graph, attributes, was, at, funding: new Map(data.fundingCalls.map((call) => [call.id, call])) };
}

/**
 * The edges of a graph of `data` in compact columns, for a saved read model: each edge's type as its index in
 * EDGE_TYPES and, for a funded-by edge, its funding call's index in data.fundingCalls (else −1).
 */
export interface EdgeColumns {
  sources: Int32Array;
  targets: Int32Array;
  /** The edges grouped by source and by target, as the graph holds them: saved so a start need not group them. */
  groups?: EdgeGroups;
  types: Uint8Array;
  calls: Int32Array;
}

export function edgeColumnsOf(graph: PartnerGraph, data: Dataset): EdgeColumns {
  const { sources, targets, attributes, groups } = graph.edgeColumns();
  const typeIndex = new Map<EdgeType, number>(EDGE_TYPES.map((type, i) => [type, i]));
  const callIndex = new Map(data.fundingCalls.map((call, i) => [call.id, i]));
  const types = new Uint8Array(attributes.length);
  const calls = new Int32Array(attributes.length).fill(-1);
  attributes.forEach((a, e) => {
    types[e] = typeIndex.get(a.type) as number;
    if (a.fundingCall) {
      const call = callIndex.get(a.fundingCall.id);
      if (call === undefined) throw new Error(`Edge ${e} names a funding call the data set lacks: ${a.fundingCall.id}`);
      calls[e] = call;
    }
  });
  return { sources: sources.slice(), targets: targets.slice(), groups, types, calls };
}

/**
 * The graph of `data` from its saved edge columns (edgeColumnsOf): equal to buildGraph(data), node and edge order and
 * shared edge attributes included, without reading the records' references again. Throws on columns that do not fit.
 */
export function graphFromColumns(data: Dataset, columns: EdgeColumns): PartnerGraph {
  const { graph } = withNodes(data);
  const { types, calls } = columns;
  if (types.length !== calls.length) throw new RangeError("the edge columns differ in length");
  const attributes = new Array<EdgeAttributes>(types.length);
  const byType = EDGE_TYPES.map((type) => attributesOf(type));
  const byCall = data.fundingCalls.map((call) => fundedBy(call));
  for (let e = 0; e < types.length; e++) {
    const call = calls[e] as number;
    const a = call >= 0 ? byCall[call] : byType[types[e] as number];
    if (a === undefined || (call >= 0 && types[e] !== FUNDED_BY_TYPE))
      throw new RangeError(`Edge ${e} has no known type (${types[e]}, call ${call})`);
    attributes[e] = a;
  }
  return graph.buildWithEdges(columns.sources, columns.targets, attributes, columns.groups);
}

const FUNDED_BY_TYPE = EDGE_TYPES.indexOf("funded-by");

export function buildGraph(data: Dataset): PartnerGraph {
  const { graph, attributes, at, funding } = withNodes(data);
  for (let i = 0; i < attributes.length; i++) addOwnEdges(graph, i, attributes[i] as NodeAttributes, at, funding);
  return graph.build();
}

/**
 * The graph of `data`, made from `previous` (the graph of the data before `changed` were written): nodes whose
 * record is the same object as before keep their attributes and their own edges, copied as index ranges; only the
 * written records' edges are made anew. The result equals buildGraph(data), node and edge order included. A change to
 * the taxonomy, a län or a funding call (rare, and named by many records) rebuilds instead.
 */
export function patchGraph(previous: PartnerGraph, data: Dataset, changed: ReadonlySet<string>): PartnerGraph {
  for (const key of changed)
    if (!key.startsWith("project:") && !key.startsWith("organisation:")) return buildGraph(data);
  // Where each previous node's own edges lie.
  const ownedFrom = new Int32Array(previous.order).fill(-1);
  const ownedTo = new Int32Array(previous.order);
  const owned = new Int32Array(previous.order);
  previous.forEachEdgeIndex((e, s, t, a) => {
    const owner = ownerOf(s, t, a);
    if (ownedFrom[owner] === -1) ownedFrom[owner] = e;
    ownedTo[owner] = e + 1;
    owned[owner] = (owned[owner] as number) + 1;
  });
  // Ranges hold only their owner's edges in a graph from buildGraph or patchGraph; anything else is rebuilt.
  for (let i = 0; i < previous.order; i++)
    if (owned[i] !== 0 && owned[i] !== (ownedTo[i] as number) - (ownedFrom[i] as number)) return buildGraph(data);

  const nodes = sameNodes(previous, data, changed) ?? otherNodes(previous, data);
  const { graph, attributes, at, now, remade } = nodes;
  const funding = new Map(data.fundingCalls.map((call) => [call.id, call]));
  const copy = (_e: number, s: number, t: number, a: EdgeAttributes) => {
    const source = now(s);
    const target = now(t);
    if (source < 0 || target < 0) throw new UnknownGraphNodeError(previous.keyAt(source < 0 ? s : t));
    graph.addEdgeAt(source, target, a);
  };
  attributes.forEach((a, i) => {
    const before = remade(i, a);
    if (before < 0) addOwnEdges(graph, i, a, at, funding);
    else if (ownedFrom[before] !== -1) previous.forEachEdgeIndex(copy, ownedFrom[before], ownedTo[before]);
  });
  return graph.build();
}

/** What patchGraph needs of the new nodes: a builder holding them, lookups, and the map from the previous graph. */
interface PatchNodes {
  graph: PartnerGraphBuilder;
  attributes: NodeAttributes[];
  at: (kind: NodeKind, id: string) => number;
  /** Index now of the previous graph's node i, or −1 if it is gone. */
  now: (i: number) => number;
  /** −1 if node i's own edges must be made anew; else its index in the previous graph, whose edges it keeps. */
  remade: (i: number, a: NodeAttributes) => number;
}

/**
 * When every written record was there before and still is (edits, the common case), the node list and index are the
 * previous graph's, shared: only the written nodes' attributes change. Undefined when a node came or went.
 */
function sameNodes(previous: PartnerGraph, data: Dataset, changed: ReadonlySet<string>): PatchNodes | undefined {
  const attributes = previous.attributeList();
  const written = new Set<number>();
  for (const key of changed) {
    const i = previous.indexOf(key);
    const record = recordOf(data, key);
    if (i === undefined || record === undefined) return undefined;
    attributes[i] = record;
    written.add(i);
  }
  const at = (kind: NodeKind, id: string): number => {
    const i = previous.indexOf(nodeKey(kind, id));
    if (i === undefined) throw new UnknownGraphNodeError(nodeKey(kind, id));
    return i;
  };
  return {
    graph: PartnerGraphBuilder.withNodesOf(previous, attributes),
    attributes,
    at,
    now: (i) => i,
    remade: (i) => (written.has(i) ? -1 : i),
  };
}

/** Nodes came or went: the node list is made again from the records, reusing unchanged nodes' attributes. */
function otherNodes(previous: PartnerGraph, data: Dataset): PatchNodes {
  const { graph, attributes, was, at } = withNodes(data, previous);
  const now = new Int32Array(previous.order).fill(-1);
  was.forEach((before, i) => {
    if (before >= 0) now[before] = i;
  });
  return {
    graph,
    attributes,
    at,
    now: (i) => now[i] as number,
    remade: (i, a) => {
      const before = was[i] as number;
      return before < 0 || previous.attributesAt(before) !== a ? -1 : before;
    },
  };
}

/** The node attributes of a project or organisation key in `data`, by binary search of its id-ordered list. */
function recordOf(data: Dataset, key: string): NodeAttributes | undefined {
  const find = <T extends { id: string }>(list: readonly T[], id: string): T | undefined => {
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = (list[mid] as T).id;
      if (at === id) return list[mid];
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  };
  if (key.startsWith("project:")) {
    const p = find(data.projects, key.slice("project:".length));
    return p && projectNode(p);
  }
  if (key.startsWith("organisation:")) {
    const o = find(data.organisations, key.slice("organisation:".length));
    return o && organisationNode(o);
  }
  return undefined;
}
