/**
 * How much a topic counts for an organisation: the one definition of "direct" versus "inherited" evidence, used by
 * partner suggestions, projects to join and coverage's gap fillers alike.
 *
 * - A topic the organisation itself lists is direct evidence: credit 1.
 * - A topic it only has through projects is inherited: `inherited × min(1, Σ m^−dilution)` over those projects, m
 *   being each project's number of members. With the defaults (0.5, dilution 1), one partner among six in one
 *   project gets 0.5 / 6 ≈ 0.08, one of two 0.25, the sole member 0.5. Several projects add up, never beyond
 *   `inherited`: experience counts, but no amount of it makes a topic the organisation's own.
 */
import type { MatchIndex } from "./match-index";

export interface EvidenceRule {
  /** Credit of an inherited topic at most (a direct topic has 1). */
  inherited: number;
  /** How fast an inherited topic's credit shrinks with the number of members of the project it comes from. */
  dilution: number;
}

/** Chosen on the tuning half of the seed (`npm run evaluate -- --tune`, see README). */
export const DEFAULT_EVIDENCE_RULE: EvidenceRule = { inherited: 0.5, dilution: 1 };

/** The rule that ignores directness (every topic counts fully): the evaluation's "without direct/inherited". */
export const FLAT_EVIDENCE_RULE: EvidenceRule = { inherited: 1, dilution: 0 };

/** An organisation's topic profile: every topic it works on, own ones first, each with its credit and source. */
export interface TopicProfile {
  topics: number[];
  credit: number[];
  /** −1 for an own topic; else the project it is inherited through (the one giving most credit). */
  source: number[];
}

/** Scratch arrays sized by topic count, reused across organisations (the build runs over 100k of them). */
export interface ProfileScratch {
  slot: Int32Array;
  stamp: Int32Array;
  projectStamp: Int32Array;
  generation: number;
}

export const profileScratch = (topics: number, projects: number): ProfileScratch => ({
  slot: new Int32Array(topics),
  stamp: new Int32Array(topics),
  projectStamp: new Int32Array(projects),
  generation: 0,
});

/** Distinct members of a project: the m of the rule. */
export function memberCount(ix: Pick<MatchIndex, "projectMembers">, project: number): number {
  const members = ix.projectMembers[project] as number[];
  if (members.length < 2) return members.length;
  return new Set(members).size;
}

export function topicProfile(
  ix: Pick<MatchIndex, "orgProjects" | "projectTopics" | "projectMembers">,
  org: number,
  own: readonly number[],
  rule: EvidenceRule,
  scratch: ProfileScratch,
): TopicProfile {
  const gen = ++scratch.generation;
  const topics: number[] = [];
  const credit: number[] = [];
  const source: number[] = [];
  // Per inherited topic: Σ m^−dilution so far, and the best single project's share (its source).
  const sum: number[] = [];
  const best: number[] = [];
  for (const t of own) {
    if (scratch.stamp[t] === gen) continue;
    scratch.stamp[t] = gen;
    scratch.slot[t] = topics.length;
    topics.push(t);
    credit.push(1);
    source.push(-1);
    sum.push(Number.POSITIVE_INFINITY);
    best.push(Number.POSITIVE_INFINITY);
  }
  for (const p of ix.orgProjects[org] as number[]) {
    if (scratch.projectStamp[p] === gen) continue; // a project listed twice (lead and partner) counts once
    scratch.projectStamp[p] = gen;
    const share = memberCount(ix, p) ** -rule.dilution;
    for (const t of ix.projectTopics[p] as number[]) {
      if (scratch.stamp[t] !== gen) {
        scratch.stamp[t] = gen;
        scratch.slot[t] = topics.length;
        topics.push(t);
        credit.push(0);
        source.push(p);
        sum.push(0);
        best.push(0);
      }
      const i = scratch.slot[t] as number;
      if (source[i] === -1) continue;
      sum[i] = (sum[i] as number) + share;
      if (share > (best[i] as number)) {
        best[i] = share;
        source[i] = p;
      }
    }
  }
  for (let i = 0; i < topics.length; i++)
    if (source[i] !== -1) credit[i] = rule.inherited * Math.min(1, sum[i] as number);
  return { topics, credit, source };
}
