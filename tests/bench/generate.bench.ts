/**
 * Benchmark of the synthetic generator at full size (100 000 nodes, 1 000 000 edges): generate, validate and write a
 * temporary database through the CLI's code path, then check that the server's graph has the generator's counts; the file is left for the start-up benchmark.
 * A script, not a test: `npx tsx tests/bench/generate.bench.ts [--projects N --organisations M --seed S --data-dir DIR --keep]`.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseGenerateArgs, runGenerate } from "../../server/cli/generate";
import { buildGraph } from "../../server/graph/build";
import { Store } from "../../server/store/store";
import { cachedDatabasePath } from "./db-cache";

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
  const report = await runGenerate(args, (line) => console.log(`  ${line}`));
  const total = Object.values(report.phases).reduce((a, b) => a + b, 0);

  // The graph the server would build from the file must have the generator's counts (start-up time: startup.bench.ts).
  const store = new Store(out);
  const graph = buildGraph(await store.readDataset());
  await store.close();

  const problems: string[] = [];
  if (graph.order !== report.nodes) problems.push(`graph has ${graph.order} nodes, generator counted ${report.nodes}`);
  if (graph.size !== report.edges) problems.push(`graph has ${graph.size} edges, generator counted ${report.edges}`);
  if (total > LIMIT_SECONDS * 1000)
    problems.push(`generate + validate + write took ${seconds(total)} (limit ${LIMIT_SECONDS} s)`);
  console.log(
    `Summary: ${report.nodes} nodes, ${report.edges} edges; generate ${seconds(report.phases.generate)}, ` +
      `validate ${seconds(report.phases.validate)}, write ${seconds(report.phases.write)}, total ${seconds(total)}; ` +
      `peak RSS ${peakRss()}`,
  );
  if (problems.length > 0) {
    console.error(`FAILED:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log(`OK: under ${LIMIT_SECONDS} s, and the server's graph matches the generator's counts.`);
} finally {
  // Leave the file for the start-up benchmark (same size and seed), unless it already has one.
  const cached = cachedDatabasePath(Number(values.projects), Number(values.organisations), Number(values.seed));
  if (!values.keep && !existsSync(cached) && existsSync(out)) renameSync(out, cached);
  if (values.keep) console.log(`Kept ${out}`);
  rmSync(dir, { recursive: true, force: true });
}
