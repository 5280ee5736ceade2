/**
 * The four terms of a (project, organisation) match, each in [0, 1], with the evidence behind them.
 * The one definition of the terms: the fast rankers must agree with it (tests check they do).
 */
import type { Label } from "../../shared/schema/common";
import type { Evidence, MatchTerm, RegionEvidence, Suggestion, Weights } from "../../shared/schema/match";
import type { MatchIndex } from "./match-index";

/** Partial credit for reaching a län from a neighbouring one, or from national scope. */
export const NEIGHBOUR_CREDIT = 0.5;
export const NATIONAL_CREDIT = 0.3;

export type Terms = Record<MatchTerm, number>;
export type GeographyMode = "complement" | "nearby";

/** What a project still lacks, given its current members. */
export interface ProjectNeeds {
  project: number;
  members: Set<number>;
  missingSkills: number[];
  /** Län to reach: those not covered by members ("complement") or all the project's län ("nearby"). */
  targetRegions: number[];
  topicIdfTotal: number;
}

export function projectNeeds(ix: MatchIndex, project: number, mode: GeographyMode): ProjectNeeds {
  const members = new Set(ix.projectMembers[project] as number[]);
  const offered = new Set<number>();
  const covered = new Set<number>();
  for (const m of members) {
    for (const s of ix.orgSkills[m] as number[]) offered.add(s);
    for (const r of ix.orgRegions[m] as number[]) covered.add(r);
  }
  const regions = ix.projectRegions[project] as number[];
  let topicIdfTotal = 0;
  for (const t of ix.projectTopics[project] as number[]) topicIdfTotal += ix.topicIdf[t] as number;
  return {
    project,
    members,
    missingSkills: (ix.projectSkills[project] as number[]).filter((s) => !offered.has(s)),
    targetRegions: mode === "nearby" ? regions : regions.filter((r) => !covered.has(r)),
    topicIdfTotal,
  };
}

/** Adamic–Adar weight of a shared partner: one who worked with few others says more than a hub. */
export const sharedPartnerWeight = (ix: MatchIndex, z: number): number =>
  1 / Math.log(2 + (ix.orgCollaboratorCount[z] as number));

/**
 * An event as network evidence: having been at the same event says less than having shared a project, so it counts
 * EVENT_CREDIT of an Adamic–Adar weight over its attendees (a small workshop says more than a large hackathon).
 */
export const EVENT_CREDIT = 0.5;
export const sharedEventWeight = (ix: MatchIndex, e: number): number =>
  EVENT_CREDIT / Math.log(2 + (ix.eventAttendees[e] as number[]).length);

/** Events `org` took part in together with at least one of `members` (not counting itself as a member). */
export function sharedEventsOf(ix: MatchIndex, members: ReadonlySet<number>, org: number): number[] {
  return (ix.orgEvents[org] as number[]).filter((e) =>
    (ix.eventAttendees[e] as number[]).some((m) => m !== org && members.has(m)),
  );
}

/** Organisations that took part in an event with `org`. */
export function coAttendeesOf(ix: MatchIndex, org: number): Set<number> {
  const result = new Set<number>();
  for (const e of ix.orgEvents[org] as number[])
    for (const m of ix.eventAttendees[e] as number[]) if (m !== org) result.add(m);
  return result;
}

/** How well organisation `org` reaches län `region`: 1 in it, partly from a neighbour or national scope, else 0. */
export function regionReach(
  ix: MatchIndex,
  org: number,
  region: number,
): { credit: number; via?: RegionEvidence["via"] } {
  const regions = ix.orgRegions[org] as number[];
  if (regions.includes(region)) return { credit: 1, via: "in" };
  if ((ix.regionNeighbours[region] as number[]).some((n) => regions.includes(n)))
    return { credit: NEIGHBOUR_CREDIT, via: "neighbour" };
  if (ix.orgNational[org]) return { credit: NATIONAL_CREDIT, via: "national" };
  return { credit: 0 };
}

/** Organisations that `org` has worked with on a project other than `exceptProject`. */
export function collaboratorsOf(ix: MatchIndex, org: number, exceptProject: number): Set<number> {
  const result = new Set<number>();
  for (const p of ix.orgProjects[org] as number[]) {
    if (p === exceptProject) continue;
    for (const m of ix.projectMembers[p] as number[]) if (m !== org) result.add(m);
  }
  return result;
}

/** A project as evidence: its id and name (names are not translated). */
export const projectItem = (ix: MatchIndex, p: number) => ({
  id: ix.projectIds[p] as string,
  label: { sv: ix.projectNames[p] as string, en: ix.projectNames[p] as string },
});

export function scorePair(
  ix: MatchIndex,
  needs: ProjectNeeds,
  org: number,
  mode: GeographyMode,
): { terms: Terms; evidence: Evidence } {
  // Each shared topic counts by its IDF times the organisation's credit for it (1 own, less inherited: topic-credit.ts).
  const profile = ix.orgTopics[org] as number[];
  const credits = ix.orgTopicCredit[org] as number[];
  const sources = ix.orgTopicSource[org] as number[];
  const sharedTopics: { t: number; credit: number; source: number }[] = [];
  for (const t of ix.projectTopics[needs.project] as number[]) {
    const i = profile.indexOf(t);
    if (i >= 0) sharedTopics.push({ t, credit: credits[i] as number, source: sources[i] as number });
  }
  const weightOf = (x: { t: number; credit: number }) => (ix.topicIdf[x.t] as number) * x.credit;
  sharedTopics.sort((a, b) => weightOf(b) - weightOf(a));
  const topicIdf = sharedTopics.reduce((sum, x) => sum + weightOf(x), 0);

  const orgSkills = new Set(ix.orgSkills[org] as number[]);
  const skills = needs.missingSkills.filter((s) => orgSkills.has(s));

  let geo = 0;
  const regions: RegionEvidence[] = [];
  for (const r of needs.targetRegions) {
    const reach = regionReach(ix, org, r);
    geo += reach.credit;
    if (reach.via)
      regions.push({
        id: ix.regionCodes[r] as string,
        label: ix.regionLabels[r] as Evidence["topics"][0]["label"],
        via: reach.via,
      });
  }

  const collaborators = collaboratorsOf(ix, org, needs.project);
  const shared = [...needs.members].filter((z) => collaborators.has(z));
  const events = sharedEventsOf(ix, needs.members, org);
  const aa =
    shared.reduce((sum, z) => sum + sharedPartnerWeight(ix, z), 0) +
    events.reduce((sum, e) => sum + sharedEventWeight(ix, e), 0);

  return {
    terms: {
      topics: needs.topicIdfTotal > 0 ? topicIdf / needs.topicIdfTotal : 0,
      skills: needs.missingSkills.length > 0 ? skills.length / needs.missingSkills.length : 0,
      geography: needs.targetRegions.length > 0 ? geo / needs.targetRegions.length : 0,
      network: 1 - Math.exp(-aa),
    },
    evidence: {
      topics: sharedTopics.map(({ t, credit, source }) => ({
        id: ix.topicIds[t] as string,
        label: ix.topicLabels[t] as Evidence["topics"][0]["label"],
        direct: source < 0,
        ...(source >= 0 ? { project: projectItem(ix, source) } : {}),
        credit,
      })),
      skills: skills.map((s) => ({
        id: ix.skillIds[s] as string,
        label: ix.skillLabels[s] as Evidence["topics"][0]["label"],
      })),
      regions,
      geography: mode,
      sharedPartners: shared.map((z) => ({
        id: ix.orgIds[z] as string,
        label: { sv: ix.orgNames[z] as string, en: ix.orgNames[z] as string },
      })),
      sharedEvents: events.map((e) => ({ id: ix.eventIds[e] as string, label: ix.eventNames[e] as Label })),
    },
  };
}

export function totalWeight(w: Weights): number {
  return w.topics + w.skills + w.geography + w.network;
}

/** Each term's share of the score; they sum to the score, which lies in [0, 1]. */
export function contributions(terms: Terms, w: Weights): Terms {
  const total = totalWeight(w) || 1;
  return {
    topics: (w.topics * terms.topics) / total,
    skills: (w.skills * terms.skills) / total,
    geography: (w.geography * terms.geography) / total,
    network: (w.network * terms.network) / total,
  };
}

export const sumTerms = (t: Terms): number => t.topics + t.skills + t.geography + t.network;

/** A ranked item as the API returns it: the score and each term's share, with the evidence. */
export function toSuggestion(
  kind: "project" | "organisation",
  id: string,
  name: string,
  terms: Terms,
  evidence: Evidence,
  weights: Weights,
): Suggestion {
  const parts = contributions(terms, weights);
  return { key: `${kind}:${id}`, id, name, score: sumTerms(parts), contributions: parts, evidence };
}
