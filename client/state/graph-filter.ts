/**
 * Faceted filtering and focus over a graph snapshot, as pure functions: which nodes are visible, and how many
 * entities each facet value would show. Facets combine with AND; values within a facet with OR.
 */
import type { GraphNode, GraphSnapshot, NodeKind } from "../../shared/schema/graph";
import { type Filters, yearsReversed } from "./url-state";

/** What a project or organisation is about, where and when: read off its edges once per snapshot. */
export interface EntityFacets {
  topics: string[];
  skills: string[];
  regions: string[];
}

export interface FacetIndex {
  nodes: Map<string, GraphNode>;
  neighbours: Map<string, string[]>;
  entities: Map<string, EntityFacets>;
}

const idOf = (key: string) => key.slice(key.indexOf(":") + 1);
const isEntity = (kind: NodeKind) => kind === "project" || kind === "organisation" || kind === "event";

export function buildFacetIndex(snapshot: GraphSnapshot): FacetIndex {
  const nodes = new Map(snapshot.nodes.map((n) => [n.key, n]));
  const neighbours = new Map<string, string[]>(snapshot.nodes.map((n) => [n.key, []]));
  const entities = new Map<string, EntityFacets>();
  for (const n of snapshot.nodes) if (isEntity(n.kind)) entities.set(n.key, { topics: [], skills: [], regions: [] });
  for (const e of snapshot.edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
    const facets = entities.get(e.source);
    if (!facets) continue;
    if (e.type === "about-topic") facets.topics.push(idOf(e.target));
    else if (e.type === "offers-skill" || e.type === "needs-skill") facets.skills.push(idOf(e.target));
    else if (e.type === "active-in" || e.type === "covers" || e.type === "held-in") facets.regions.push(idOf(e.target));
  }
  return { nodes, neighbours, entities };
}

export type FacetName = "topics" | "skills" | "regions" | "orgKinds" | "status" | "eventKinds" | "years";
const FACETS: FacetName[] = ["topics", "skills", "regions", "orgKinds", "status", "eventKinds", "years"];

const overlaps = (wanted: readonly string[], have: readonly string[]) =>
  wanted.length === 0 || have.some((v) => wanted.includes(v));

/** Whether an entity passes one facet. Facets about organisations leave projects alone, and the other way round. */
function passes(index: FacetIndex, key: string, facet: FacetName, f: Filters): boolean {
  const node = index.nodes.get(key) as GraphNode;
  const e = index.entities.get(key) as EntityFacets;
  switch (facet) {
    case "topics":
      return overlaps(f.topics, e.topics);
    case "skills":
      return overlaps(f.skills, e.skills);
    case "regions":
      return overlaps(f.regions, e.regions);
    case "orgKinds":
      return node.kind !== "organisation" || f.orgKinds.length === 0 || f.orgKinds.includes(node.orgKind as never);
    case "status":
      return node.kind !== "project" || f.status.length === 0 || f.status.includes(node.status as never);
    case "eventKinds":
      return node.kind !== "event" || f.eventKinds.length === 0 || f.eventKinds.includes(node.eventKind as never);
    case "years": {
      // Events carry the years they were held in, so the range applies to them as to projects.
      if (
        (node.kind !== "project" && node.kind !== "event") ||
        (f.yearFrom === undefined && f.yearTo === undefined) ||
        yearsReversed(f)
      )
        return true;
      if (node.startYear === undefined && node.endYear === undefined) return true;
      const start = node.startYear ?? node.endYear ?? 0;
      const end = node.endYear ?? start;
      return (f.yearFrom === undefined || end >= f.yearFrom) && (f.yearTo === undefined || start <= f.yearTo);
    }
  }
}

const entityFilterActive = (f: Filters) =>
  f.topics.length + f.skills.length + f.regions.length + f.orgKinds.length + f.status.length + f.eventKinds.length >
    0 ||
  (!yearsReversed(f) && (f.yearFrom !== undefined || f.yearTo !== undefined));

/** The visible node keys: entities passing every facet, taxonomy nodes linked to one of them, within the focus. */
export function visibleKeys(index: FacetIndex, f: Filters, focus?: string, hops = 1): Set<string> {
  const kindOk = (kind: NodeKind) => f.kinds.length === 0 || f.kinds.includes(kind);
  const visible = new Set<string>();
  for (const key of index.entities.keys()) {
    if (kindOk((index.nodes.get(key) as GraphNode).kind) && FACETS.every((facet) => passes(index, key, facet, f)))
      visible.add(key);
  }
  const narrowed = entityFilterActive(f);
  const chosen = new Set([
    ...f.topics.map((t) => `topic:${t}`),
    ...f.skills.map((s) => `skill:${s}`),
    ...f.regions.map((r) => `region:${r}`),
  ]);
  for (const [key, node] of index.nodes) {
    if (isEntity(node.kind) || !kindOk(node.kind)) continue;
    if (
      !narrowed ||
      chosen.has(key) ||
      (index.neighbours.get(key) ?? []).some((n) => visible.has(n) && isEntity(index.nodes.get(n)?.kind as NodeKind))
    ) {
      visible.add(key);
    }
  }
  if (!focus || !index.nodes.has(focus)) return visible;
  // The focus node's neighbourhood, walking only through visible nodes.
  const within = new Set([focus]);
  let frontier = [focus];
  for (let step = 0; step < hops; step++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const n of index.neighbours.get(key) ?? []) {
        if (!within.has(n) && visible.has(n)) {
          within.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return within;
}

/** For each facet value, how many projects and organisations would be visible if it were chosen (others kept). */
export function facetCounts(
  index: FacetIndex,
  f: Filters,
): Record<Exclude<FacetName, "years">, Map<string, number>> & { kinds: Map<NodeKind, number> } {
  const counts = {
    topics: new Map<string, number>(),
    skills: new Map<string, number>(),
    regions: new Map<string, number>(),
    orgKinds: new Map<string, number>(),
    status: new Map<string, number>(),
    eventKinds: new Map<string, number>(),
    kinds: new Map<NodeKind, number>(),
  };
  const bump = <K>(map: Map<K, number>, value: K) => map.set(value, (map.get(value) ?? 0) + 1);
  for (const [key, facets] of index.entities) {
    const node = index.nodes.get(key) as GraphNode;
    const ok = Object.fromEntries(FACETS.map((facet) => [facet, passes(index, key, facet, f)])) as Record<
      FacetName,
      boolean
    >;
    const allBut = (facet: FacetName) => FACETS.every((other) => other === facet || ok[other]);
    if (allBut("topics")) for (const t of new Set(facets.topics)) bump(counts.topics, t);
    if (allBut("skills")) for (const s of new Set(facets.skills)) bump(counts.skills, s);
    if (allBut("regions")) for (const r of new Set(facets.regions)) bump(counts.regions, r);
    if (allBut("orgKinds") && node.kind === "organisation" && node.orgKind) bump(counts.orgKinds, node.orgKind);
    if (allBut("status") && node.kind === "project" && node.status) bump(counts.status, node.status);
    if (allBut("eventKinds") && node.kind === "event" && node.eventKind) bump(counts.eventKinds, node.eventKind);
  }
  // Kinds: what each kind would show with the other facets as they are (taxonomy nodes included).
  for (const key of visibleKeys(index, { ...f, kinds: [] }))
    bump(counts.kinds, (index.nodes.get(key) as GraphNode).kind);
  return counts;
}

/** Adds the neighbours of the expanded nodes to a focused view, keeping to what the filters allow. */
export function withExpanded(
  index: FacetIndex,
  shown: Set<string>,
  expanded: readonly string[],
  allowed: Set<string>,
): Set<string> {
  if (expanded.length === 0) return shown;
  const result = new Set(shown);
  for (const key of expanded) {
    if (!result.has(key)) continue;
    for (const n of index.neighbours.get(key) ?? []) if (allowed.has(n)) result.add(n);
  }
  return result;
}

/** Drops filter values the graph does not know (a renamed topic in an old link), so they cannot empty the view. */
export function knownFilters(index: FacetIndex, f: Filters): Filters {
  const known = (prefix: string, ids: string[]) => {
    const kept = ids.filter((id) => index.nodes.has(`${prefix}:${id}`));
    return kept.length === ids.length ? ids : kept;
  };
  const topics = known("topic", f.topics);
  const skills = known("skill", f.skills);
  const regions = known("region", f.regions);
  return topics === f.topics && skills === f.skills && regions === f.regions ? f : { ...f, topics, skills, regions };
}
