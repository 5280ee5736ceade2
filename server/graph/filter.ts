/**
 * The graph filter as a pure function over the graphology graph: which nodes a filter keeps, and the subgraph they
 * span. The same rules as the UI's faceted filter (client/state/graph-filter.ts), so an export holds what the view
 * shows:
 * - a project or organisation is kept when it passes every facet given: `topics` (works on one of them), `skills`
 *   (offers one, or for a project needs one), `regions` (active in one, or for a project covers one), `orgKinds`
 *   (organisations only), `status` and `from`/`to` (projects only; projects without years pass); values within a
 *   facet combine with OR, facets with AND;
 * - an event is an entity too: `topics` and `regions` (its län) as above, `skills` never (an event offers none),
 *   `eventKinds` (events only), `from`/`to` by the years it was held, `status` and `orgKinds` do not affect it;
 * - topics, skills and län are kept when no facet is given, or when they are named in the filter, or when a kept
 *   project or organisation links to them;
 * - `kinds` keeps only the listed node kinds (empty: all);
 * - `focus` keeps the nodes within `hops` steps of that node, walking only through kept nodes (the focus always stays);
 * - the subgraph has every edge whose two ends are kept.
 */
import type { NodeKind } from "../../shared/schema/graph";
import type { GraphFilter, GraphFilterParam } from "../../shared/schema/graph-filter";
import { type NodeAttributes, nodeKey } from "./model";
import { type PartnerGraph, PartnerGraphBuilder } from "./partner-graph";

/** A filter names a node the graph does not have: the API answers 400 naming the parameter. */
export class UnknownFilterValueError extends Error {
  override name = "UnknownFilterValueError";
  constructor(
    readonly param: GraphFilterParam,
    readonly value: string,
  ) {
    super(`${param}: no ${param === "focus" ? "node" : param.replace(/s$/, "")} "${value}" in the graph`);
  }
}

const isEntity = (kind: NodeKind) => kind === "project" || kind === "organisation" || kind === "event";

/** What an entity is about, where, and what skills it offers or needs; undefined for taxonomy nodes. */
function facetsOf(attrs: NodeAttributes): { topics: string[]; skills: string[]; regions: string[] } | undefined {
  if (attrs.kind === "organisation") return attrs.record;
  if (attrs.kind === "project")
    return { topics: attrs.record.topics, skills: attrs.record.skillsNeeded, regions: attrs.record.regions };
  if (attrs.kind === "event")
    return { topics: attrs.record.topics, skills: [], regions: attrs.record.region ? [attrs.record.region] : [] };
  return undefined;
}

const overlaps = (wanted: readonly string[], have: readonly string[]) =>
  wanted.length === 0 || have.some((v) => wanted.includes(v));

function passesFacets(attrs: NodeAttributes, f: GraphFilter): boolean {
  const facets = facetsOf(attrs);
  if (!facets) return false;
  if (!overlaps(f.topics, facets.topics) || !overlaps(f.skills, facets.skills) || !overlaps(f.regions, facets.regions))
    return false;
  if (attrs.kind === "organisation") return f.orgKinds.length === 0 || f.orgKinds.includes(attrs.record.kind);
  if (attrs.kind === "event") {
    const e = attrs.record;
    if (f.eventKinds.length > 0 && !f.eventKinds.includes(e.kind)) return false;
    const start = Number(e.startDate.slice(0, 4));
    const end = Number((e.endDate ?? e.startDate).slice(0, 4));
    return (f.from === undefined || end >= f.from) && (f.to === undefined || start <= f.to);
  }
  if (attrs.kind !== "project") return false;
  const p = attrs.record;
  if (f.status.length > 0 && !f.status.includes(p.status)) return false;
  if (f.from === undefined && f.to === undefined) return true;
  if (p.startYear === undefined && p.endYear === undefined) return true;
  const start = p.startYear ?? p.endYear ?? 0;
  const end = p.endYear ?? start;
  return (f.from === undefined || end >= f.from) && (f.to === undefined || start <= f.to);
}

const narrowsEntities = (f: GraphFilter) =>
  f.topics.length + f.skills.length + f.regions.length + f.orgKinds.length + f.status.length + f.eventKinds.length >
    0 ||
  f.from !== undefined ||
  f.to !== undefined;

/** Throws an UnknownFilterValueError for the first topic, skill, län or focus the graph does not have. */
export function assertFilterResolves(graph: PartnerGraph, f: GraphFilter): void {
  const check = (param: GraphFilterParam, kind: NodeKind, ids: readonly string[]) => {
    for (const id of ids) if (!graph.hasNode(nodeKey(kind, id))) throw new UnknownFilterValueError(param, id);
  };
  check("topics", "topic", f.topics);
  check("skills", "skill", f.skills);
  check("regions", "region", f.regions);
  if (f.focus !== undefined && !graph.hasNode(f.focus)) throw new UnknownFilterValueError("focus", f.focus);
}

/** The keys of the nodes the filter keeps. */
export function filteredNodeKeys(graph: PartnerGraph, f: GraphFilter): Set<string> {
  assertFilterResolves(graph, f);
  const kindOk = (kind: NodeKind) => f.kinds.length === 0 || f.kinds.includes(kind);
  const kept = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (isEntity(attrs.kind) && kindOk(attrs.kind) && passesFacets(attrs, f)) kept.add(key);
  });
  const narrowed = narrowsEntities(f);
  const named = new Set([
    ...f.topics.map((t) => nodeKey("topic", t)),
    ...f.skills.map((s) => nodeKey("skill", s)),
    ...f.regions.map((r) => nodeKey("region", r)),
  ]);
  graph.forEachNode((key, attrs) => {
    if (isEntity(attrs.kind) || !kindOk(attrs.kind)) return;
    const linked = () =>
      graph.someNeighbor(key, (n, nAttrs) => kept.has(n) && isEntity((nAttrs as NodeAttributes).kind));
    if (!narrowed || named.has(key) || linked()) kept.add(key);
  });
  if (f.focus === undefined) return kept;
  const within = new Set([f.focus]);
  let frontier = [f.focus];
  for (let step = 0; step < f.hops && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachNeighbor(key, (n) => {
        if (!within.has(n) && kept.has(n)) {
          within.add(n);
          next.push(n);
        }
      });
    }
    frontier = next;
  }
  return within;
}

/**
 * The subgraph a filter keeps. With an empty filter this is the graph itself (no copy: exporting the whole graph
 * costs no memory); otherwise a new graph sharing the node and edge attribute objects with the original.
 */
export function filterGraph(graph: PartnerGraph, f: GraphFilter): PartnerGraph {
  const keep = filteredNodeKeys(graph, f);
  if (keep.size === graph.order) return graph;
  const sub = new PartnerGraphBuilder();
  graph.forEachNode((key, attrs) => {
    if (keep.has(key)) sub.addNode(key, attrs);
  });
  graph.forEachEdge((_key, attrs, source, target) => {
    if (keep.has(source) && keep.has(target)) sub.addEdge(source, target, attrs);
  });
  return sub.build();
}
