/**
 * A compact, integer-indexed view of the graph for matching: who works on what, where, with whom.
 * Built once per data version; scoring then runs over arrays instead of graph lookups, so it stays fast at 100k nodes.
 */
import type { Label } from "../../shared/schema/common";
import type { OrganisationKind } from "../../shared/schema/organisation";
import type { PartnerGraph } from "../graph/model";
import { DEFAULT_EVIDENCE_RULE, type EvidenceRule, profileScratch, topicProfile } from "./topic-credit";

/** Interns string ids as dense integers. */
class Interner {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  add(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

export interface MatchIndex {
  orgIds: string[];
  orgIndex: Map<string, number>;
  orgNames: string[];
  orgKinds: OrganisationKind[];
  orgNational: Uint8Array;
  /** How topic evidence is weighed (topic-credit.ts); kept so that a patched index weighs it the same way. */
  evidenceRule: EvidenceRule;
  /** Topics an organisation works on: its own first, then those it has through its projects. */
  orgTopics: number[][];
  /** Parallel to orgTopics: each topic's credit (1 own, less inherited; see topic-credit.ts). */
  orgTopicCredit: number[][];
  /** Parallel to orgTopics: −1 for an own topic, else the project it is inherited through. */
  orgTopicSource: number[][];
  orgSkills: number[][];
  orgRegions: number[][];
  orgProjects: number[][];
  /** Distinct organisations each organisation has shared a project with (for Adamic–Adar weights). */
  orgCollaboratorCount: Uint32Array;

  projectIds: string[];
  projectIndex: Map<string, number>;
  projectNames: string[];
  projectTopics: number[][];
  projectSkills: number[][];
  projectRegions: number[][];
  /** Lead first (when there is one), then partners. */
  projectMembers: number[][];

  eventIds: string[];
  eventNames: Label[];
  /** The organisations that took part in each event: its organisers, then its partners (the venue only hosted). */
  eventAttendees: number[][];
  /** The events each organisation took part in. */
  orgEvents: number[][];

  topicIds: string[];
  topicLabels: Label[];
  /** Inverse document frequency: rare topics count more than common ones. */
  topicIdf: Float64Array;
  skillIds: string[];
  skillLabels: Label[];
  regionCodes: string[];
  regionLabels: Label[];
  regionNeighbours: number[][];

  /** Posting lists: the organisations (or projects) with each topic, skill or län. */
  topicOrgs: number[][];
  /** Parallel to topicOrgs: that organisation's credit for the topic. */
  topicOrgCredit: number[][];
  skillOrgs: number[][];
  regionOrgs: number[][];
  nationalOrgs: number[];
  topicProjects: number[][];
  skillProjects: number[][];
  regionProjects: number[][];
}

const lists = (n: number): number[][] => Array.from({ length: n }, () => []);

/**
 * Reads the index off the graph: names and flags from the node records, every list from the edges, in one pass over
 * the edge arrays with integer indexes (no id lookups). The graph lists each record's edges in the record's own order,
 * so every list here keeps that order (a project's lead first, then its partners).
 */
export function buildMatchIndex(graph: PartnerGraph, evidenceRule: EvidenceRule = DEFAULT_EVIDENCE_RULE): MatchIndex {
  const orgs = new Interner();
  const projects = new Interner();
  const events = new Interner();
  const topics = new Interner();
  const skills = new Interner();
  const regions = new Interner();
  const topicLabels: Label[] = [];
  const skillLabels: Label[] = [];
  const regionLabels: Label[] = [];
  const regionNeighbourCodes: string[][] = [];
  // Per graph node: its index within its kind.
  const local = new Int32Array(graph.order);
  let node = 0;
  graph.forEachNode((_key, a) => {
    let i = 0;
    if (a.kind === "organisation") i = orgs.add(a.id);
    else if (a.kind === "project") i = projects.add(a.id);
    else if (a.kind === "event") i = events.add(a.id);
    else if (a.kind === "topic") {
      i = topics.add(a.id);
      topicLabels[i] = a.label;
    } else if (a.kind === "skill") {
      i = skills.add(a.id);
      skillLabels[i] = a.label;
    } else if (a.kind === "region") {
      i = regions.add(a.id);
      regionLabels[i] = a.label;
      regionNeighbourCodes[i] = a.record.neighbours;
    }
    local[node++] = i;
  });
  const nOrg = orgs.ids.length;
  const nProject = projects.ids.length;
  const nTopic = topics.ids.length;
  const ix: MatchIndex = {
    orgIds: orgs.ids,
    orgIndex: orgs.index,
    orgNames: new Array(nOrg),
    orgKinds: new Array(nOrg),
    orgNational: new Uint8Array(nOrg),
    evidenceRule,
    orgTopics: lists(nOrg),
    orgTopicCredit: lists(nOrg),
    orgTopicSource: lists(nOrg),
    orgSkills: lists(nOrg),
    orgRegions: lists(nOrg),
    orgProjects: lists(nOrg),
    orgCollaboratorCount: new Uint32Array(nOrg),
    projectIds: projects.ids,
    projectIndex: projects.index,
    projectNames: new Array(nProject),
    projectTopics: lists(nProject),
    projectSkills: lists(nProject),
    projectRegions: lists(nProject),
    projectMembers: lists(nProject),
    eventIds: events.ids,
    eventNames: new Array(events.ids.length),
    eventAttendees: lists(events.ids.length),
    orgEvents: lists(nOrg),
    topicIds: topics.ids,
    topicLabels,
    topicIdf: new Float64Array(nTopic),
    skillIds: skills.ids,
    skillLabels,
    regionCodes: regions.ids,
    regionLabels,
    regionNeighbours: regionNeighbourCodes.map((codes) => codes.map((c) => regions.index.get(c) as number)),
    topicOrgs: lists(nTopic),
    topicOrgCredit: lists(nTopic),
    skillOrgs: lists(skills.ids.length),
    regionOrgs: lists(regions.ids.length),
    nationalOrgs: [],
    topicProjects: lists(nTopic),
    skillProjects: lists(skills.ids.length),
    regionProjects: lists(regions.ids.length),
  };
  graph.forEachNode((_key, a) => {
    if (a.kind === "organisation") {
      const o = orgs.index.get(a.id) as number;
      ix.orgNames[o] = a.record.name;
      ix.orgKinds[o] = a.record.kind;
      ix.orgNational[o] = a.record.national ? 1 : 0;
    } else if (a.kind === "project") ix.projectNames[projects.index.get(a.id) as number] = a.record.name;
    else if (a.kind === "event") ix.eventNames[events.index.get(a.id) as number] = a.label;
  });

  // Edges are grouped by the record that names them (see build.ts), so pushing in edge order keeps record order.
  const at = (list: number[][], i: number) => list[local[i] as number] as number[];
  graph.forEachEdgeIndex((_e, s, t, attributes) => {
    const target = local[t] as number;
    switch (attributes.type) {
      case "about-topic": {
        const kind = graph.kindAt(s);
        if (kind !== "event") at(kind === "organisation" ? ix.orgTopics : ix.projectTopics, s).push(target);
        break;
      }
      case "organised-by":
      case "event-partner":
        at(ix.eventAttendees, s).push(target);
        break;
      case "offers-skill":
        at(ix.orgSkills, s).push(target);
        break;
      case "active-in":
        at(ix.orgRegions, s).push(target);
        break;
      case "needs-skill":
        at(ix.projectSkills, s).push(target);
        break;
      case "covers":
        at(ix.projectRegions, s).push(target);
        break;
      case "leads":
      case "partner-in":
        at(ix.projectMembers, t).push(local[s] as number);
        break;
    }
  });

  for (let p = 0; p < nProject; p++)
    for (const o of ix.projectMembers[p] as number[]) (ix.orgProjects[o] as number[]).push(p);
  ix.eventAttendees.forEach((attendees, e) => {
    for (const o of attendees) (ix.orgEvents[o] as number[]).push(e);
  });
  // Marks instead of sets, one stamp per organisation (o + 1): no allocation per organisation, 100k of them at scale.
  const seenBy = new Int32Array(nOrg);
  const scratch = profileScratch(nTopic, nProject);
  for (let o = 0; o < nOrg; o++) {
    const stamp = o + 1;
    // The topic profile: own topics (as read off the edges), then those of its projects, each with its credit.
    const profile = topicProfile(ix, o, ix.orgTopics[o] as number[], evidenceRule, scratch);
    ix.orgTopics[o] = profile.topics;
    ix.orgTopicCredit[o] = profile.credit;
    ix.orgTopicSource[o] = profile.source;
    profile.topics.forEach((t, i) => {
      (ix.topicOrgs[t] as number[]).push(o);
      (ix.topicOrgCredit[t] as number[]).push(profile.credit[i] as number);
    });
    for (const s of ix.orgSkills[o] as number[]) (ix.skillOrgs[s] as number[]).push(o);
    for (const r of ix.orgRegions[o] as number[]) (ix.regionOrgs[r] as number[]).push(o);
    if (ix.orgNational[o]) ix.nationalOrgs.push(o);
    let collaborators = 0;
    seenBy[o] = stamp;
    for (const p of ix.orgProjects[o] as number[])
      for (const m of ix.projectMembers[p] as number[])
        if (seenBy[m] !== stamp) {
          seenBy[m] = stamp;
          collaborators++;
        }
    ix.orgCollaboratorCount[o] = collaborators;
  }
  for (let p = 0; p < nProject; p++) {
    for (const t of ix.projectTopics[p] as number[]) (ix.topicProjects[t] as number[]).push(p);
    for (const s of ix.projectSkills[p] as number[]) (ix.skillProjects[s] as number[]).push(p);
    for (const r of ix.projectRegions[p] as number[]) (ix.regionProjects[r] as number[]).push(p);
  }
  // IDF over every organisation and project that carries the topic.
  const documents = nOrg + nProject;
  for (let t = 0; t < nTopic; t++) {
    const df = (ix.topicOrgs[t] as number[]).length + (ix.topicProjects[t] as number[]).length;
    ix.topicIdf[t] = Math.log(1 + documents / (1 + df));
  }
  return ix;
}
