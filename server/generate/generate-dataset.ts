/** generateDataset: sizes, a seed and the real taxonomy in; a whole synthetic data set out, the same for the same seed. */
import type { Dataset } from "../../shared/schema/dataset";
import { eventCount, generateEvents } from "./events";
import { generateFundingCalls } from "./funding";
import { generateOrganisations } from "./organisations";
import { generateProjects } from "./projects";
import { Random } from "./random";
import { DEFAULT_TUNING, type Tuning } from "./tuning";
import { buildWorld, type Taxonomy, type World } from "./world";

export interface GenerateOptions extends Partial<Tuning> {
  projects: number;
  organisations: number;
  /** Events; one per ten organisations when not given. */
  events?: number;
  /** An integer from 0 to 2^32 − 1. */
  seed: number;
}

/** Each part draws from its own stream of the seed, so e.g. more projects leave the organisations unchanged. */
const STREAM = { world: 1, organisations: 2, funding: 3, projects: 4, events: 5 } as const;

/** The hidden structure (topic communities, skill frequencies) a seed gives; tests use it to check the output. */
export function worldOf(taxonomy: Taxonomy, seed: number): World {
  return buildWorld(taxonomy, Random.fromSeed(seed).stream(STREAM.world));
}

export function generateDataset(options: GenerateOptions, taxonomy: Taxonomy): Dataset {
  const { projects, organisations, seed, events = eventCount(organisations), ...overrides } = options;
  for (const [name, value] of Object.entries({ projects, organisations, events })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  const tuning: Tuning = { ...DEFAULT_TUNING, ...overrides };
  const root = Random.fromSeed(seed);
  const world = buildWorld(taxonomy, root.stream(STREAM.world));
  const orgs = generateOrganisations(organisations, world, root.stream(STREAM.organisations), tuning);
  const funding = generateFundingCalls(orgs, world, root.stream(STREAM.funding));
  const projectList = generateProjects(projects, world, orgs, funding, root.stream(STREAM.projects), tuning);
  return {
    regions: taxonomy.regions.map((r) => ({ ...r })),
    topics: taxonomy.topics.map((t) => ({ ...t })),
    skills: taxonomy.skills.map((s) => ({ ...s })),
    organisations: orgs.records,
    fundingCalls: funding.records,
    projects: projectList,
    events: generateEvents(events, world, orgs, root.stream(STREAM.events)),
  };
}
