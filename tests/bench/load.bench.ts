/**
 * HTTP load on the seed data: 100 concurrent connections for 30 s on each of graph.snapshot, search.query and
 * match.partners (real inputs) and on a trivial endpoint (region.list) for the ratio. Prints errors and non-2xx
 * (must be 0), p50/p99 latency and requests per second. The server runs in a child process (server-process.ts) so
 * that autocannon's own work is not counted as the server's. On this 2-core machine the two still share the CPU.
 * `npx tsx tests/bench/load.bench.ts [--seconds 30 --connections 100]`
 */
import { parseArgs } from "node:util";
import { markdownTable } from "../../server/cli/markdown-table";
import { ENDPOINTS, type LoadFigures, load } from "./http-load";
import { startServerProcess } from "./server-process";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "30" }, connections: { type: "string", default: "100" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const server = await startServerProcess();
const rows: (string | number)[][] = [];
const problems: string[] = [];
const figures = new Map<string, LoadFigures>();
try {
  // Warm up every endpoint (JIT, lazy indexes) before measuring.
  await load(server.url, Object.values(ENDPOINTS), 10, 2);
  for (const [name, path] of Object.entries(ENDPOINTS)) {
    const f = await load(server.url, [path], connections, seconds);
    figures.set(name, f);
    if (f.errors + f.non2xx > 0)
      problems.push(`${name}: ${f.errors} errors (${f.errorKinds || "none"}), ${f.non2xx} non-2xx`);
    rows.push([
      name,
      f.requests.toLocaleString("en-US"),
      f.errors,
      f.non2xx,
      `${f.p50} ms`,
      `${f.p99} ms`,
      Math.round(f.rps).toLocaleString("en-US"),
    ]);
  }
  rows.push(["server RSS after the runs", "", "", "", "", "", `${server.rssMb()} MB`]);
} finally {
  await server.close();
}
console.log(
  `\n${connections} connections, ${seconds} s per endpoint, server in its own process on loopback.\n\n` +
    markdownTable(["endpoint", "requests", "errors", "non-2xx", "p50", "p99", "req/s"], rows),
);
const trivial = [...figures].find(([name]) => name.startsWith("region.list"))?.[1];
const partners = [...figures].find(([name]) => name.startsWith("match.partners"))?.[1];
if (trivial && partners) {
  const share = partners.rps / trivial.rps;
  console.log(
    `\nmatch.partners throughput is ${(100 * share).toFixed(0)} % of the trivial endpoint's ` +
      `(${Math.round(partners.rps)} / ${Math.round(trivial.rps)} req/s; trivial/partners = ${(1 / share).toFixed(2)}).`,
  );
}
if (problems.length > 0) {
  console.error(`FAILED (there must be no errors):\n  ${problems.join("\n  ")}`);
  process.exitCode = 1;
} else console.log("OK: no errors and no non-2xx responses.");
