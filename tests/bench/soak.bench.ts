/**
 * Soak: 5 minutes of mixed load (every connection cycles through graph.snapshot, search.query, match.partners and
 * region.list) on the seed data, sampling the server process's RSS every 10 s. Prints the samples, the first and the
 * last minute's median RSS and the least-squares slope; a leak shows as a steady climb, a healthy heap as a plateau.
 * `npx tsx tests/bench/soak.bench.ts [--seconds 300 --connections 100 --every 10]`
 */
import { parseArgs } from "node:util";
import { markdownTable } from "../../server/cli/markdown-table";
import { ENDPOINTS, load } from "./http-load";
import { startServerProcess } from "./server-process";
import { median } from "./stats";

/** Growth between the first and the last minute above both of these counts as a trend. */
const MAX_GROWTH_MB = 20;
const MAX_GROWTH_SHARE = 0.1;

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
const samples: { t: number; rss: number }[] = [];
let figures: Awaited<ReturnType<typeof load>>;
try {
  const start = performance.now();
  const sample = () => samples.push({ t: (performance.now() - start) / 1000, rss: server.rssMb() });
  sample();
  const sampler = setInterval(sample, every * 1000);
  figures = await load(server.url, Object.values(ENDPOINTS), Number(values.connections), seconds);
  clearInterval(sampler);
  sample();
} finally {
  await server.close();
}
const minute = Math.min(60, seconds / 5);
const first = median(samples.filter((s) => s.t <= minute).map((s) => s.rss));
const last = median(samples.filter((s) => s.t >= seconds - minute).map((s) => s.rss));
const perMinute =
  60 *
  slope(
    samples.map((s) => s.t),
    samples.map((s) => s.rss),
  );
// After the first minute (JIT, caches and the heap settling), the rest should be flat.
const settled = samples.filter((s) => s.t >= minute);
const settledPerMinute =
  60 *
  slope(
    settled.map((s) => s.t),
    settled.map((s) => s.rss),
  );
const growth = last - first;
const trend = growth > MAX_GROWTH_MB && growth > MAX_GROWTH_SHARE * first;

console.log(
  `\n${values.connections} connections for ${seconds} s, mixed endpoints; server RSS every ${every} s ` +
    `(${samples.map((s) => s.rss).join(", ")} MB).\n`,
);
console.log(
  markdownTable(
    ["measure", "value"],
    [
      [
        "requests / errors / non-2xx",
        `${figures.requests.toLocaleString("en-US")} / ${figures.errors} / ${figures.non2xx}`,
      ],
      ["latency p50 / p99", `${figures.p50} ms / ${figures.p99} ms`],
      [`median RSS, first ${minute} s`, `${first} MB`],
      [`median RSS, last ${minute} s`, `${last} MB`],
      ["RSS slope, whole run", `${perMinute.toFixed(2)} MB/min`],
      [`RSS slope after the first ${minute} s`, `${settledPerMinute.toFixed(2)} MB/min`],
    ],
  ),
);
const verdict = trend
  ? `GROWTH: RSS rose ${growth} MB from the first to the last minute (more than ${MAX_GROWTH_MB} MB and ${MAX_GROWTH_SHARE * 100} %)`
  : `no growth trend: ${growth >= 0 ? "+" : ""}${growth} MB from the first to the last minute`;
console.log(`\n${trend ? "FAILED" : "OK"}: ${verdict}.`);
if (trend || figures.errors + figures.non2xx > 0) process.exitCode = 1;
