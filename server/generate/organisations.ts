/** Synthetic organisations: home län by population, a home topic community, topics and skills, national hubs, funders. */
import type { Organisation, OrganisationKind } from "../../shared/schema/organisation";
import { numberer, organisationName, organisationSummary, syntheticId, syntheticSource } from "./naming";
import type { Random } from "./random";
import type { Tuning } from "./tuning";
import { WeightedSampler } from "./weighted";
import type { World } from "./world";

/** What an organisation is to the generator: ordinary, a national hub, or a funder (of the synthetic calls). */
export const Role = { Ordinary: 0, Hub: 1, Funder: 2 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The organisations plus what the project generator needs to know about each (by index). */
export interface OrganisationPlan {
  records: Organisation[];
  role: Uint8Array;
  /** Home topic community. */
  community: Int32Array;
  /** Home län (region index), or -1. */
  home: Int32Array;
  /** Every län the organisation is active in (region indices). */
  regions: number[][];
  /** Communities the organisation's topics belong to. */
  communities: number[][];
  /** Topic indices. */
  topics: number[][];
  /** Skill indices offered. */
  skills: number[][];
}

/** Organisation kinds with their relative frequencies. */
const kinds = (weights: Partial<Record<OrganisationKind, number>>) => {
  const list = Object.keys(weights) as OrganisationKind[];
  return { list, sampler: new WeightedSampler(list.map((k) => weights[k] ?? 0)) };
};

const ORDINARY_KINDS = kinds({
  association: 30,
  company: 22,
  municipality: 7,
  "local-group": 5,
  cooperative: 5,
  university: 3,
  "research-institute": 3,
  school: 6,
  region: 1.5,
  agency: 2,
  network: 5,
  foundation: 4,
  venue: 6.5,
});

const HUB_KINDS = kinds({
  agency: 20,
  network: 20,
  university: 15,
  "research-institute": 12,
  association: 12,
  foundation: 8,
  region: 8,
  company: 5,
});

/** About one funder per 7 500 organisations, at least one (when there are 20 or more), at most twelve. */
export function funderCount(organisations: number): number {
  return organisations < 20 ? 0 : Math.min(12, Math.max(1, Math.round(organisations / 7500)));
}

export function generateOrganisations(count: number, world: World, random: Random, tuning: Tuning): OrganisationPlan {
  const { regions, topics, skills } = world.taxonomy;
  const funders = funderCount(count);
  const number = numberer(count);
  const plan: OrganisationPlan = {
    records: new Array(count),
    role: new Uint8Array(count),
    community: new Int32Array(count),
    home: new Int32Array(count),
    regions: new Array(count),
    communities: new Array(count),
    topics: new Array(count),
    skills: new Array(count),
  };

  for (let i = 0; i < count; i++) {
    const role: Role = i < funders ? Role.Funder : random.chance(tuning.hubShare) ? Role.Hub : Role.Ordinary;
    const kind: OrganisationKind =
      role === Role.Funder
        ? "funder"
        : role === Role.Hub
          ? (HUB_KINDS.list[HUB_KINDS.sampler.sample(random)] as OrganisationKind)
          : (ORDINARY_KINDS.list[ORDINARY_KINDS.sampler.sample(random)] as OrganisationKind);
    const national = role !== Role.Ordinary;

    // Län: a home by population (hubs and funders: the big cities), sometimes a neighbour or another län too.
    const home = (role === Role.Ordinary ? world.regionByPopulation : world.regionForHubs).sample(random);
    const active = home < 0 ? [] : [home];
    if (home >= 0 && role === Role.Ordinary) {
      const near = world.neighbours[home] ?? [];
      if (near.length > 0 && random.chance(0.15)) active.push(random.pick(near));
      const other = random.chance(0.03) ? world.regionByPopulation.sample(random) : -1;
      if (other >= 0 && !active.includes(other)) active.push(other);
    }

    // Topics: mostly from the home community; hubs twice as many, half of them from anywhere.
    const community = world.communitySampler.sample(random);
    const own = world.communities[community];
    const topicSet = new Set<number>();
    const topicCount =
      role === Role.Ordinary
        ? 1 + random.count(tuning.topicsPerOrganisation - 1, 7)
        : 3 + random.count(2 * tuning.topicsPerOrganisation - 3, 11);
    const homeShare = role === Role.Ordinary ? 0.85 : 0.5;
    for (let attempt = 0; topicSet.size < Math.min(topicCount, topics.length) && attempt < 4 * topicCount; attempt++) {
      const local = own !== undefined && own.topics.length > 0 && random.chance(homeShare);
      const t = local ? (own.topics[own.topicSampler.sample(random)] as number) : world.anyTopic.sample(random);
      if (t >= 0) topicSet.add(t);
    }
    const topicIndices = [...topicSet];

    // Skills: Zipf-like supply; funders offer money, not skills.
    const skillCount =
      role === Role.Funder ? 0 : 1 + random.count(tuning.skillsPerOrganisation - 1 + (role === Role.Hub ? 2 : 0), 9);
    const skillIndices = [...world.skillsOffered.sampleDistinct(random, skillCount, new Set<number>())];

    const n = number(i);
    plan.records[i] = {
      id: syntheticId("organisation", n),
      name: organisationName(kind, n),
      kind,
      summary: organisationSummary(kind, home >= 0 ? regions[home]?.name : undefined, national),
      regions: active.map((r) => (regions[r] as (typeof regions)[number]).code),
      national,
      topics: topicIndices.map((t) => (topics[t] as (typeof topics)[number]).id),
      skills: skillIndices.map((s) => (skills[s] as (typeof skills)[number]).id),
      sources: [syntheticSource("organisation", n)],
      synthetic: true,
    };
    plan.role[i] = role;
    plan.community[i] = community;
    plan.home[i] = home;
    plan.regions[i] = active;
    plan.communities[i] = [...new Set([community, ...topicIndices.map((t) => world.communityOfTopic[t] as number)])];
    plan.topics[i] = topicIndices;
    plan.skills[i] = skillIndices;
  }
  return plan;
}
