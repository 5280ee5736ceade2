/**
 * `npm run evaluate`: leave-one-out evaluation of partner suggestions on the real seed and on a synthetic graph,
 * against baselines; `--tune` also searches a grid of weights on the synthetic graph.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Dataset } from "../../shared/schema/dataset";
import { DEFAULT_WEIGHTS, type Weights } from "../../shared/schema/match";
import { generateDataset } from "../generate/generate-dataset";
import {
  allLinks,
  engineRanker,
  evaluate,
  type Metrics,
  type Ranker,
  sampleLinks,
  standardRankers,
} from "../match/evaluate";
import { loadDataDir } from "../store/load-data-dir";
import { markdownTable } from "./markdown-table";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: "data" },
    links: { type: "string", default: "300" },
    seed: { type: "string", default: "7" },
    tune: { type: "boolean", default: false },
  },
});
const linkCount = Number(values.links);
const seed = Number(values.seed);
if (!Number.isInteger(linkCount) || linkCount < 1)
  throw new Error(`--links must be a whole number ≥ 1 (got "${values.links}")`);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0 (got "${values.seed}")`);

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
function report(title: string, results: Record<string, Metrics>): void {
  const n = Object.values(results)[0]?.links ?? 0;
  console.log(`\n### ${title} (${n} hidden links)\n`);
  const rows = Object.entries(results).map(([name, m]) => [
    name,
    pct(m.recallAt5),
    pct(m.recallAt10),
    m.mrr.toFixed(3),
    m.ndcgAt10.toFixed(3),
  ]);
  console.log(markdownTable(["method", "recall@5", "recall@10", "MRR", "nDCG@10"], rows));
}

const real = loadDataDir(join(process.cwd(), values["data-dir"]));
const synthetic: Dataset = generateDataset({ projects: 400, organisations: 600, seed }, real);
const syntheticLinks = sampleLinks(allLinks(synthetic), linkCount, seed);

const started = Date.now();
console.log(`Default weights: ${JSON.stringify(DEFAULT_WEIGHTS)}`);
report("Real seed data, every organisation–project link", evaluate(real, allLinks(real), standardRankers()));
report(
  `Synthetic graph (400 projects, 600 organisations, seed ${seed})`,
  evaluate(synthetic, syntheticLinks, standardRankers()),
);

if (values.tune) {
  const grid = [0, 0.5, 1, 2];
  const rankers: Record<string, Ranker> = {};
  for (const topics of grid)
    for (const skills of grid)
      for (const geography of grid)
        for (const network of grid) {
          const w: Weights = { topics, skills, geography, network };
          if (topics + skills + geography + network > 0) rankers[JSON.stringify(w)] = engineRanker(w);
        }
  for (const [title, data, links] of [
    ["synthetic", synthetic, syntheticLinks],
    ["seed", real, allLinks(real)],
  ] as const) {
    const results = Object.entries(evaluate(data, links, rankers)).sort((a, b) => b[1].mrr - a[1].mrr);
    console.log(`\n### Best weights by MRR on the ${title} graph\n`);
    console.log(
      markdownTable(
        ["weights", "recall@10", "MRR"],
        results.slice(0, 8).map(([w, m]) => [w, pct(m.recallAt10), m.mrr.toFixed(3)]),
      ),
    );
  }
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
