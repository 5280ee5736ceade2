/**
 * Coverage analysis at scale: a synthetic graph of ~100 000 nodes / ~1 000 000 edges, each coverage procedure timed as
 * the API runs it, cold (first call of a data version) and warm (cached per data version), median of 5 runs, and the
 * peak RSS. `npx tsx tests/bench/coverage.bench.ts [--projects N --organisations M --seed S --runs R]`
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readTaxonomy } from "../../server/cli/generate";
import { markdownTable } from "../../server/cli/markdown-table";
import { coverageByRegion } from "../../server/coverage/by-region";
import { coverageInput } from "../../server/coverage/coverage-input";
import { gapFillers } from "../../server/coverage/fillers";
import { coverageMatrix } from "../../server/coverage/matrix";
import { generateDataset } from "../../server/generate/generate-dataset";
import { buildGraph } from "../../server/graph/build";
import { buildMatchIndex } from "../../server/match/match-index";
import { median, peakRssMb, rssMb, time } from "./stats";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "40000" },
    organisations: { type: "string", default: "60000" },
    seed: { type: "string", default: "1" },
    runs: { type: "string", default: "5" },
  },
});
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

const taxonomy = readTaxonomy(join(import.meta.dirname, "..", "..", "data"));
const data = generateDataset(
  { projects: Number(values.projects), organisations: Number(values.organisations), seed: Number(values.seed) },
  taxonomy,
);
const graph = buildGraph(data);
const ix = buildMatchIndex(graph);
const before = rssMb();
const sample = coverageInput(graph, ix);
const region = sample.regions[0]?.code as string;
const topic = sample.topics[0]?.id as string;

// Each procedure as the router calls it. Coverage caches its input, tally and matrix per match index (one per data
// version): "cold" runs on a fresh copy of the index, so it pays those; "warm" repeats a call on the same index.
const procedures: [string, (index: typeof ix) => unknown][] = [
  ["coverage input (graph + match index → records)", (index) => coverageInput(graph, index)],
  ["coverage.byRegion (all topics)", (index) => coverageByRegion(coverageInput(graph, index))],
  [`coverage.byRegion (topic ${topic})`, (index) => coverageByRegion(coverageInput(graph, index), topic)],
  ["coverage.matrix (21 län × every topic)", (index) => coverageMatrix(coverageInput(graph, index))],
  [
    `coverage.fillers (${region} × ${topic}, 20)`,
    (index) => gapFillers(index, coverageInput(graph, index), region, topic, { limit: 20 }),
  ],
];
const runs = Number(values.runs);
const rows = procedures.map(([name, run]) => {
  run({ ...ix }); // warm up the JIT
  const cold = Array.from({ length: runs }, () => {
    const fresh = { ...ix };
    return time(() => run(fresh)).ms;
  });
  const warm = Array.from({ length: runs }, () => time(() => run(ix)).ms);
  return [name, ms(median(cold)), ms(median(warm)), ms(Math.max(...cold, ...warm))];
});
console.log(
  `Graph: ${graph.order.toLocaleString("en-US")} nodes, ${graph.size.toLocaleString("en-US")} edges; ` +
    `${values.runs} runs each.\n\n${markdownTable(["procedure", "cold (median)", "warm (median)", "slowest"], rows)}`,
);
console.log(`\nRSS ${before} MB before the analysis, ${rssMb()} MB after; peak RSS ${peakRssMb()} MB.`);
