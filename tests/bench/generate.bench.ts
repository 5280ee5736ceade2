/**
 * Benchmark of the synthetic generator at full size (100 000 nodes, 1 000 000 edges): generate, validate and write a
 * temporary database through the CLI's code path, then open it the way the server does (loadServices) and time that.
 * A script, not a test: `npx tsx tests/bench/generate.bench.ts [--projects N --organisations M --seed S --data-dir DIR --keep]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseGenerateArgs, runGenerate } from "../../server/cli/generate";
import { buildGraph } from "../../server/graph/build";
import { SearchIndex } from "../../server/graph/search-index";
import { loadServices } from "../../server/services";
import { Store } from "../../server/store/store";

const LIMIT_SECONDS = 60;

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "40000" },
    organisations: { type: "string", default: "60000" },
    seed: { type: "string", default: "1" },
    "data-dir": { type: "string", default: "data" },
    keep: { type: "boolean", default: false },
  },
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const peakRss = () => `${Math.round(process.resourceUsage().maxRSS / 1024).toLocaleString("en-US")} MB`;
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
};

const dir = mkdtempSync(join(tmpdir(), "partnerkartan-bench-"));
const out = join(dir, "synthetic.db");
try {
  const args = parseGenerateArgs([
    "--projects",
    values.projects,
    "--organisations",
    values.organisations,
    "--seed",
    values.seed,
    "--data-dir",
    values["data-dir"],
    "--out",
    out,
  ]);
  console.log(`Generating ${args.projects} projects and ${args.organisations} organisations (seed ${args.seed})…`);
  const report = runGenerate(args, (line) => console.log(`  ${line}`));
  const total = Object.values(report.phases).reduce((a, b) => a + b, 0);

  console.log("Opening it as the server does (loadServices: read, build graph, search index)…");
  const [services, servicesMs] = time(() => loadServices(new Store(out)));
  const { graph } = services;
  console.log(
    `  loadServices ${seconds(servicesMs)}: ${graph.order} nodes, ${graph.size} edges; peak RSS ${peakRss()}`,
  );
  const [data, readMs] = time(() => services.store.readDataset());
  const [rebuilt, buildMs] = time(() => buildGraph(data));
  const [, searchMs] = time(() => new SearchIndex(rebuilt).buildSome(Number.POSITIVE_INFINITY));
  console.log(`  of which: read ${seconds(readMs)}, buildGraph ${seconds(buildMs)}, search index ${seconds(searchMs)}`);
  services.store.close();

  const problems: string[] = [];
  if (graph.order !== report.nodes) problems.push(`graph has ${graph.order} nodes, generator counted ${report.nodes}`);
  if (graph.size !== report.edges) problems.push(`graph has ${graph.size} edges, generator counted ${report.edges}`);
  if (total > LIMIT_SECONDS * 1000)
    problems.push(`generate + validate + write took ${seconds(total)} (limit ${LIMIT_SECONDS} s)`);
  console.log(
    `Summary: ${report.nodes} nodes, ${report.edges} edges; generate ${seconds(report.phases.generate)}, ` +
      `validate ${seconds(report.phases.validate)}, write ${seconds(report.phases.write)}, total ${seconds(total)}; ` +
      `server read model ${seconds(servicesMs)}; peak RSS ${peakRss()}`,
  );
  if (problems.length > 0) {
    console.error(`FAILED:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log(`OK: under ${LIMIT_SECONDS} s, and the server's graph matches the generator's counts.`);
} finally {
  if (values.keep) console.log(`Kept ${out}`);
  else rmSync(dir, { recursive: true, force: true });
}
