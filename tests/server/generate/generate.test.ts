/** Pins the synthetic generator: deterministic per seed, always marked synthetic, valid, structured (not noise), and its CLI flags. */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseGenerateArgs, prepareOutFile, readTaxonomy, runGenerate, UsageError } from "../../../server/cli/generate";
import { countEdges, countNodes } from "../../../server/generate/count-edges";
import { generateDataset, worldOf } from "../../../server/generate/generate-dataset";
import type { Taxonomy } from "../../../server/generate/world";
import { buildGraph } from "../../../server/graph/build";
import { checkDataset } from "../../../server/store/load-data-dir";
import { Store } from "../../../server/store/store";
import { DATASET_FILES, type Dataset } from "../../../shared/schema/dataset";
import { region, tempDatabasePath, writeDataDir } from "../../fixtures/dataset";

/** The 21 län with their 2019 populations and land borders (symmetric), 25 topics and 18 skills. */
const LAN: [string, string, number, string[]][] = [
  ["01", "Stockholm", 2_377_081, ["03", "04"]],
  ["03", "Uppsala", 383_713, ["19", "20", "21"]],
  ["04", "Södermanland", 297_540, ["05", "18", "19"]],
  ["05", "Östergötland", 465_495, ["06", "08", "18"]],
  ["06", "Jönköping", 363_599, ["07", "08", "13", "14"]],
  ["07", "Kronoberg", 201_469, ["08", "10", "12", "13"]],
  ["08", "Kalmar", 245_446, ["10"]],
  ["09", "Gotland", 59_686, []],
  ["10", "Blekinge", 159_606, ["12"]],
  ["12", "Skåne", 1_377_827, ["13"]],
  ["13", "Halland", 333_848, ["14"]],
  ["14", "Västra Götaland", 1_725_881, ["17", "18"]],
  ["17", "Värmland", 282_414, ["18", "20"]],
  ["18", "Örebro", 304_805, ["19", "20"]],
  ["19", "Västmanland", 275_845, ["20"]],
  ["20", "Dalarna", 287_966, ["21", "23"]],
  ["21", "Gävleborg", 287_382, ["22", "23"]],
  ["22", "Västernorrland", 245_347, ["23", "24"]],
  ["23", "Jämtland", 130_810, ["24"]],
  ["24", "Västerbotten", 271_736, ["25"]],
  ["25", "Norrbotten", 250_093, []],
];
const both = (code: string) =>
  LAN.flatMap(([c, , , n]) => (c === code ? n : n.includes(code) ? [c] : [])).sort((a, b) => a.localeCompare(b));
const TAXONOMY: Taxonomy = {
  regions: LAN.map(([code, name, count]) => region(code, name, both(code), { population: { count, year: 2019 } })),
  topics: Array.from({ length: 25 }, (_, i) => ({
    id: `topic-${i + 1}`,
    label: { sv: `Ämne ${i + 1}`, en: `Topic ${i + 1}` },
  })),
  skills: Array.from({ length: 18 }, (_, i) => ({
    id: `skill-${i + 1}`,
    label: { sv: `Kunskap ${i + 1}`, en: `Skill ${i + 1}` },
  })),
};

const generate = (projects: number, organisations: number, seed: number) =>
  generateDataset({ projects, organisations, seed }, TAXONOMY);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ranks = (xs: number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  order.forEach(([, i], rank) => {
    r[i] = rank;
  });
  return r;
};
/** Spearman's rank correlation (ties ranked by position, close enough here). */
function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const d2 = ra.reduce((sum, r, i) => sum + (r - (rb[i] as number)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe("generateDataset", () => {
  it("is deterministic: the same seed gives the same data set, another seed another one", async () => {
    const a = generate(800, 1200, 7);
    expect(generate(800, 1200, 7)).toEqual(a);
    expect(JSON.stringify(generate(800, 1200, 7))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generate(800, 1200, 8))).not.toBe(JSON.stringify(a));
    // Each part has its own random stream: more projects leave the organisations and calls as they were.
    const more = generate(1600, 1200, 7);
    expect(more.organisations).toEqual(a.organisations);
    expect(more.fundingCalls).toEqual(a.fundingCalls);
  });

  it("marks every generated entity synthetic, with .invalid sources and syn- ids, and copies the taxonomy as is", async () => {
    const data = generate(300, 500, 1);
    const generated = [...data.organisations, ...data.projects, ...data.fundingCalls];
    expect(generated.length).toBeGreaterThan(800);
    for (const e of generated) {
      expect(e.synthetic, e.id).toBe(true);
      expect(e.id).toMatch(/^syn-(org|proj|call)-\d{5}$/);
      for (const s of e.sources) expect(new URL(s).hostname).toBe("synthetic.partnerkartan.invalid");
    }
    for (const e of [...data.organisations, ...data.projects]) expect(e.name).toMatch(/^Syntetisk/);
    for (const e of [...data.organisations, ...data.projects]) expect(e.summary.en).toMatch(/^Synthetic test/);
    expect(data.regions).toEqual(TAXONOMY.regions);
    expect(data.topics).toEqual(TAXONOMY.topics);
    expect(data.skills).toEqual(TAXONOMY.skills);
  });

  it("passes the same validation as the seed files, and countEdges agrees with buildGraph", async () => {
    const data = generate(600, 900, 3);
    expect(() => checkDataset(data, "generator")).not.toThrow();
    const graph = buildGraph(data);
    expect(countNodes(data)).toBe(graph.order);
    expect(countEdges(data)).toBe(graph.size);
    for (const p of data.projects) {
      if (p.startYear !== undefined && p.endYear !== undefined) expect(p.endYear).toBeGreaterThanOrEqual(p.startYear);
      expect(p.status === "unknown").toBe(p.startYear === undefined);
    }
  });

  it("has the default density: about ten edges per node (1 000 000 edges for 100 000 nodes)", async () => {
    const data = generate(4000, 6000, 1);
    const perNode = countEdges(data) / countNodes(data);
    expect(perNode).toBeGreaterThan(9);
    expect(perNode).toBeLessThan(11);
  });

  it("places organisations by population, partners within communities and near the lead, hubs at the centre", async () => {
    const seed = 11;
    const data = generate(2000, 3000, seed);
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));

    // Home län (first listed) against population: Stockholm far ahead of Gotland, rank correlation high.
    const homes = new Map<string, number>();
    for (const o of data.organisations) if (o.regions[0]) homes.set(o.regions[0], (homes.get(o.regions[0]) ?? 0) + 1);
    expect(homes.get("01") ?? 0).toBeGreaterThan(10 * (homes.get("09") ?? 0));
    const counts = TAXONOMY.regions.map((r) => homes.get(r.code) ?? 0);
    expect(
      spearman(
        TAXONOMY.regions.map((r) => r.population.count),
        counts,
      ),
    ).toBeGreaterThan(0.75);

    // Topic communities: an organisation belongs to the community most of its topics are in.
    const world = worldOf(TAXONOMY, seed);
    const topicIndex = new Map(TAXONOMY.topics.map((t, i) => [t.id, i]));
    const communityOf = (topics: string[]) => {
      const tally = new Map<number, number>();
      for (const t of topics) {
        const c = world.communityOfTopic[topicIndex.get(t) as number] as number;
        tally.set(c, (tally.get(c) ?? 0) + 1);
      }
      return [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;
    };
    const sizes = new Map<number, number>();
    for (const o of data.organisations) sizes.set(communityOf(o.topics), (sizes.get(communityOf(o.topics)) ?? 0) + 1);
    const randomSame = [...sizes.values()].reduce((s, n) => s + (n / data.organisations.length) ** 2, 0);

    const neighbours = new Map(TAXONOMY.regions.map((r) => [r.code, new Set([r.code, ...r.neighbours])]));
    const share = (pred: (a: string, b: string) => boolean) => {
      let n = 0;
      for (const o of data.organisations)
        for (const p of data.organisations.slice(0, 40)) n += pred(o.id, p.id) ? 1 : 0;
      return n / (data.organisations.length * 40);
    };
    const nearby = (a: string, b: string) =>
      neighbours.get(orgs.get(a)?.regions[0] ?? "")?.has(orgs.get(b)?.regions[0] ?? "-") ?? false;
    const sameCommunity = (a: string, b: string) =>
      communityOf(orgs.get(a)?.topics ?? []) === communityOf(orgs.get(b)?.topics ?? []);
    const pairs = data.projects.flatMap((p) => p.partners.map((q) => [p.lead as string, q] as const));
    expect(pairs.length).toBeGreaterThan(5000);
    const pairShare = (pred: (a: string, b: string) => boolean) =>
      pairs.filter(([a, b]) => pred(a, b)).length / pairs.length;
    expect(pairShare(sameCommunity)).toBeGreaterThan(2 * randomSame);
    expect(pairShare(nearby)).toBeGreaterThan(2 * share(nearby));

    // Hubs: 1–2.5 % of organisations, national, in far more projects than the median organisation.
    const degree = new Map<string, number>();
    for (const p of data.projects)
      for (const id of [p.lead as string, ...p.partners]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const hubs = data.organisations.filter((o) => o.national && o.kind !== "funder");
    const ordinary = data.organisations.filter((o) => !o.national);
    expect(hubs.length / data.organisations.length).toBeGreaterThan(0.01);
    expect(hubs.length / data.organisations.length).toBeLessThan(0.025);
    const ordinaryMedian = median(ordinary.map((o) => degree.get(o.id) ?? 0));
    expect(median(hubs.map((o) => degree.get(o.id) ?? 0))).toBeGreaterThan(5 * Math.max(1, ordinaryMedian));
  });

  it("draws skills with skewed frequencies, and projects need skills their lead lacks", async () => {
    const data = generate(2000, 3000, 5);
    const offered = new Map<string, number>();
    for (const o of data.organisations) for (const s of o.skills) offered.set(s, (offered.get(s) ?? 0) + 1);
    const frequencies = [...offered.values()].sort((a, b) => b - a);
    expect(frequencies[0]).toBeGreaterThan(5 * (frequencies.at(-1) ?? 0));
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    const needed = data.projects.flatMap((p) =>
      p.skillsNeeded.map((s) => orgs.get(p.lead as string)?.skills.includes(s)),
    );
    const ownShare = needed.filter(Boolean).length / needed.length;
    const meanOffered = data.organisations.reduce((s, o) => s + o.skills.length, 0) / data.organisations.length;
    expect(ownShare).toBeLessThan(0.6 * (meanOffered / TAXONOMY.skills.length));
  });

  const realDir = join(import.meta.dirname, "..", "..", "..", "data");
  const haveRealTaxonomy = (["regions", "topics", "skills"] as const).every((part) =>
    existsSync(join(realDir, DATASET_FILES[part])),
  );
  it.skipIf(!haveRealTaxonomy)("works on the real län, topics and skills in data/", () => {
    const taxonomy = readTaxonomy(realDir);
    expect(taxonomy.regions).toHaveLength(21);
    const data = generateDataset({ projects: 500, organisations: 800, seed: 1 }, taxonomy);
    expect(() => checkDataset(data, "generator")).not.toThrow();
    expect(data.regions).toEqual(taxonomy.regions);
    expect(data.topics).toEqual(taxonomy.topics);
  });
});

describe("generate CLI", () => {
  const ok = ["--projects", "10", "--organisations", "20", "--seed", "3", "--out", "/tmp/x/syn.db"];
  const fails = (argv: string[], message: RegExp) => {
    expect(() => parseGenerateArgs(argv, "/work")).toThrow(UsageError);
    expect(() => parseGenerateArgs(argv, "/work")).toThrow(message);
  };

  it("parses the flags, with data/ as the default data folder", async () => {
    expect(parseGenerateArgs(ok, "/work")).toEqual({
      projects: 10,
      organisations: 20,
      seed: 3,
      out: "/tmp/x/syn.db",
      dataDir: "/work/data",
      force: false,
    });
    expect(parseGenerateArgs([...ok, "--data-dir", "seed", "--force"], "/work")).toMatchObject({
      dataDir: "/work/seed",
      force: true,
    });
  });

  it("refuses bad flags, naming the flag", async () => {
    fails(ok.slice(0, 6), /--out: is required/);
    fails(["--projects", "many", ...ok.slice(2)], /--projects: must be a whole number/);
    fails(["--projects", "1.5", ...ok.slice(2)], /--projects: must be a whole number/);
    fails([...ok.slice(0, 4), "--seed=-1", ...ok.slice(6)], /--seed: must be a whole number/);
    fails([...ok.slice(0, 4), "--seed", "4294967296", ...ok.slice(6)], /--seed: must be at most 4294967295/);
    fails(["--projects", "5", "--organisations", "0", ...ok.slice(4)], /--organisations: must be at least 1/);
    fails([...ok, "--nodes", "5"], /Unknown option '--nodes'/);
    fails([...ok, "stray"], /positional/);
    fails([...ok.slice(0, 6), "--out", "data/partnerkartan.db"], /--out: refusing to write to the real database/);
  });

  it("refuses an existing output file unless --force, which removes it and its WAL files", async () => {
    const out = tempDatabasePath();
    writeFileSync(out, "old");
    writeFileSync(`${out}-wal`, "old");
    expect(() => prepareOutFile(out, false)).toThrow(/already exists \(add --force/);
    prepareOutFile(out, true);
    expect(existsSync(out) || existsSync(`${out}-wal`)).toBe(false);
  });

  it("writes a new database through the store's import path, marked synthetic", async () => {
    const empty: Dataset = {
      ...TAXONOMY,
      regions: [...TAXONOMY.regions],
      topics: [...TAXONOMY.topics],
      skills: [...TAXONOMY.skills],
      organisations: [],
      fundingCalls: [],
      projects: [],
      events: [],
    };
    const dataDir = writeDataDir(empty);
    const out = tempDatabasePath();
    const lines: string[] = [];
    const args = { projects: 60, organisations: 90, seed: 2, out, dataDir, force: false };
    const report = await runGenerate(args, (line) => lines.push(line));
    expect(lines.join("\n")).toMatch(/edges [\d,]+/);
    const store = new Store(out);
    try {
      expect(await (await store.info()).origin).toBe("synthetic");
      expect(await store.countEntities()).toMatchObject({ organisation: 90, project: 60, region: 21 });
      const real = store.db.raw
        .prepare(
          "SELECT count(*) AS n FROM entity WHERE kind IN ('organisation', 'project', 'funding-call') AND synthetic = 0",
        )
        .get() as { n: number };
      expect(real.n).toBe(0);
      expect(report.edges).toBe(buildGraph(await store.readDataset()).size);
    } finally {
      await store.close();
    }
    await expect(runGenerate(args, () => {})).rejects.toThrow(/already exists/);
    await expect(runGenerate({ ...args, force: true }, () => {})).resolves.toBeDefined();
  });
});
