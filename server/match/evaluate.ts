/**
 * Leave-one-out evaluation of partner suggestions: hide one real organisation–project link, ask for partners of the
 * project, and see where the hidden organisation ranks. Pure: data set in, metrics out.
 */
import { createHash } from "node:crypto";
import type { Dataset } from "../../shared/schema/dataset";
import { DEFAULT_WEIGHTS, type PartnerSuggestions, type Weights } from "../../shared/schema/match";
import { Random } from "../generate/random";
import { buildGraph } from "../graph/build";
import { evidenceKeys } from "./diversify";
import { buildMatchIndex, type MatchIndex } from "./match-index";
import { DEFAULT_RANKING_RULES, type RankingRules, suggestPartners } from "./suggest-partners";
import { DEFAULT_EVIDENCE_RULE, type EvidenceRule, FLAT_EVIDENCE_RULE } from "./topic-credit";

export interface HiddenLink {
  project: string;
  organisation: string;
}

/**
 * Ranks every candidate organisation for a project, best first; what each method under test provides. A ranker may
 * name the evidence rule its index is built with (the default otherwise).
 */
export type Ranker = ((ix: MatchIndex, projectId: string) => string[]) & { evidenceRule?: EvidenceRule };

/**
 * The fixed split of projects: the first byte of SHA-256 of the project id, below 128 for the tuning half, else
 * held out. Defaults are tuned on the tuning half only; the held-out half is reported on its own.
 */
export type Half = "tuning" | "held-out";
export const halfOf = (projectId: string): Half =>
  (createHash("sha256").update(projectId).digest()[0] as number) < 128 ? "tuning" : "held-out";
export const linksIn = (links: HiddenLink[], half: Half) => links.filter((l) => halfOf(l.project) === half);

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

/** The rules all off and every topic counting fully: the ranking as it was before (for baselines and ablations). */
export const PLAIN_RULES: RankingRules = {
  diversity: 0,
  skillSlot: Number.POSITIVE_INFINITY,
  geographyFallback: false,
};

export function engineRanker(
  weights: Weights = DEFAULT_WEIGHTS,
  rules: RankingRules = DEFAULT_RANKING_RULES,
  evidenceRule: EvidenceRule = DEFAULT_EVIDENCE_RULE,
): Ranker {
  const ranker: Ranker = (ix, projectId) =>
    suggestPartners(ix, projectId, { weights, rules, limit: ix.orgIds.length }).suggestions.map((s) => s.id);
  ranker.evidenceRule = evidenceRule;
  return ranker;
}

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
    const graph = buildGraph(withoutLink(data, link));
    const indexes = new Map<EvidenceRule, MatchIndex>();
    const indexFor = (rule: EvidenceRule) => {
      let ix = indexes.get(rule);
      if (!ix) {
        ix = buildMatchIndex(graph, rule);
        indexes.set(rule, ix);
      }
      return ix;
    };
    const candidateCount = candidates(indexFor(DEFAULT_EVIDENCE_RULE), link.project).length;
    for (const [name, ranker] of Object.entries(rankers)) {
      const ix = indexFor(ranker.evidenceRule ?? DEFAULT_EVIDENCE_RULE);
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

/** Weights with one term only. */
export const only = (term: keyof Weights): Weights => ({ topics: 0, skills: 0, geography: 0, network: 0, [term]: 1 });

/**
 * The standard line-up: the engine against random, popularity, and the single terms as they ranked before this
 * engine's rules (every topic counting fully, no re-ranking): what a simple matcher would do.
 */
export function standardRankers(
  weights: Weights = DEFAULT_WEIGHTS,
  rules: RankingRules = DEFAULT_RANKING_RULES,
  evidenceRule: EvidenceRule = DEFAULT_EVIDENCE_RULE,
): Record<string, Ranker> {
  return {
    engine: engineRanker(weights, rules, evidenceRule),
    random: randomRanker,
    popularity: popularityRanker,
    "topics only": engineRanker(only("topics"), PLAIN_RULES, FLAT_EVIDENCE_RULE),
    "geography only": engineRanker(only("geography"), PLAIN_RULES, FLAT_EVIDENCE_RULE),
  };
}

/** The engine without each term, and without each rule: what each part is worth. */
export function ablationRankers(
  weights: Weights = DEFAULT_WEIGHTS,
  rules: RankingRules = DEFAULT_RANKING_RULES,
  evidenceRule: EvidenceRule = DEFAULT_EVIDENCE_RULE,
): Record<string, Ranker> {
  const without = (term: keyof Weights): Weights => ({ ...weights, [term]: 0 });
  return {
    "without topics": engineRanker(without("topics"), rules, evidenceRule),
    "without skills": engineRanker(without("skills"), rules, evidenceRule),
    "without geography": engineRanker(without("geography"), rules, evidenceRule),
    "without network": engineRanker(without("network"), rules, evidenceRule),
    "without direct/inherited": engineRanker(weights, rules, FLAT_EVIDENCE_RULE),
    "without diversity": engineRanker(weights, { ...rules, diversity: 0 }, evidenceRule),
    "without skill slot": engineRanker(weights, { ...rules, skillSlot: Number.POSITIVE_INFINITY }, evidenceRule),
    "without nearby fallback": engineRanker(weights, { ...rules, geographyFallback: false }, evidenceRule),
    "before this issue": engineRanker(weights, PLAIN_RULES, FLAT_EVIDENCE_RULE),
  };
}

export interface ListQuality {
  projects: number;
  /** Mean number of distinct sources of the top five's evidence (see `sourceOf`), at most 5. */
  diversity: number;
  /** Top fives with 3 or more co-members of one other project whose evidence is identical (the rule: 0). */
  blocks: number;
  /** Projects with a missing skill that some candidate offers. */
  skillProjects: number;
  /** Share of those whose top five holds an organisation offering a missing skill. */
  skillFill: number;
  /** The same, counting the "Fills a missing skill" group as shown. */
  skillFillWithGroup: number;
}

/**
 * Where a suggestion's evidence comes from: the project its topics are inherited through when it has no topic of its
 * own (its strongest inherited topic's project), else the organisation itself (own topics, its län, its skills).
 */
export function sourceOf(s: PartnerSuggestions["suggestions"][number]): string {
  const topics = s.evidence.topics;
  if (topics.length > 0 && topics.every((t) => !t.direct)) return `project:${topics[0]?.project?.id}`;
  return `self:${s.id}`;
}

/** 3 or more of the list that are members of one project other than `project`, with identical evidence. */
export function hasBlock(ix: MatchIndex, project: string, list: PartnerSuggestions["suggestions"]): boolean {
  const groups = new Map<string, number>();
  for (const s of list) {
    const signature = evidenceKeys(s.evidence).sort().join("|");
    const o = ix.orgIndex.get(s.id) as number;
    for (const p of new Set(ix.orgProjects[o] as number[])) {
      if (ix.projectIds[p] === project) continue;
      const key = `${p}#${signature}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  return [...groups.values()].some((n) => n >= 3);
}

/** The quality of the default lists themselves (no link hidden) for the given projects: variety and skills. */
export function listQuality(
  data: Dataset,
  projectIds: readonly string[],
  weights: Weights = DEFAULT_WEIGHTS,
  rules: RankingRules = DEFAULT_RANKING_RULES,
  evidenceRule: EvidenceRule = DEFAULT_EVIDENCE_RULE,
): ListQuality {
  const ix = buildMatchIndex(buildGraph(data), evidenceRule);
  let diversity = 0;
  let blocks = 0;
  let skillProjects = 0;
  let filled = 0;
  let filledWithGroup = 0;
  for (const id of projectIds) {
    const answer = suggestPartners(ix, id, { weights, rules, limit: 10 });
    const top = answer.suggestions.slice(0, 5);
    diversity += new Set(top.map(sourceOf)).size;
    if (hasBlock(ix, id, top)) blocks++;
    const missing = new Set(answer.missingSkills.map((x) => x.id));
    const offers = (org: string) =>
      (ix.orgSkills[ix.orgIndex.get(org) as number] as number[]).some((sk) => missing.has(ix.skillIds[sk] as string));
    // Only projects whose missing skill someone can fill count: the best offer is in the list or the group.
    const fillable = missing.size > 0 && [...answer.suggestions, ...answer.fillsMissingSkill].some((s) => offers(s.id));
    if (!fillable) continue;
    skillProjects++;
    if (top.some((s) => offers(s.id))) filled++;
    if (top.some((s) => offers(s.id)) || answer.fillsMissingSkill.length > 0) filledWithGroup++;
  }
  const n = projectIds.length || 1;
  return {
    projects: projectIds.length,
    diversity: diversity / n,
    blocks,
    skillProjects,
    skillFill: skillProjects ? filled / skillProjects : 1,
    skillFillWithGroup: skillProjects ? filledWithGroup / skillProjects : 1,
  };
}
