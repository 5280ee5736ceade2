/** Counts the nodes and edges buildGraph would make from a data set, without building the graph. */
import type { Dataset } from "../../shared/schema/dataset";

/** Nodes: every län, topic, skill, organisation, project and event (funding calls are edge attributes, not nodes). */
export function countNodes(data: Dataset): number {
  return (
    data.regions.length +
    data.topics.length +
    data.skills.length +
    data.organisations.length +
    data.projects.length +
    data.events.length
  );
}

/** Edges, one per relation as in server/graph/build.ts: neighbour pairs once, a funded-by edge per funded project. */
export function countEdges(data: Dataset): number {
  let edges = 0;
  for (const r of data.regions) for (const n of r.neighbours) if (r.code < n) edges++;
  for (const o of data.organisations)
    edges += o.regions.length + o.topics.length + o.skills.length + (o.ties?.length ?? 0);
  for (const e of data.events) {
    const venueEdge = e.venue !== undefined && !e.organisers.includes(e.venue) && !e.partners.includes(e.venue);
    edges += e.organisers.length + e.partners.length + e.topics.length + (e.region ? 1 : 0) + (venueEdge ? 1 : 0);
  }
  const calls = new Set(data.fundingCalls.map((c) => c.id));
  for (const p of data.projects) {
    edges += (p.lead ? 1 : 0) + p.partners.length + p.topics.length + p.skillsNeeded.length + p.regions.length;
    if (p.fundingCall && calls.has(p.fundingCall)) edges++;
  }
  return edges;
}
