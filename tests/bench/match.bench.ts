/**
 * Partner suggestions at scale: 1 000 random projects on a synthetic graph of ~100 000 nodes / ~1 000 000 edges
 * (p50, p99, median of 3 rounds), against a naive scan that scores every organisation. The endpoint's throughput
 * over HTTP, against a trivial endpoint's, is load.bench.ts's.
 */
import { join } from "node:path";
import { markdownTable } from "../../server/cli/markdown-table";
import { countEdges, countNodes } from "../../server/generate/count-edges";
import { generateDataset } from "../../server/generate/generate-dataset";
import { Random } from "../../server/generate/random";
import { buildGraph } from "../../server/graph/build";
import { buildMatchIndex } from "../../server/match/match-index";
import { contributions, projectNeeds, scorePair, sumTerms } from "../../server/match/pair-score";
import { suggestPartners } from "../../server/match/suggest-partners";
import { loadDataDir } from "../../server/store/load-data-dir";
import { DEFAULT_WEIGHTS } from "../../shared/schema/match";
import { median, peakRssMb, percentile, time } from "./stats";

const root = join(import.meta.dirname, "..", "..");
const taxonomy = loadDataDir(join(root, "data"));
const rows: (string | number)[][] = [];

const generated = time(() => generateDataset({ projects: 40_000, organisations: 60_000, seed: 1 }, taxonomy));
const data = generated.value;
const nodes = countNodes(data);
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

console.log(markdownTable(["measure", "value", "note"], rows));
