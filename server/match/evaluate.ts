/**
 * Leave-one-out evaluation of partner suggestions: hide one real organisation–project link, ask for partners of the
 * project, and see where the hidden organisation ranks. Pure: data set in, metrics out.
 */
import type { Dataset } from "../../shared/schema/dataset";
import { DEFAULT_WEIGHTS, type Weights } from "../../shared/schema/match";
import { Random } from "../generate/random";
import { buildGraph } from "../graph/build";
import { buildMatchIndex, type MatchIndex } from "./match-index";
import { suggestPartners } from "./suggest-partners";

export interface HiddenLink {
  project: string;
  organisation: string;
}

/** Ranks every candidate organisation for a project, best first; what each method under test provides. */
export type Ranker = (ix: MatchIndex, projectId: string) => string[];

export interface Metrics {
  links: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  ndcgAt10: number;
}

/** Every organisation–project link (lead or partner), in data order. */
export function allLinks(data: Dataset): HiddenLink[] {
  return data.projects.flatMap((p) =>
    [...(p.lead ? [p.lead] : []), ...p.partners].map((organisation) => ({ project: p.id, organisation })),
  );
}

/** The data set with one link removed (the lead, or one partner). */
export function withoutLink(data: Dataset, link: HiddenLink): Dataset {
  return {
    ...data,
    projects: data.projects.map((p) => {
      if (p.id !== link.project) return p;
      const { lead, ...rest } = p;
      return lead === link.organisation
        ? { ...rest, partners: p.partners }
        : { ...p, partners: p.partners.filter((o) => o !== link.organisation) };
    }),
  };
}

/** A deterministic sample of k links (all of them if there are fewer). */
export function sampleLinks(links: HiddenLink[], k: number, seed: number): HiddenLink[] {
  if (links.length <= k) return links;
  return Random.fromSeed(seed)
    .shuffle([...links])
    .slice(0, k);
}

/** Candidates every method ranks: organisations not in the project and not funders. */
function candidates(ix: MatchIndex, projectId: string): number[] {
  const members = new Set(ix.projectMembers[ix.projectIndex.get(projectId) as number]);
  const result: number[] = [];
  for (let o = 0; o < ix.orgIds.length; o++) if (!members.has(o) && ix.orgKinds[o] !== "funder") result.push(o);
  return result;
}

export const engineRanker =
  (weights: Weights = DEFAULT_WEIGHTS): Ranker =>
  (ix, projectId) =>
    suggestPartners(ix, projectId, { weights, limit: ix.orgIds.length }).map((s) => s.id);

export const popularityRanker: Ranker = (ix, projectId) =>
  candidates(ix, projectId)
    .filter((o) => (ix.orgProjects[o] as number[]).length > 0)
    .sort((a, b) => (ix.orgProjects[b] as number[]).length - (ix.orgProjects[a] as number[]).length)
    .map((o) => ix.orgIds[o] as string);

/** Ranks nothing: every candidate ties, so the hidden one lands at the expected rank of a random order. */
export const randomRanker: Ranker = () => [];

/** Rank of the hidden organisation; one not ranked sits at the expected place among the unranked rest. */
export function rankOf(ranking: string[], hidden: string, candidateCount: number): number {
  const i = ranking.indexOf(hidden);
  if (i >= 0) return i + 1;
  return ranking.length + (candidateCount - ranking.length + 1) / 2;
}

export function evaluate(data: Dataset, links: HiddenLink[], rankers: Record<string, Ranker>): Record<string, Metrics> {
  const sums = Object.fromEntries(Object.keys(rankers).map((name) => [name, { r5: 0, r10: 0, rr: 0, ndcg: 0 }]));
  for (const link of links) {
    const ix = buildMatchIndex(buildGraph(withoutLink(data, link)));
    const candidateCount = candidates(ix, link.project).length;
    for (const [name, ranker] of Object.entries(rankers)) {
      const rank = rankOf(ranker(ix, link.project), link.organisation, candidateCount);
      const s = sums[name] as { r5: number; r10: number; rr: number; ndcg: number };
      if (rank <= 5) s.r5++;
      if (rank <= 10) {
        s.r10++;
        s.ndcg += 1 / Math.log2(rank + 1);
      }
      s.rr += 1 / rank;
    }
  }
  const n = links.length || 1;
  return Object.fromEntries(
    Object.entries(sums).map(([name, s]) => [
      name,
      { links: links.length, recallAt5: s.r5 / n, recallAt10: s.r10 / n, mrr: s.rr / n, ndcgAt10: s.ndcg / n },
    ]),
  );
}

/** The standard line-up: the engine against random, popularity, topic-only and geography-only. */
export function standardRankers(weights: Weights = DEFAULT_WEIGHTS): Record<string, Ranker> {
  const only = (term: keyof Weights): Weights => ({ topics: 0, skills: 0, geography: 0, network: 0, [term]: 1 });
  return {
    engine: engineRanker(weights),
    random: randomRanker,
    popularity: popularityRanker,
    "topics only": engineRanker(only("topics")),
    "geography only": engineRanker(only("geography")),
  };
}
