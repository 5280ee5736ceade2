/**
 * Export at scale: a synthetic graph of ~100 000 nodes / ~1 000 000 edges, every format streamed to a file the way
 * the CLI and the HTTP routes do it (a generator of pieces → ~64 KB chunks → a stream with back-pressure). Prints the
 * time, size and memory of each: RSS is sampled while writing, so a writer that built its document in memory would
 * show it as growth of the order of the file's size.
 * `npx tsx tests/bench/export.bench.ts [--projects N --organisations M --seed S]`
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { readTaxonomy } from "../../server/cli/generate";
import { markdownTable } from "../../server/cli/markdown-table";
import { EXPORT_FILE_NAMES, EXPORT_FILES } from "../../server/export/formats";
import { prepareExport } from "../../server/export/prepare";
import { chunked } from "../../server/export/text";
import { generateDataset } from "../../server/generate/generate-dataset";
import { buildGraph } from "../../server/graph/build";
import { createMetricsCache } from "../../server/graph/metrics";
import { EMPTY_GRAPH_FILTER } from "../../shared/schema/graph-filter";
import { collectGarbage, peakRssMb, rssMb, time } from "./stats";

/** A writer streams if writing grows RSS by less than this share of the file it writes. */
const MAX_GROWTH_SHARE = 0.25;

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "40000" },
    organisations: { type: "string", default: "60000" },
    seed: { type: "string", default: "1" },
  },
});
const gc = collectGarbage;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const taxonomy = readTaxonomy(join(import.meta.dirname, "..", "..", "data"));
const generated = time(() =>
  generateDataset(
    { projects: Number(values.projects), organisations: Number(values.organisations), seed: Number(values.seed) },
    taxonomy,
  ),
);
const built = time(() => buildGraph(generated.value));
const graph = built.value;
// As the server does: the metrics in a worker thread, while this thread's event loop is probed for stalls.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const metricsStart = performance.now();
const metrics = { value: await createMetricsCache(graph, 1, { inWorker: true }).get(), ms: 0 };
metrics.ms = performance.now() - metricsStart;
loopDelay.disable();
const m = metrics.value.about;
console.log(
  `Graph: ${graph.order.toLocaleString("en-US")} nodes, ${graph.size.toLocaleString("en-US")} edges ` +
    `(generate ${s(generated.ms)}, build ${s(built.ms)})`,
);
console.log(
  `Metrics ${s(metrics.ms)}: read ${s(m.ms.read)}, snapshot ${s(m.ms.snapshot)}, betweenness ${s(m.ms.betweenness)} ` +
    `(${m.betweenness.method}, ${m.betweenness.pivots} pivots), PageRank ${s(m.ms.pagerank)}, ` +
    `Louvain ${s(m.ms.louvain)} (${m.communities} communities, modularity ${m.modularity.toFixed(3)}), in a worker ` +
    `thread; the event loop meanwhile: max delay ${(loopDelay.max / 1e6).toFixed(0)} ms, p99 ` +
    `${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`,
);
const source = prepareExport({
  graph,
  metrics: metrics.value,
  filter: EMPTY_GRAPH_FILTER,
  dataVersion: 1,
  origin: "synthetic",
});
(generated as { value: unknown }).value = undefined; // the records are in the graph now

const dir = mkdtempSync(join(tmpdir(), "partnerkartan-export-bench-"));
const rows: (string | number)[][] = [];
const problems: string[] = [];
let peakStreamed = 0;
try {
  for (const name of EXPORT_FILE_NAMES) {
    gc();
    const baseline = rssMb();
    let maxRss = baseline;
    const sampler = setInterval(() => {
      maxRss = Math.max(maxRss, rssMb());
    }, 20);
    const path = join(dir, name);
    const start = performance.now();
    await pipeline(Readable.from(chunked(EXPORT_FILES[name].write(source))), createWriteStream(path));
    const ms = performance.now() - start;
    clearInterval(sampler);
    maxRss = Math.max(maxRss, rssMb());
    const sizeMb = statSync(path).size / 1024 / 1024;
    const growth = maxRss - baseline;
    const streams = growth < MAX_GROWTH_SHARE * sizeMb;
    if (!streams) problems.push(`${name}: RSS grew ${growth} MB while writing ${sizeMb.toFixed(0)} MB`);
    rows.push([
      name,
      `${sizeMb.toFixed(1)} MB`,
      s(ms),
      `${(sizeMb / (ms / 1000)).toFixed(1)} MB/s`,
      `${baseline} MB`,
      `${maxRss} MB`,
      `+${growth} MB (${((100 * growth) / sizeMb).toFixed(1)} % of the file)`,
      streams ? "streams" : "BUFFERS",
    ]);
    rmSync(path);
  }
  peakStreamed = peakRssMb();
  // Control: the same GEXF collected into one string before writing, as a non-streaming writer would. It shows the
  // measure above would catch buffering.
  gc();
  const baseline = rssMb();
  let maxRss = baseline;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb());
  }, 20);
  const start = performance.now();
  const whole = time(() => [...EXPORT_FILES["graph.gexf"].write(source)].join(""));
  await new Promise((resolve) => setImmediate(resolve));
  maxRss = Math.max(maxRss, rssMb());
  clearInterval(sampler);
  const sizeMb = Buffer.byteLength(whole.value) / 1024 / 1024;
  rows.push([
    "control: graph.gexf built in memory",
    `${sizeMb.toFixed(1)} MB`,
    s(performance.now() - start),
    "",
    `${baseline} MB`,
    `${maxRss} MB`,
    `+${maxRss - baseline} MB (${((100 * (maxRss - baseline)) / sizeMb).toFixed(1)} % of the file)`,
    maxRss - baseline < MAX_GROWTH_SHARE * sizeMb ? "streams" : "buffers (expected)",
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\n${markdownTable(["file", "size", "time", "rate", "RSS before", "RSS max while writing", "growth", "verdict"], rows)}`,
);
console.log(
  `\nPeak RSS: ${peakStreamed.toLocaleString("en-US")} MB through the streamed exports (graph, metrics and all five ` +
    `files); ${peakRssMb().toLocaleString("en-US")} MB after the in-memory control.`,
);
if (problems.length > 0) {
  console.error(
    `FAILED (growth must stay under ${MAX_GROWTH_SHARE * 100} % of the file size):\n  ${problems.join("\n  ")}`,
  );
  process.exitCode = 1;
} else console.log(`OK: every format streamed (RSS growth under ${MAX_GROWTH_SHARE * 100} % of the file size).`);
