/**
 * Partners for a project: ranks every organisation not already in it.
 * Terms are accumulated along posting lists (only organisations that share something are touched),
 * then the top k are explained by scorePair, the terms' one definition.
 */
import { NotFoundError } from "../../shared/errors";
import type { MatchFilters, Suggestion, Weights } from "../../shared/schema/match";
import { organisationFilter } from "./candidate-filter";
import type { MatchIndex } from "./match-index";
import {
  type GeographyMode,
  NATIONAL_CREDIT,
  NEIGHBOUR_CREDIT,
  projectNeeds,
  scorePair,
  sharedPartnerWeight,
  toSuggestion,
  totalWeight,
} from "./pair-score";
import { TopK } from "./top-k";

export class UnknownEntityError extends NotFoundError {
  override name = "UnknownEntityError";
}

export interface MatchOptions {
  weights: Weights;
  filters?: MatchFilters;
  limit: number;
}

/** Reusable per-index accumulators, so a query allocates nothing proportional to the graph. */
interface Scratch {
  topic: Float64Array;
  skill: Float64Array;
  geo: Float64Array;
  net: Float64Array;
  best: Float64Array;
  stamp: Uint32Array;
  member: Uint8Array;
  generation: number;
}
const scratches = new WeakMap<MatchIndex, Scratch>();
function scratchFor(ix: MatchIndex): Scratch {
  let s = scratches.get(ix);
  if (!s) {
    const n = ix.orgIds.length;
    s = {
      topic: new Float64Array(n),
      skill: new Float64Array(n),
      geo: new Float64Array(n),
      net: new Float64Array(n),
      best: new Float64Array(n),
      stamp: new Uint32Array(n),
      member: new Uint8Array(n),
      generation: 0,
    };
    scratches.set(ix, s);
  }
  return s;
}

export function suggestPartners(ix: MatchIndex, projectId: string, options: MatchOptions): Suggestion[] {
  const project = ix.projectIndex.get(projectId);
  if (project === undefined) throw new UnknownEntityError("project", projectId);
  const mode: GeographyMode = options.filters?.geography ?? "complement";
  const needs = projectNeeds(ix, project, mode);
  const s = scratchFor(ix);
  const { topic, skill, geo, net, best, stamp, member } = s;

  // Each term accumulates along posting lists: only organisations sharing something get a non-zero value.
  for (const t of ix.projectTopics[project] as number[]) {
    const idf = ix.topicIdf[t] as number;
    const orgs = ix.topicOrgs[t] as number[];
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i] as number;
      topic[o] = (topic[o] as number) + idf;
    }
  }
  for (const sk of needs.missingSkills) {
    const orgs = ix.skillOrgs[sk] as number[];
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i] as number;
      skill[o] = (skill[o] as number) + 1;
    }
  }
  for (const r of needs.targetRegions) {
    // Best reach per organisation for this län: in it, else a neighbour, else national.
    const gen = ++s.generation;
    const reached: number[] = [];
    const credit = (orgs: readonly number[], value: number) => {
      for (let i = 0; i < orgs.length; i++) {
        const o = orgs[i] as number;
        if (stamp[o] !== gen) {
          stamp[o] = gen;
          best[o] = value;
          reached.push(o);
        } else if ((best[o] as number) < value) best[o] = value;
      }
    };
    credit(ix.regionOrgs[r] as number[], 1);
    for (const n of ix.regionNeighbours[r] as number[]) credit(ix.regionOrgs[n] as number[], NEIGHBOUR_CREDIT);
    credit(ix.nationalOrgs, NATIONAL_CREDIT);
    for (const o of reached) geo[o] = (geo[o] as number) + (best[o] as number);
  }
  for (const z of needs.members) {
    const gen = ++s.generation;
    const weight = sharedPartnerWeight(ix, z);
    for (const p of ix.orgProjects[z] as number[]) {
      if (p === project) continue;
      for (const c of ix.projectMembers[p] as number[]) {
        if (c === z || stamp[c] === gen) continue;
        stamp[c] = gen;
        net[c] = (net[c] as number) + weight;
      }
    }
  }
  for (const m of needs.members) member[m] = 1;

  const w = options.weights;
  const total = totalWeight(w) || 1;
  const wTopic = needs.topicIdfTotal > 0 ? w.topics / needs.topicIdfTotal / total : 0;
  const wSkill = needs.missingSkills.length > 0 ? w.skills / needs.missingSkills.length / total : 0;
  const wGeo = needs.targetRegions.length > 0 ? w.geography / needs.targetRegions.length / total : 0;
  const wNet = w.network / total;
  const keep = organisationFilter(ix, options.filters);
  const top = new TopK<number>(options.limit);
  let threshold = top.threshold;
  for (let o = 0; o < topic.length; o++) {
    const ne = net[o] as number;
    const score =
      wTopic * (topic[o] as number) +
      wSkill * (skill[o] as number) +
      wGeo * (geo[o] as number) +
      (ne > 0 ? wNet * (1 - Math.exp(-ne)) : 0);
    if (score > 0 && score > threshold && !member[o] && keep(o)) {
      top.offer(score, o);
      threshold = top.threshold;
    }
  }
  topic.fill(0);
  skill.fill(0);
  geo.fill(0);
  net.fill(0);
  for (const m of needs.members) member[m] = 0;

  return top.result().map(({ item: o }) => {
    const { terms, evidence } = scorePair(ix, needs, o, mode);
    return toSuggestion("organisation", ix.orgIds[o] as string, ix.orgNames[o] as string, terms, evidence, w);
  });
}
