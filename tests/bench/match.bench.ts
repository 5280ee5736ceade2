/**
 * Partner suggestions at scale: 1 000 random projects on a synthetic graph of ~100 000 nodes / ~1 000 000 edges
 * (p50, p99, median of 3 rounds), against a naive scan that scores every organisation; then, over HTTP on the seed
 * data, the suggestions endpoint's throughput against a trivial endpoint on the same server.
 */
import { join } from "node:path";
import autocannon from "autocannon";
import { markdownTable } from "../../server/cli/markdown-table";
import { countEdges } from "../../server/generate/count-edges";
import { generateDataset } from "../../server/generate/generate-dataset";
import { Random } from "../../server/generate/random";
import { buildGraph } from "../../server/graph/build";
import { buildMatchIndex } from "../../server/match/match-index";
import { contributions, projectNeeds, scorePair, sumTerms } from "../../server/match/pair-score";
import { suggestPartners } from "../../server/match/suggest-partners";
import { loadDataDir } from "../../server/store/load-data-dir";
import { DEFAULT_WEIGHTS } from "../../shared/schema/match";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { median, peakRssMb, percentile, time } from "./stats";

const root = join(import.meta.dirname, "..", "..");
const taxonomy = loadDataDir(join(root, "data"));
const rows: (string | number)[][] = [];

const generated = time(() => generateDataset({ projects: 40_000, organisations: 60_000, seed: 1 }, taxonomy));
const data = generated.value;
const nodes =
  data.regions.length + data.topics.length + data.skills.length + data.organisations.length + data.projects.length;
const graph = time(() => buildGraph(data));
const index = time(() => buildMatchIndex(graph.value));
const ix = index.value;
rows.push(["graph size", `${nodes} nodes / ${countEdges(data)} edges`, ""]);
rows.push(["build graph / match index", `${(graph.ms / 1000).toFixed(2)} s / ${(index.ms / 1000).toFixed(2)} s`, ""]);

const random = Random.fromSeed(42);
const projects = Array.from({ length: 1000 }, () => ix.projectIds[random.below(ix.projectIds.length)] as string);
const options = { weights: DEFAULT_WEIGHTS, limit: 20 };
for (const p of projects.slice(0, 50)) suggestPartners(ix, p, options); // warm up the JIT

const p50s: number[] = [];
const p99s: number[] = [];
for (let round = 0; round < 3; round++) {
  const times = projects.map((p) => time(() => suggestPartners(ix, p, options)).ms).sort((a, b) => a - b);
  p50s.push(percentile(times, 50));
  p99s.push(percentile(times, 99));
}
const engineP50 = median(p50s);
rows.push(["suggestPartners p50 (target ≤ 10 ms)", `${engineP50.toFixed(2)} ms`, engineP50 <= 10 ? "met" : "MISSED"]);
rows.push([
  "suggestPartners p99 (target ≤ 50 ms)",
  `${median(p99s).toFixed(2)} ms`,
  median(p99s) <= 50 ? "met" : "MISSED",
]);

// The naive scan: score every organisation with the terms' one definition, then sort.
const naive = projects.slice(0, 30).map(
  (id) =>
    time(() => {
      const needs = projectNeeds(ix, ix.projectIndex.get(id) as number, "complement");
      const scored: [number, number][] = [];
      for (let o = 0; o < ix.orgIds.length; o++) {
        if (needs.members.has(o)) continue;
        scored.push([o, sumTerms(contributions(scorePair(ix, needs, o, "complement").terms, DEFAULT_WEIGHTS))]);
      }
      return scored.sort((a, b) => b[1] - a[1]).slice(0, 20);
    }).ms,
);
const naiveP50 = median(naive);
rows.push([
  "naive scan of every organisation, p50",
  `${naiveP50.toFixed(1)} ms`,
  `engine ${(naiveP50 / engineP50).toFixed(0)}× faster`,
]);
rows.push(["peak RSS", `${peakRssMb()} MB`, ""]);

// Over HTTP, on the seed data: suggestions against a trivial endpoint on the same server.
const server = await startTestServer(join(root, "data"), tempDatabasePath());
const seedProject = taxonomy.projects.find((p) => p.partners.length > 0)?.id ?? taxonomy.projects[0]?.id;
const partnersUrl = `${server.url}/trpc/match.partners?input=${encodeURIComponent(JSON.stringify({ projectId: seedProject }))}`;
const trivialUrl = `${server.url}/trpc/region.list`;
const rps = async (url: string) => (await autocannon({ url, connections: 10, duration: 5 })).requests.average;
await rps(trivialUrl); // warm up
const trivial = await rps(trivialUrl);
const partners = await rps(partnersUrl);
await server.close();
rows.push(["HTTP region.list (trivial)", `${Math.round(trivial)} req/s`, ""]);
rows.push([
  "HTTP match.partners (seed)",
  `${Math.round(partners)} req/s`,
  `trivial/partners = ${(trivial / partners).toFixed(2)} (target ≤ 2: ${trivial / partners <= 2 ? "met" : "MISSED"})`,
]);

console.log(markdownTable(["measure", "value", "note"], rows));
