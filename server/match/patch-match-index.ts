/**
 * The match index after edits, made from the previous version's index instead of from the whole graph: only the
 * written projects and organisations, the organisations that were or are now their members, and the posting lists
 * they appear in are recomputed. Everything else is shared with the previous index, which is left as it was (lists are
 * copied before they change). The result equals buildMatchIndex(graph); tests/server/live/refresh.test.ts checks that.
 *
 * Events (who took part in which) are shared as they are: an edit to a project or organisation does not change them.
 *
 * Only edits qualify: when a project or organisation was added or removed, every index after it would shift, so the
 * caller builds the index anew (undefined here). So does a change to anything else (taxonomy, län).
 */
import type { OrganisationKind } from "../../shared/schema/organisation";
import type { PartnerGraph } from "../graph/model";
import type { MatchIndex } from "./match-index";
import { profileScratch, topicProfile } from "./topic-credit";

/** A copy of an ascending list with `value` inserted `times` times at its place. */
function inserted(list: readonly number[], value: number, times = 1): number[] {
  let at = 0;
  while (at < list.length && (list[at] as number) < value) at++;
  return [...list.slice(0, at), ...Array.from({ length: times }, () => value), ...list.slice(at)];
}

const without = (list: readonly number[], value: number): number[] => list.filter((x) => x !== value);

/** Moves `item` between posting lists: out of those for `before` not in `after`, into those for `after` not in `before`. */
function repost(postings: number[][], item: number, before: readonly number[], after: readonly number[]): void {
  for (const key of before) if (!after.includes(key)) postings[key] = without(postings[key] as number[], item);
  for (const key of after) if (!before.includes(key)) postings[key] = inserted(postings[key] as number[], item);
}

/** repost() for the topic postings, whose credits run parallel: credits of kept topics are updated in place (copied). */
function repostCredit(ix: MatchIndex, org: number, before: readonly number[], after: number[], credit: number[]): void {
  for (const t of before) {
    if (after.includes(t)) continue;
    const at = (ix.topicOrgs[t] as number[]).indexOf(org);
    ix.topicOrgs[t] = without(ix.topicOrgs[t] as number[], org);
    ix.topicOrgCredit[t] = (ix.topicOrgCredit[t] as number[]).filter((_c, i) => i !== at);
  }
  after.forEach((t, i) => {
    const orgs = ix.topicOrgs[t] as number[];
    let at = orgs.indexOf(org);
    if (at < 0) {
      ix.topicOrgs[t] = inserted(orgs, org);
      at = (ix.topicOrgs[t] as number[]).indexOf(org);
      const credits = (ix.topicOrgCredit[t] as number[]).slice();
      credits.splice(at, 0, credit[i] as number);
      ix.topicOrgCredit[t] = credits;
    } else if ((ix.topicOrgCredit[t] as number[])[at] !== credit[i]) {
      const credits = (ix.topicOrgCredit[t] as number[]).slice();
      credits[at] = credit[i] as number;
      ix.topicOrgCredit[t] = credits;
    }
  });
}

export function patchMatchIndex(
  previous: MatchIndex,
  graph: PartnerGraph,
  changed: ReadonlySet<string>,
): MatchIndex | undefined {
  const projects: number[] = [];
  const orgs: number[] = [];
  for (const key of changed) {
    if (!graph.hasNode(key)) return undefined;
    const { kind, id } = graph.getNodeAttributes(key);
    const i = kind === "project" ? previous.projectIndex.get(id) : previous.orgIndex.get(id);
    if (i === undefined || (kind !== "project" && kind !== "organisation")) return undefined;
    (kind === "project" ? projects : orgs).push(i);
  }
  if (graph.order !== countNodes(previous)) return undefined;

  const topicAt = new Map(previous.topicIds.map((id, i) => [id, i]));
  const skillAt = new Map(previous.skillIds.map((id, i) => [id, i]));
  const regionAt = new Map(previous.regionCodes.map((code, i) => [code, i]));
  const ix: MatchIndex = {
    ...previous,
    orgNames: previous.orgNames.slice(),
    orgKinds: previous.orgKinds.slice(),
    orgNational: previous.orgNational.slice(),
    orgTopics: previous.orgTopics.slice(),
    orgTopicCredit: previous.orgTopicCredit.slice(),
    orgTopicSource: previous.orgTopicSource.slice(),
    orgSkills: previous.orgSkills.slice(),
    orgRegions: previous.orgRegions.slice(),
    orgProjects: previous.orgProjects.slice(),
    orgCollaboratorCount: previous.orgCollaboratorCount.slice(),
    projectNames: previous.projectNames.slice(),
    projectTopics: previous.projectTopics.slice(),
    projectSkills: previous.projectSkills.slice(),
    projectRegions: previous.projectRegions.slice(),
    projectMembers: previous.projectMembers.slice(),
    topicIdf: new Float64Array(previous.topicIdf.length),
    topicOrgs: previous.topicOrgs.slice(),
    topicOrgCredit: previous.topicOrgCredit.slice(),
    skillOrgs: previous.skillOrgs.slice(),
    regionOrgs: previous.regionOrgs.slice(),
    topicProjects: previous.topicProjects.slice(),
    skillProjects: previous.skillProjects.slice(),
    regionProjects: previous.regionProjects.slice(),
  };

  // Organisations whose topic profile or collaborators may change: members before and after each written project.
  const touched = new Set<number>(orgs);
  for (const p of projects) {
    const key = `project:${previous.projectIds[p]}`;
    const topics: number[] = [];
    const skills: number[] = [];
    const regions: number[] = [];
    const members: number[] = [];
    graph.forEachOutEdge(key, (_e, a, _s, _t, _sa, target) => {
      if (a.type === "about-topic") topics.push(topicAt.get(target.id) as number);
      else if (a.type === "needs-skill") skills.push(skillAt.get(target.id) as number);
      else if (a.type === "covers") regions.push(regionAt.get(target.id) as number);
    });
    graph.forEachInEdge(key, (_e, a, _s, _t, source) => {
      if (a.type === "leads" || a.type === "partner-in") members.push(previous.orgIndex.get(source.id) as number);
    });
    const record = graph.getNodeAttributes(key);
    if (record.kind === "project") ix.projectNames[p] = record.record.name;
    repost(ix.topicProjects, p, ix.projectTopics[p] as number[], topics);
    repost(ix.skillProjects, p, ix.projectSkills[p] as number[], skills);
    repost(ix.regionProjects, p, ix.projectRegions[p] as number[], regions);
    const before = ix.projectMembers[p] as number[];
    for (const o of new Set([...before, ...members])) {
      touched.add(o);
      const times = members.filter((m) => m === o).length;
      ix.orgProjects[o] = inserted(without(ix.orgProjects[o] as number[], p), p, times);
    }
    ix.projectTopics[p] = topics;
    ix.projectSkills[p] = skills;
    ix.projectRegions[p] = regions;
    ix.projectMembers[p] = members;
  }

  let nationalChanged = false;
  for (const o of orgs) {
    const key = `organisation:${previous.orgIds[o]}`;
    const a = graph.getNodeAttributes(key);
    if (a.kind !== "organisation") return undefined;
    ix.orgNames[o] = a.record.name;
    ix.orgKinds[o] = a.record.kind as OrganisationKind;
    const national = a.record.national ? 1 : 0;
    if (ix.orgNational[o] !== national) nationalChanged = true;
    ix.orgNational[o] = national;
    const skills: number[] = [];
    const regions: number[] = [];
    graph.forEachOutEdge(key, (_e, edge, _s, _t, _sa, target) => {
      if (edge.type === "offers-skill") skills.push(skillAt.get(target.id) as number);
      else if (edge.type === "active-in") regions.push(regionAt.get(target.id) as number);
    });
    repost(ix.skillOrgs, o, ix.orgSkills[o] as number[], skills);
    repost(ix.regionOrgs, o, ix.orgRegions[o] as number[], regions);
    ix.orgSkills[o] = skills;
    ix.orgRegions[o] = regions;
  }
  if (nationalChanged) ix.nationalOrgs = ix.orgIds.flatMap((_id, o) => (ix.orgNational[o] ? [o] : []));

  // Topic profiles (own topics, then those of the organisation's projects, with their credits) and collaborator
  // counts of the touched. A project's member count is part of every member's credit, so its members are all touched.
  const scratch = profileScratch(ix.topicIds.length, ix.projectIds.length);
  for (const o of touched) {
    const own: number[] = [];
    graph.forEachOutEdge(`organisation:${previous.orgIds[o]}`, (_e, a, _s, _t, _sa, target) => {
      if (a.type === "about-topic") own.push(topicAt.get(target.id) as number);
    });
    const collaborators = new Set<number>();
    for (const p of ix.orgProjects[o] as number[])
      for (const m of ix.projectMembers[p] as number[]) if (m !== o) collaborators.add(m);
    const profile = topicProfile(ix, o, own, ix.evidenceRule, scratch);
    repostCredit(ix, o, ix.orgTopics[o] as number[], profile.topics, profile.credit);
    ix.orgTopics[o] = profile.topics;
    ix.orgTopicCredit[o] = profile.credit;
    ix.orgTopicSource[o] = profile.source;
    ix.orgCollaboratorCount[o] = collaborators.size;
  }

  const documents = ix.orgIds.length + ix.projectIds.length;
  for (let t = 0; t < ix.topicIds.length; t++) {
    const df = (ix.topicOrgs[t] as number[]).length + (ix.topicProjects[t] as number[]).length;
    ix.topicIdf[t] = Math.log(1 + documents / (1 + df));
  }
  return ix;
}

const countNodes = (ix: MatchIndex) =>
  ix.orgIds.length +
  ix.projectIds.length +
  ix.eventIds.length +
  ix.topicIds.length +
  ix.skillIds.length +
  ix.regionCodes.length;
