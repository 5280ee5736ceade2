/**
 * Who could fill a gap (län, topic): organisations that work on the topic and reach the län from a neighbouring
 * län or nationally, but are not active in it yet. Each is scored and explained by the partner matching's own terms
 * (scorePair), as if the gap were a project about the topic, in the län, whose members are the organisations
 * already active there: the topic term, the geography term (0.5 from a neighbour, 0.3 national) and the network
 * term (having worked with someone already in the län) then mean what they mean for partner suggestions.
 * Candidates are ranked on the terms' values accumulated along posting lists (as suggestPartners does); the ones
 * returned are scored and explained by scorePair itself, and the tests check that both agree.
 */
import { NotFoundError } from "../../shared/errors";
import type { CoverageFillers } from "../../shared/schema/coverage";
import { DEFAULT_WEIGHTS, type Suggestion, type Weights } from "../../shared/schema/match";
import { organisationFilter } from "../match/candidate-filter";
import type { MatchIndex } from "../match/match-index";
import {
  contributions,
  type ProjectNeeds,
  regionReach,
  scorePair,
  sharedPartnerWeight,
  sumTerms,
} from "../match/pair-score";
import { topicRef } from "./by-region";
import type { CoverageInput } from "./coverage-input";
import { coverageMatrix } from "./matrix";

export interface FillerOptions {
  limit: number;
  weights?: Weights;
}

/** The gap as a virtual project one past the real ones: the index seen with that project's topic added. */
export function gapAsProject(ix: MatchIndex, region: number, topic: number): { view: MatchIndex; needs: ProjectNeeds } {
  const project = ix.projectIds.length;
  const view: MatchIndex = { ...ix, projectTopics: [...ix.projectTopics, [topic]] };
  const members = new Set((ix.regionOrgs[region] as number[]).filter((o) => ix.orgKinds[o] !== "funder"));
  return {
    view,
    needs: {
      project,
      members,
      missingSkills: [],
      targetRegions: [region],
      topicIdfTotal: ix.topicIdf[topic] as number,
    },
  };
}

/**
 * Adamic–Adar sums, per organisation, over the gap's members it has worked with: the network term's input,
 * accumulated along the members' projects so that only their collaborators are touched.
 */
function networkSums(ix: MatchIndex, members: ReadonlySet<number>): Map<number, number> {
  const sums = new Map<number, number>();
  for (const z of members) {
    const weight = sharedPartnerWeight(ix, z);
    const seen = new Set<number>();
    for (const p of ix.orgProjects[z] as number[]) {
      for (const c of ix.projectMembers[p] as number[]) {
        if (c === z || seen.has(c)) continue;
        seen.add(c);
        sums.set(c, (sums.get(c) ?? 0) + weight);
      }
    }
  }
  return sums;
}

/** How many of the organisation's projects are about the topic: breaks ties in favour of experience. */
const experience = (ix: MatchIndex, org: number, topic: number): number =>
  (ix.orgProjects[org] as number[]).filter((p) => (ix.projectTopics[p] as number[]).includes(topic)).length;

export function gapFillers(
  ix: MatchIndex,
  input: CoverageInput,
  regionCode: string,
  topicId: string,
  options: FillerOptions,
): CoverageFillers {
  const regionRecord = input.regions.find((r) => r.code === regionCode);
  const region = ix.regionCodes.indexOf(regionCode);
  if (!regionRecord || region < 0) throw new NotFoundError("region", regionCode);
  const topic = topicRef(input, topicId);
  const t = ix.topicIds.indexOf(topicId);
  if (t < 0) throw new NotFoundError("topic", topicId);

  const { view, needs } = gapAsProject(ix, region, t);
  const keep = organisationFilter(ix, undefined);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const network = networkSums(ix, needs.members);
  // Rank every candidate by the terms' values (the topic term is the organisation's credit for the one topic: 1 when
  // it is its own, less when inherited from a project, as in partner suggestions), then let scorePair, the terms' one
  // definition, score and explain the few that are shown.
  const ranked: { org: number; score: number; topic: number; experience: number; name: string }[] = [];
  const orgs = ix.topicOrgs[t] as number[];
  const credits = ix.topicOrgCredit[t] as number[];
  for (let i = 0; i < orgs.length; i++) {
    const o = orgs[i] as number;
    if (!keep(o) || needs.members.has(o)) continue;
    const reach = regionReach(ix, o, region);
    if (reach.credit === 0) continue;
    const terms = {
      topics: credits[i] as number,
      skills: 0,
      geography: reach.credit,
      network: 1 - Math.exp(-(network.get(o) ?? 0)),
    };
    ranked.push({
      org: o,
      score: sumTerms(contributions(terms, weights)),
      topic: terms.topics,
      experience: experience(ix, o, t),
      name: ix.orgNames[o] as string,
    });
  }
  // The same tie-breaks as partner suggestions (compareExplained): direct evidence, then experience, then the name.
  ranked.sort(
    (a, b) =>
      b.score - a.score || b.topic - a.topic || b.experience - a.experience || a.name.localeCompare(b.name, "sv"),
  );
  const suggestions = ranked.slice(0, options.limit).map(({ org }): Suggestion => {
    const { terms, evidence } = scorePair(view, needs, org, "complement");
    const parts = contributions(terms, weights);
    const id = ix.orgIds[org] as string;
    return {
      key: `organisation:${id}`,
      id,
      name: ix.orgNames[org] as string,
      score: sumTerms(parts),
      contributions: parts,
      evidence,
    };
  });

  const matrix = coverageMatrix(input);
  const row = matrix.regions.findIndex((r) => r.code === regionCode);
  const column = matrix.topics.findIndex((x) => x.id === topicId);
  const cell = matrix.cells[row]?.[column];
  if (!cell) throw new NotFoundError("region", regionCode);
  return {
    region: { code: regionRecord.code, name: regionRecord.name },
    topic,
    cell: { counts: cell.counts, activity: cell.activity, gap: cell.gap },
    suggestions,
  };
}
