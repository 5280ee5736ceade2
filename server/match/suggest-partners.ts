/**
 * Partners for a project: ranks every organisation not already in it.
 * Terms are accumulated along posting lists (only organisations that share something are touched), then the best
 * are explained by scorePair, the terms' one definition, re-ranked for variety (diversify.ts), and given a place for
 * a missing skill (skill-slot.ts). The answer also says which terms gave every candidate 0 (a slider that does nothing).
 */
import { NotFoundError } from "../../shared/errors";
import {
  type DeadTermReason,
  MATCH_TERMS,
  type MatchFilters,
  type MatchTerm,
  type PartnerSuggestions,
  type Suggestion,
  type TermStatus,
  type Weights,
} from "../../shared/schema/match";
import { organisationFilter } from "./candidate-filter";
import { DIVERSITY_PENALTY, DIVERSITY_WINDOW, diversify } from "./diversify";
import type { MatchIndex } from "./match-index";
import {
  type GeographyMode,
  NATIONAL_CREDIT,
  NEIGHBOUR_CREDIT,
  type ProjectNeeds,
  projectNeeds,
  scorePair,
  sharedEventWeight,
  sharedPartnerWeight,
  type Terms,
  toSuggestion,
  totalWeight,
} from "./pair-score";
import { missingSkillGroup, SKILL_SLOT_RATIO, skillsMissingFromTop, withSkillSlot } from "./skill-slot";
import { TopK } from "./top-k";

export class UnknownEntityError extends NotFoundError {
  override name = "UnknownEntityError";
}

/** The ranking rules beyond the weights; the evaluation switches each off to measure it. */
export interface RankingRules {
  /** diversify.ts's penalty; 0 = plain score order. */
  diversity: number;
  /** skill-slot.ts's ratio; Infinity = no slot. */
  skillSlot: number;
  /** "complement" uses "nearby" when the members already cover every län of the project. */
  geographyFallback: boolean;
}

export const DEFAULT_RANKING_RULES: RankingRules = {
  diversity: DIVERSITY_PENALTY,
  skillSlot: SKILL_SLOT_RATIO,
  geographyFallback: true,
};

export interface MatchOptions {
  weights: Weights;
  filters?: MatchFilters;
  limit: number;
  rules?: RankingRules;
}

/** Reusable per-index accumulators, so a query allocates nothing proportional to the graph. */
interface Scratch {
  topic: Float64Array;
  skill: Float64Array;
  geo: Float64Array;
  net: Float64Array;
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
      stamp: new Uint32Array(n),
      member: new Uint8Array(n),
      generation: 0,
    };
    scratches.set(ix, s);
  }
  return s;
}

/** A candidate explained: its score, terms and evidence, and what breaks ties. */
export interface Explained {
  org: number;
  id: string;
  name: string;
  score: number;
  terms: Terms;
  evidence: Suggestion["evidence"];
  /** The candidate's projects sharing a topic with this project: experience, the second tie-break. */
  experience: number;
}

/**
 * Equal scores are broken by meaning, not by index: more topic evidence first (own topics count more than
 * inherited), then more experience (projects on the project's topics), then the name (Swedish collation).
 */
export function compareExplained(a: Explained, b: Explained): number {
  return (
    b.score - a.score ||
    b.terms.topics - a.terms.topics ||
    b.experience - a.experience ||
    a.name.localeCompare(b.name, "sv")
  );
}

/** The geography mode used: "complement" falls back to "nearby" when the members cover every län (see README). */
export function geographyUsed(ix: MatchIndex, project: number, asked: GeographyMode, fallback: boolean): GeographyMode {
  if (!fallback || asked !== "complement") return asked;
  const regions = ix.projectRegions[project] as number[];
  return regions.length > 0 && projectNeeds(ix, project, asked).targetRegions.length === 0 ? "nearby" : asked;
}

function termStatus(ix: MatchIndex, project: number, needs: ProjectNeeds, any: Record<MatchTerm, boolean>) {
  const reason: Record<MatchTerm, DeadTermReason | undefined> = {
    topics: (ix.projectTopics[project] as number[]).length === 0 ? "noTopics" : undefined,
    skills:
      (ix.projectSkills[project] as number[]).length === 0
        ? "noneNeeded"
        : needs.missingSkills.length === 0
          ? "noneMissing"
          : undefined,
    geography:
      (ix.projectRegions[project] as number[]).length === 0
        ? "noRegions"
        : needs.targetRegions.length === 0
          ? "membersCoverAll"
          : undefined,
    network: undefined,
  };
  return Object.fromEntries(
    MATCH_TERMS.map((term): [MatchTerm, TermStatus] => [
      term,
      any[term] ? { active: true } : { active: false, reason: reason[term] ?? "noCandidate" },
    ]),
  ) as Record<MatchTerm, TermStatus>;
}

export function suggestPartners(ix: MatchIndex, projectId: string, options: MatchOptions): PartnerSuggestions {
  const project = ix.projectIndex.get(projectId);
  if (project === undefined) throw new UnknownEntityError("project", projectId);
  const rules = options.rules ?? DEFAULT_RANKING_RULES;
  const asked: GeographyMode = options.filters?.geography ?? "complement";
  const fallback = rules.geographyFallback && options.filters?.geographyFallback !== false;
  const mode = geographyUsed(ix, project, asked, fallback);
  const needs = projectNeeds(ix, project, mode);
  const s = scratchFor(ix);
  const { topic, skill, geo, net, stamp, member } = s;

  // Each term accumulates along posting lists: only organisations sharing something get a non-zero value.
  for (const t of ix.projectTopics[project] as number[]) {
    const idf = ix.topicIdf[t] as number;
    const orgs = ix.topicOrgs[t] as number[];
    const credits = ix.topicOrgCredit[t] as number[];
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i] as number;
      topic[o] = (topic[o] as number) + idf * (credits[i] as number);
    }
  }
  for (const sk of needs.missingSkills) {
    const orgs = ix.skillOrgs[sk] as number[];
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i] as number;
      skill[o] = (skill[o] as number) + 1;
    }
  }
  // Best reach per organisation and län: in it (1), else a neighbour (0.5), else national (0.3). Crediting in that
  // order, the first stamp is the best. National organisations get 0.3 for every län once, at the end, and give it
  // back for a län they reach better: no pass over all national organisations per län (nearby mode has many län).
  const nationalCredit = NATIONAL_CREDIT * needs.targetRegions.length;
  for (const r of needs.targetRegions) {
    const gen = ++s.generation;
    const credit = (orgs: readonly number[], value: number) => {
      for (let i = 0; i < orgs.length; i++) {
        const o = orgs[i] as number;
        if (stamp[o] === gen) continue;
        stamp[o] = gen;
        geo[o] = (geo[o] as number) + (ix.orgNational[o] ? value - NATIONAL_CREDIT : value);
      }
    };
    credit(ix.regionOrgs[r] as number[], 1);
    for (const n of ix.regionNeighbours[r] as number[]) credit(ix.regionOrgs[n] as number[], NEIGHBOUR_CREDIT);
  }
  if (nationalCredit > 0) for (const o of ix.nationalOrgs) geo[o] = (geo[o] as number) + nationalCredit;
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
  // Events a member took part in: each counts once for every other organisation that was there too.
  const memberEvents = new Set<number>();
  for (const z of needs.members) for (const e of ix.orgEvents[z] as number[]) memberEvents.add(e);
  for (const e of memberEvents) {
    const weight = sharedEventWeight(ix, e);
    for (const c of ix.eventAttendees[e] as number[]) net[c] = (net[c] as number) + weight;
  }
  for (const m of needs.members) member[m] = 1;

  const w = options.weights;
  const total = totalWeight(w) || 1;
  const wTopic = needs.topicIdfTotal > 0 ? w.topics / needs.topicIdfTotal / total : 0;
  const wSkill = needs.missingSkills.length > 0 ? w.skills / needs.missingSkills.length / total : 0;
  const wGeo = needs.targetRegions.length > 0 ? w.geography / needs.targetRegions.length / total : 0;
  const wNet = w.network / total;
  const keep = organisationFilter(ix, options.filters);
  const scoreOf = (o: number) => {
    const ne = net[o] as number;
    return (
      wTopic * (topic[o] as number) +
      wSkill * (skill[o] as number) +
      wGeo * (geo[o] as number) +
      (ne > 0 ? wNet * (1 - Math.exp(-ne)) : 0)
    );
  };
  // A few more than asked are explained, so that re-ranking has candidates to bring up.
  const top = new TopK<number>(Math.max(options.limit, DIVERSITY_WINDOW));
  let threshold = top.threshold;
  const any: Record<MatchTerm, boolean> = { topics: false, skills: false, geography: false, network: false };
  // keep() (the user's filters) is the costly check: asked only of organisations that could enter the list, or that
  // could show a term still unseen to be alive (a handful, since each term is usually seen at once).
  let unseen = 4;
  for (let o = 0; o < topic.length; o++) {
    const to = topic[o] as number;
    const sk = skill[o] as number;
    const ge = geo[o] as number;
    const ne = net[o] as number;
    const score = wTopic * to + wSkill * sk + wGeo * ge + (ne > 0 ? wNet * (1 - Math.exp(-ne)) : 0);
    if (score <= 0 || member[o]) continue;
    const enters = score > threshold;
    if (!enters && unseen === 0) continue;
    const reveals =
      (to > 0 && !any.topics) || (sk > 0 && !any.skills) || (ge > 0 && !any.geography) || (ne > 0 && !any.network);
    if (!enters && !reveals) continue;
    if (!keep(o)) continue;
    if (reveals) {
      if (to > 0) any.topics = true;
      if (sk > 0) any.skills = true;
      if (ge > 0) any.geography = true;
      if (ne > 0) any.network = true;
      unseen = MATCH_TERMS.filter((term) => !any[term]).length;
    }
    if (enters) {
      top.offer(score, o);
      threshold = top.threshold;
    }
  }
  // The best candidate offering each missing skill, wherever it ranks (it may be far outside the explained few).
  const skillBest = needs.missingSkills.map((sk) => {
    let bestOrg = -1;
    let bestScore = 0;
    for (const o of ix.skillOrgs[sk] as number[]) {
      if (member[o]) continue;
      const score = scoreOf(o);
      if (score > bestScore && keep(o)) {
        bestScore = score;
        bestOrg = o;
      }
    }
    return bestOrg;
  });
  topic.fill(0);
  skill.fill(0);
  geo.fill(0);
  net.fill(0);
  for (const m of needs.members) member[m] = 0;

  const explainOrg = (o: number): Explained => {
    const { terms, evidence } = scorePair(ix, needs, o, mode);
    const suggestion = toSuggestion(
      "organisation",
      ix.orgIds[o] as string,
      ix.orgNames[o] as string,
      terms,
      evidence,
      w,
    );
    const own = new Set(ix.projectTopics[project] as number[]);
    const experience = (ix.orgProjects[o] as number[]).filter((p) =>
      (ix.projectTopics[p] as number[]).some((t) => own.has(t)),
    ).length;
    return { org: o, id: suggestion.id, name: suggestion.name, score: suggestion.score, terms, evidence, experience };
  };
  const explained = top.result().map(({ item }) => explainOrg(item));
  explained.sort(compareExplained);
  const coMembers = (a: Explained, b: Explained) =>
    (ix.orgProjects[a.org] as number[]).some(
      (p) => p !== project && (ix.projectMembers[p] as number[]).includes(b.org),
    );
  const diverse = diversify(explained, rules.diversity, coMembers);
  const offersMissing = (o: number) => needs.missingSkills.some((sk) => (ix.orgSkills[o] as number[]).includes(sk));
  const candidates = skillBest.filter((o) => o >= 0).map((o) => diverse.find((c) => c.org === o) ?? explainOrg(o));
  const ranked = withSkillSlot(diverse, candidates, offersMissing, rules.skillSlot).slice(0, options.limit);
  const skillsOf = (o: number) => ix.orgSkills[o] as number[];
  const group = missingSkillGroup(needs.missingSkills, skillBest, ranked, skillsOf);
  const skillItem = (sk: number) => ({
    id: ix.skillIds[sk] as string,
    label: ix.skillLabels[sk] as { sv: string; en: string },
  });
  const toApi = (c: Explained & { sameEvidenceAs?: Suggestion["sameEvidenceAs"] }): Suggestion => ({
    ...toSuggestion("organisation", c.id, c.name, c.terms, c.evidence, w),
    ...(c.sameEvidenceAs ? { sameEvidenceAs: c.sameEvidenceAs } : {}),
  });
  return {
    suggestions: ranked.map(toApi),
    terms: termStatus(ix, project, needs, any),
    geography: { asked, used: mode },
    missingSkills: needs.missingSkills.map(skillItem),
    fillsMissingSkill: group.map((o) => toApi(candidates.find((c) => c.org === o) ?? explainOrg(o))),
    missingFromTopFive: skillsMissingFromTop(needs.missingSkills, skillBest, ranked, skillsOf).map(skillItem),
  };
}
