/** Synthetic projects: a lead by preferential attachment in a topic community, partners mostly near it and in it, hubs. */
import type { Project, ProjectStatus } from "../../shared/schema/project";
import type { FundingPlan } from "./funding";
import { numberer, projectName, projectSummary, syntheticId, syntheticSource } from "./naming";
import { type OrganisationPlan, Role } from "./organisations";
import type { Random } from "./random";
import { FIRST_YEAR, REFERENCE_YEAR, type Tuning } from "./tuning";
import { Urn } from "./urn";
import { WeightedSampler } from "./weighted";
import type { World } from "./world";

const MAX_PARTNERS = 40;
/** Share of projects led by a national hub. */
const HUB_LEAD_SHARE = 0.06;
const HUB_START_TICKETS = 8;

/** Cumulative shares of partner slots: hub, same län, neighbouring län, same community (the rest: anyone). */
type PartnerMix = [number, number, number, number];

/** The urns partners and leads are drawn from; every participation adds a ticket to each urn the organisation is in. */
class Pools {
  readonly community: Urn[];
  /** Community × län: ordinary organisations of a community active in a län. */
  readonly local: Urn[];
  readonly hubs: Urn[];
  readonly anyone = new Urn();
  private readonly memberships: Urn[][];

  constructor(
    orgs: OrganisationPlan,
    private readonly regionCount: number,
    communityCount: number,
  ) {
    this.community = Array.from({ length: communityCount }, () => new Urn());
    this.local = Array.from({ length: communityCount * regionCount }, () => new Urn());
    this.hubs = Array.from({ length: communityCount }, () => new Urn());
    this.memberships = orgs.records.map((_, i) => {
      const c = orgs.community[i] as number;
      if (orgs.role[i] === Role.Funder) return [];
      if (orgs.role[i] === Role.Hub)
        return [...(orgs.communities[i] as number[]).map((k) => this.hubs[k] as Urn), this.anyone];
      return [this.community[c] as Urn, ...(orgs.regions[i] as number[]).map((r) => this.localUrn(c, r)), this.anyone];
    });
    // Hubs start with several tickets: they are popular from the outset, so attachment among them is less of a lottery.
    this.memberships.forEach((urns, i) => {
      for (const urn of urns) urn.add(i, orgs.role[i] === Role.Hub ? HUB_START_TICKETS : 1);
    });
  }

  localUrn(community: number, region: number): Urn {
    return this.local[community * this.regionCount + region] as Urn;
  }

  /** Rich get richer: one more ticket in every urn the organisation is in. */
  reward(org: number): void {
    for (const urn of this.memberships[org] as Urn[]) urn.add(org);
  }

  /** One partner for a project of community `c` led from län `home`: a hub, a local, a neighbour, the community, anyone. */
  drawPartner(random: Random, mix: PartnerMix, c: number, home: number, near: readonly number[]): number {
    const [toHub, toLocal, toNeighbour, toCommunity] = mix;
    const u = random.float();
    if (u < toHub) return this.drawFrom(random, this.hubs[c], this.anyone);
    if (u < toLocal && home >= 0) return this.drawFrom(random, this.localUrn(c, home), this.community[c], this.anyone);
    if (u < toNeighbour && near.length > 0)
      return this.drawFrom(random, this.localUrn(c, random.pick(near)), this.community[c], this.anyone);
    if (u < toCommunity) return this.drawFrom(random, this.community[c], this.anyone);
    return this.drawFrom(random, this.anyone);
  }

  /** Draws from the first urn that is not empty; -1 if all are. */
  drawFrom(random: Random, ...urns: (Urn | undefined)[]): number {
    for (const urn of urns) if (urn !== undefined && urn.length > 0) return urn.draw(random);
    return -1;
  }
}

/** Years and status: funded projects start the year of their call or the next; a few have unknown years. */
function timeline(
  random: Random,
  callYear: number | undefined,
  anyYear: () => number,
): { startYear: number; endYear: number; status: ProjectStatus } {
  const startYear = callYear !== undefined ? callYear + random.int(0, 1) : anyYear();
  const endYear = startYear + random.count(1.5, 5);
  const status: ProjectStatus = random.chance(0.04)
    ? "unknown"
    : startYear > REFERENCE_YEAR
      ? "planned"
      : endYear < REFERENCE_YEAR
        ? "completed"
        : "active";
  return { startYear, endYear, status };
}

export function generateProjects(
  count: number,
  world: World,
  orgs: OrganisationPlan,
  funding: FundingPlan,
  random: Random,
  tuning: Tuning,
): Project[] {
  const { regions, topics, skills } = world.taxonomy;
  const pools = new Pools(orgs, regions.length, world.communities.length);
  const number = numberer(count);
  const years = Array.from({ length: REFERENCE_YEAR + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const yearSampler = new WeightedSampler(years.map((_, i) => 1 + 0.2 * i)); // the ecosystem grows
  const t = tuning;
  const shares = [t.hubPartnerShare, t.localPartnerShare, t.neighbourPartnerShare, t.communityPartnerShare];
  const cumulative = shares.map((_, i) => shares.slice(0, i + 1).reduce((a, b) => a + b)) as PartnerMix;

  const projects: Project[] = new Array(count);
  for (let i = 0; i < count; i++) {
    // The lead: by preferential attachment inside a community (sometimes a hub).
    let c = world.communitySampler.sample(random);
    const hubFirst = random.chance(HUB_LEAD_SHARE);
    let lead = hubFirst
      ? pools.drawFrom(random, pools.hubs[c], pools.community[c])
      : pools.drawFrom(random, pools.community[c], pools.hubs[c]);
    if (lead < 0) {
      lead = pools.drawFrom(random, pools.anyone);
      if (lead < 0) throw new Error("Projects need at least one organisation that is not a funder.");
      c = orgs.community[lead] as number;
    }
    const home = orgs.home[lead] as number;
    const near = home >= 0 ? (world.neighbours[home] ?? []) : [];

    // Partners: mostly the same community in the same or a neighbouring län, some hubs, a few from anywhere.
    const partners = new Set<number>();
    const wanted = random.count(tuning.partnersMean, MAX_PARTNERS);
    for (let slot = 0; slot < wanted; slot++) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const p = pools.drawPartner(random, cumulative, c, home, near);
        if (p >= 0 && p !== lead && !partners.has(p)) {
          partners.add(p);
          break;
        }
      }
    }
    pools.reward(lead);
    for (const p of partners) pools.reward(p);

    // Topics: often one of the lead's, the rest mostly from the community.
    const own = world.communities[c];
    const topicSet = new Set<number>();
    const leadTopics = orgs.topics[lead] as number[];
    if (leadTopics.length > 0 && random.chance(0.6)) topicSet.add(random.pick(leadTopics));
    const topicCount = Math.min(1 + random.count(tuning.topicsPerProject - 1, 5), topics.length);
    for (let attempt = 0; topicSet.size < topicCount && attempt < 4 * topicCount; attempt++) {
      const fromCommunity = own !== undefined && own.topics.length > 0 && random.chance(0.85);
      const topic = fromCommunity
        ? (own.topics[own.topicSampler.sample(random)] as number)
        : world.anyTopic.sample(random);
      if (topic >= 0) topicSet.add(topic);
    }

    // Skills needed: by demand, preferably ones the lead does not offer itself.
    const leadSkills = orgs.skills[lead] as number[];
    const skillSet = world.skillsNeeded.sampleDistinct(
      random,
      1 + random.count(tuning.skillsPerProject - 1, 7),
      new Set<number>(),
      (s) => !leadSkills.includes(s) || random.chance(0.15),
    );

    // Län covered: the lead's and most of the ordinary partners'; some hub-led projects are national.
    const national = random.chance(orgs.role[lead] === Role.Hub ? 0.3 : 0.03);
    const covered = new Set<number>();
    if (home >= 0 && !(national && random.chance(0.5))) covered.add(home);
    if (!national) {
      for (const p of partners) {
        const h = orgs.home[p] as number;
        if (h >= 0 && orgs.role[p] === Role.Ordinary && covered.size < 8 && random.chance(0.7)) covered.add(h);
      }
    }

    // Funding: mostly a call aimed at the project's community.
    let fundingCall: number | undefined;
    if (funding.records.length > 0 && random.chance(tuning.fundedShare)) {
      const aimed = funding.byCommunity[c] ?? [];
      fundingCall = aimed.length > 0 && random.chance(0.75) ? random.pick(aimed) : random.below(funding.records.length);
    }
    const { startYear, endYear, status } = timeline(
      random,
      fundingCall === undefined ? undefined : funding.year[fundingCall],
      () => years[yearSampler.sample(random)] as number,
    );
    const unknown = status === "unknown";

    const n = number(i);
    const topicIndices = [...topicSet];
    const project: Project = {
      id: syntheticId("project", n),
      name: projectName(n),
      summary: projectSummary(topics[topicIndices[0] ?? -1]?.label),
      status,
      ...(unknown ? {} : { startYear, endYear }),
      lead: orgs.records[lead]?.id,
      partners: [...partners].map((p) => (orgs.records[p] as OrganisationPlan["records"][number]).id),
      topics: topicIndices.map((k) => (topics[k] as (typeof topics)[number]).id),
      skillsNeeded: [...skillSet].map((k) => (skills[k] as (typeof skills)[number]).id),
      regions: [...covered].map((r) => (regions[r] as (typeof regions)[number]).code),
      national,
      ...(fundingCall === undefined ? {} : { fundingCall: funding.records[fundingCall]?.id }),
      sources: [syntheticSource("project", n)],
      synthetic: true,
    };
    projects[i] = project;
  }
  return projects;
}
