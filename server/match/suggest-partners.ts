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
  contributions,
  type GeographyMode,
  NATIONAL_CREDIT,
  NEIGHBOUR_CREDIT,
  projectNeeds,
  scorePair,
  sharedPartnerWeight,
  sumTerms,
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
  generation: number;
  touched: Uint8Array;
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
      generation: 0,
      touched: new Uint8Array(n),
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
  const touched: number[] = [];
  const touch = (o: number) => {
    if (!s.touched[o]) {
      s.touched[o] = 1;
      touched.push(o);
    }
  };

  for (const t of ix.projectTopics[project] as number[]) {
    const idf = ix.topicIdf[t] as number;
    for (const o of ix.topicOrgs[t] as number[]) {
      touch(o);
      s.topic[o] = (s.topic[o] as number) + idf;
    }
  }
  for (const sk of needs.missingSkills) {
    for (const o of ix.skillOrgs[sk] as number[]) {
      touch(o);
      s.skill[o] = (s.skill[o] as number) + 1;
    }
  }
  for (const r of needs.targetRegions) {
    // Best reach per organisation for this län: in it, else a neighbour, else national.
    const gen = ++s.generation;
    const reached: number[] = [];
    const credit = (o: number, value: number) => {
      if (s.stamp[o] !== gen) {
        s.stamp[o] = gen;
        s.best[o] = 0;
        reached.push(o);
      }
      if ((s.best[o] as number) < value) s.best[o] = value;
    };
    for (const o of ix.regionOrgs[r] as number[]) credit(o, 1);
    for (const n of ix.regionNeighbours[r] as number[])
      for (const o of ix.regionOrgs[n] as number[]) credit(o, NEIGHBOUR_CREDIT);
    for (const o of ix.nationalOrgs) credit(o, NATIONAL_CREDIT);
    for (const o of reached) {
      touch(o);
      s.geo[o] = (s.geo[o] as number) + (s.best[o] as number);
    }
  }
  for (const z of needs.members) {
    const gen = ++s.generation;
    const weight = sharedPartnerWeight(ix, z);
    for (const p of ix.orgProjects[z] as number[]) {
      if (p === project) continue;
      for (const c of ix.projectMembers[p] as number[]) {
        if (c === z || s.stamp[c] === gen) continue;
        s.stamp[c] = gen;
        touch(c);
        s.net[c] = (s.net[c] as number) + weight;
      }
    }
  }

  const w = options.weights;
  const total = totalWeight(w) || 1;
  const keep = organisationFilter(ix, options.filters);
  const top = new TopK<number>(options.limit);
  for (const o of touched) {
    if (!needs.members.has(o) && keep(o)) {
      const score =
        (w.topics * (needs.topicIdfTotal > 0 ? (s.topic[o] as number) / needs.topicIdfTotal : 0) +
          w.skills * (needs.missingSkills.length > 0 ? (s.skill[o] as number) / needs.missingSkills.length : 0) +
          w.geography * (needs.targetRegions.length > 0 ? (s.geo[o] as number) / needs.targetRegions.length : 0) +
          w.network * (1 - Math.exp(-(s.net[o] as number)))) /
        total;
      if (score > 0) top.offer(score, o);
    }
    s.topic[o] = 0;
    s.skill[o] = 0;
    s.geo[o] = 0;
    s.net[o] = 0;
    s.touched[o] = 0;
  }

  return top.result().map(({ item: o }) => {
    const { terms, evidence } = scorePair(ix, needs, o, mode);
    const parts = contributions(terms, w);
    const id = ix.orgIds[o] as string;
    return {
      key: `organisation:${id}`,
      id,
      name: ix.orgNames[o] as string,
      score: sumTerms(parts),
      contributions: parts,
      evidence,
    };
  });
}
