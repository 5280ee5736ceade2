/** The hidden structure behind a synthetic data set: topic communities, län weights and neighbours, skill frequencies. */
import type { Region } from "../../shared/schema/region";
import type { Skill } from "../../shared/schema/skill";
import type { Topic } from "../../shared/schema/topic";
import type { Random } from "./random";
import { WeightedSampler, zipfWeights } from "./weighted";

/** The real facts a synthetic data set is built on: the 21 län, the topics and the skills. */
export interface Taxonomy {
  regions: readonly Region[];
  topics: readonly Topic[];
  skills: readonly Skill[];
}

/** A group of topics that tend to go together; organisations and projects mostly stay inside one. */
export interface Community {
  /** Topic indices, most popular first. */
  topics: number[];
  /** Picks one of `topics` (an index into it) with Zipf-like popularity. */
  topicSampler: WeightedSampler;
}

export interface World {
  taxonomy: Taxonomy;
  /** Region index → indices of the län it borders. */
  neighbours: number[][];
  /** Home län of an ordinary organisation: in proportion to population. */
  regionByPopulation: WeightedSampler;
  /** Home län of a national hub: population^1.5, so hubs crowd into the big cities. */
  regionForHubs: WeightedSampler;
  communities: Community[];
  /** Topic index → its community. */
  communityOfTopic: Int32Array;
  /** Picks a community: a few big ones and some niches. */
  communitySampler: WeightedSampler;
  /** Picks any topic by overall popularity. */
  anyTopic: WeightedSampler;
  /** Skill frequencies among organisations (Zipf-like: a few skills are everywhere, most are rare)… */
  skillsOffered: WeightedSampler;
  /** …and among projects, correlated with supply but not the same ranking. */
  skillsNeeded: WeightedSampler;
}

/** A handful of communities: about five topics each, between two and eight of them. */
export function communityCount(topicCount: number): number {
  if (topicCount <= 1) return 1;
  return Math.min(8, Math.max(2, Math.round(topicCount / 5)));
}

/** Ranks 0…n−1 shuffled, then nudged: the result keeps some of the order of `ranks` (when given) but not all of it. */
function reorder(random: Random, n: number, ranks?: readonly number[]): number[] {
  const items = Array.from({ length: n }, (_, i) => i);
  if (ranks === undefined) return random.shuffle(items);
  const key = ranks.map((r) => r + random.float() * n * 0.5);
  return items.sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
}

export function buildWorld(taxonomy: Taxonomy, random: Random): World {
  const { regions, topics, skills } = taxonomy;
  const indexOfCode = new Map(regions.map((r, i) => [r.code, i]));
  const neighbours = regions.map((r) =>
    r.neighbours.map((code) => indexOfCode.get(code)).filter((i): i is number => i !== undefined),
  );
  const population = regions.map((r) => r.population.count);

  // Topics: shuffled, dealt round-robin into communities, each community's topics by Zipf popularity.
  const k = communityCount(topics.length);
  const order = random.shuffle(Array.from({ length: topics.length }, (_, i) => i));
  const members: number[][] = Array.from({ length: k }, () => []);
  order.forEach((t, i) => {
    members[i % k]?.push(t);
  });
  const communityOfTopic = new Int32Array(topics.length);
  const communities = members.map((list, c) => {
    for (const t of list) communityOfTopic[t] = c;
    return { topics: list, topicSampler: new WeightedSampler(zipfWeights(list.length, 0.8)) };
  });
  const communityWeights = zipfWeights(k, 0.6);
  const topicWeights = new Array<number>(topics.length).fill(0);
  communities.forEach((community, c) => {
    const within = zipfWeights(community.topics.length, 0.8);
    const sum = within.reduce((a, b) => a + b, 0);
    community.topics.forEach((t, i) => {
      topicWeights[t] = ((communityWeights[c] as number) * (within[i] as number)) / sum;
    });
  });

  // Skills: a Zipf ranking for supply, a nudged version of it for demand.
  const offeredRank = new Array<number>(skills.length);
  reorder(random, skills.length).forEach((skill, rank) => {
    offeredRank[skill] = rank;
  });
  const neededRank = new Array<number>(skills.length);
  reorder(random, skills.length, offeredRank).forEach((skill, rank) => {
    neededRank[skill] = rank;
  });
  const byRank = (ranks: number[], exponent: number) => ranks.map((r) => 1 / (r + 1) ** exponent);

  return {
    taxonomy,
    neighbours,
    regionByPopulation: new WeightedSampler(population),
    regionForHubs: new WeightedSampler(population.map((p) => p ** 1.5)),
    communities,
    communityOfTopic,
    communitySampler: new WeightedSampler(communityWeights),
    anyTopic: new WeightedSampler(topicWeights),
    skillsOffered: new WeightedSampler(byRank(offeredRank, 1)),
    skillsNeeded: new WeightedSampler(byRank(neededRank, 0.9)),
  };
}
