/**
 * The project ↔ project view (a bipartite projection): projects linked when they share an organisation (strong) or,
 * failing that, at least two topics (weaker). Edge weight is the number of things shared.
 */
import type { GraphEdge, GraphNode, GraphSnapshot } from "../../shared/schema/graph";

const MEMBER_EDGES = new Set(["leads", "partner-in"]);

export function projectProjection(snapshot: GraphSnapshot, visible?: Set<string>): GraphSnapshot {
  const projects = snapshot.nodes.filter((n) => n.kind === "project" && (!visible || visible.has(n.key)));
  const keep = new Set(projects.map((p) => p.key));
  const orgsOf = new Map<string, Set<string>>();
  const topicsOf = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(value);
  };
  for (const e of snapshot.edges) {
    if (MEMBER_EDGES.has(e.type) && keep.has(e.target)) add(orgsOf, e.target, e.source);
    else if (e.type === "about-topic" && keep.has(e.source)) add(topicsOf, e.source, e.target);
  }
  // Candidate pairs come from shared organisations and shared topics, never from all pairs.
  const byThing = new Map<string, string[]>();
  for (const [project, things] of [...orgsOf, ...topicsOf])
    for (const t of things) byThing.set(t, [...(byThing.get(t) ?? []), project]);
  const pairs = new Set<string>();
  for (const members of byThing.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i] as string, members[j] as string].sort();
        pairs.add(`${a}|${b}`);
      }
    }
  }
  const edges: GraphEdge[] = [];
  const degree = new Map<string, number>();
  const overlap = (a?: Set<string>, b?: Set<string>) => (a && b ? [...a].filter((x) => b.has(x)).length : 0);
  for (const pair of pairs) {
    const [a, b] = pair.split("|") as [string, string];
    const orgs = overlap(orgsOf.get(a), orgsOf.get(b));
    const topics = overlap(topicsOf.get(a), topicsOf.get(b));
    const type = orgs > 0 ? "shares-organisation" : topics >= 2 ? "shares-topic" : undefined;
    if (!type) continue;
    edges.push({ key: `${type}:${a}->${b}`, source: a, target: b, type, weight: orgs > 0 ? orgs : topics });
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const nodes: GraphNode[] = projects.map((p) => ({ ...p, degree: degree.get(p.key) ?? 0 }));
  return { dataVersion: snapshot.dataVersion, nodes, edges };
}
