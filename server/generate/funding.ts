/** Synthetic funding calls: a few per synthetic funder, each with a year and, mostly, a topic community it favours. */
import type { FundingCall } from "../../shared/schema/funding-call";
import { fundingCallName, numberer, syntheticId, syntheticSource } from "./naming";
import { type OrganisationPlan, Role } from "./organisations";
import type { Random } from "./random";
import { FIRST_YEAR, REFERENCE_YEAR } from "./tuning";
import type { World } from "./world";

export interface FundingPlan {
  records: FundingCall[];
  /** Call index → its year. */
  year: Int32Array;
  /** Community → the calls aimed at it. */
  byCommunity: number[][];
}

export function generateFundingCalls(organisations: OrganisationPlan, world: World, random: Random): FundingPlan {
  const funders: number[] = [];
  organisations.role.forEach((role, i) => {
    if (role === Role.Funder) funders.push(i);
  });
  const drafts: { funder: number; year: number; community: number }[] = [];
  for (const funder of funders) {
    const calls = random.int(2, 6);
    for (let k = 0; k < calls; k++) {
      drafts.push({
        funder,
        year: random.int(FIRST_YEAR, REFERENCE_YEAR),
        community: random.chance(0.7) ? world.communitySampler.sample(random) : -1,
      });
    }
  }
  const number = numberer(drafts.length);
  const byCommunity: number[][] = world.communities.map(() => []);
  const records = drafts.map((d, i): FundingCall => {
    if (d.community >= 0) byCommunity[d.community]?.push(i);
    const n = number(i);
    return {
      id: syntheticId("funding-call", n),
      name: fundingCallName(n, d.year),
      funder: (organisations.records[d.funder] as OrganisationPlan["records"][number]).id,
      reference: `SYN-${d.year}-${n}`,
      year: d.year,
      sources: [syntheticSource("funding-call", n)],
      synthetic: true,
    };
  });
  return { records, year: Int32Array.from(drafts.map((d) => d.year)), byCommunity };
}
