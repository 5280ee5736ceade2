/**
 * Soak: 5 minutes of mixed load (every connection cycles through graph.snapshot, search.query, match.partners and
 * region.list) on the seed data, sampling the server process's RSS every 10 s. Prints the samples, the first and the
 * last minute's median RSS (also right after a forced GC, with the live heap) and least-squares slopes; a leak shows
 * as a steady climb, a healthy heap as a plateau.
 * `npx tsx tests/bench/soak.bench.ts [--seconds 300 --connections 100 --every 10]`
 */
import { parseArgs } from "node:util";
import { markdownTable } from "../../server/cli/markdown-table";
import { ENDPOINTS, load } from "./http-load";
import { startServerProcess } from "./server-process";
import { median } from "./stats";

/** Growth of the RSS after GC between the first and the last minute above both of these counts as a trend… */
const MAX_GROWTH_MB = 20;
const MAX_GROWTH_SHARE = 0.1;
/** …and so does a slope after the first minute above this. */
const MAX_SLOPE_MB_PER_MIN = 2;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "300" },
    connections: { type: "string", default: "100" },
    every: { type: "string", default: "10" },
  },
});
const seconds = Number(values.seconds);
const every = Number(values.every);

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const server = await startServerProcess();
interface Sample {
  t: number;
  /** As the OS sees it, whenever V8 last collected. */
  rss: number;
  /** Right after a forced full collection: what the server really keeps. */
  rssAfterGc: number;
  heapAfterGc: number;
}
const samples: Sample[] = [];
let figures: Awaited<ReturnType<typeof load>>;
try {
  const start = performance.now();
  const sample = async () => {
    const t = (performance.now() - start) / 1000;
    const rss = server.rssMb();
    const after = await server.memoryAfterGc();
    samples.push({ t, rss, rssAfterGc: after.rssMb, heapAfterGc: after.heapUsedMb });
  };
  await sample();
  const sampler = setInterval(sample, every * 1000);
  figures = await load(server.url, Object.values(ENDPOINTS), Number(values.connections), seconds);
  clearInterval(sampler);
  await sample();
} finally {
  await server.close();
}
const minute = Math.min(60, seconds / 5);
// The sample at t = 0 is the idle server before any request: listed, but not part of the first minute under load.
const firstMinute = samples.filter((s) => s.t > 0 && s.t <= minute);
const lastMinute = samples.filter((s) => s.t >= seconds - minute);
// The first minute includes the climb from an idle server to one under load (JIT, buffers, heap sizing); the slope
// after it is the trend.
const settled = samples.filter((s) => s.t >= minute);
const perMinute = (pick: (s: Sample) => number, of = settled) =>
  60 *
  slope(
    of.map((s) => s.t),
    of.map(pick),
  );
const row = (name: string, pick: (s: Sample) => number) => [
  name,
  `${median(firstMinute.map(pick))} MB`,
  `${median(lastMinute.map(pick))} MB`,
  `${perMinute(pick, samples).toFixed(2)} MB/min`,
  `${perMinute(pick).toFixed(2)} MB/min`,
];
const growth = median(lastMinute.map((s) => s.rssAfterGc)) - median(firstMinute.map((s) => s.rssAfterGc));
const heapGrowth = median(lastMinute.map((s) => s.heapAfterGc)) - median(firstMinute.map((s) => s.heapAfterGc));
const settledSlope = perMinute((s) => s.rssAfterGc);
const trend =
  growth > MAX_GROWTH_MB &&
  growth > MAX_GROWTH_SHARE * median(firstMinute.map((s) => s.rssAfterGc)) &&
  settledSlope > MAX_SLOPE_MB_PER_MIN;

console.log(
  `\n${values.connections} connections for ${seconds} s, mixed endpoints; the server's memory every ${every} s.\n` +
    `RSS: ${samples.map((s) => s.rss).join(", ")} MB\nRSS after GC: ${samples.map((s) => s.rssAfterGc).join(", ")} MB\n` +
    `heap after GC: ${samples.map((s) => s.heapAfterGc).join(", ")} MB\n`,
);
console.log(
  `requests ${figures.requests.toLocaleString("en-US")}, errors ${figures.errors}` +
    `${figures.errorKinds ? ` (${figures.errorKinds})` : ""}, non-2xx ${figures.non2xx}; ` +
    `latency p50 ${figures.p50} ms, p99 ${figures.p99} ms\n`,
);
console.log(
  markdownTable(
    ["memory", `median, first ${minute} s`, `median, last ${minute} s`, "slope, whole run", `slope after ${minute} s`],
    [
      row("RSS", (s) => s.rss),
      row("RSS after GC", (s) => s.rssAfterGc),
      row("heap used after GC", (s) => s.heapAfterGc),
    ],
  ),
);
const verdict = trend
  ? `GROWTH: RSS after GC rose ${growth} MB from the first to the last minute (more than ${MAX_GROWTH_MB} MB and ${MAX_GROWTH_SHARE * 100} %), still climbing ${settledSlope.toFixed(1)} MB/min`
  : `no growth trend: RSS after GC ${growth >= 0 ? "+" : ""}${growth} MB, live heap ${heapGrowth >= 0 ? "+" : ""}${heapGrowth} MB from the first to the last minute`;
console.log(`\n${trend ? "FAILED" : "OK"}: ${verdict}.`);
if (trend || figures.errors + figures.non2xx > 0) process.exitCode = 1;
