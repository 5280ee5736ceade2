/**
 * match.partners over HTTP on the seed beside a plain Fastify route, in one run, 50 connections (issue 20's row):
 * - a plain route of the app (GET /api/live: every hook the app has — security headers, cookies, the request
 *   policy, metrics — but no procedure), the reference the ratios are of;
 * - a bare Fastify app in its own process (no hooks, no logging): this machine's HTTP floor;
 * - match.partners with an input that repeats (the query cache answers from bytes, server/http/query-cache.ts);
 * - match.partners with a new input every request (weights never repeat: the procedure runs every time);
 * - bytes per answer for 20 partners, lean (the default) and verbose, over all seed projects.
 * Each server runs in its own child process (server-process.ts); the load generator shares the 2 cores with it.
 * `npx tsx tests/bench/throughput.bench.ts [--seconds 15 --connections 50]`
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { markdownTable } from "../../server/cli/markdown-table";
import { load, project, trpc } from "./http-load";
import { ROOT, startServerProcess } from "./server-process";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "15" }, connections: { type: "string", default: "50" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const plain = await startServerProcess({ plain: true });
const app = await startServerProcess();
const rows: (string | number)[][] = [];
let failed = false;
try {
  let n = 0;
  // A new weight pair every request (997 × 991 of them): no two inputs alike, so no answer comes from the cache.
  const fresh = () => {
    n++;
    const weights = { topics: 0.5 + (n % 997) / 997, geography: 0.25 + (Math.floor(n / 997) % 991) / 991 };
    return trpc("match.partners", { projectId: project.id, weights });
  };
  const same = trpc("match.partners", { projectId: project.id });
  // Warm up (JIT, the cache's first answer) before measuring.
  await load(plain.url, ["/plain"], 10, 2);
  await load(app.url, ["/api/live"], 10, 2);
  await load(app.url, [same], 10, 2);
  await load(app.url, fresh, 10, 2);
  const bare = await load(plain.url, ["/plain"], connections, seconds);
  const reference = await load(app.url, ["/api/live"], connections, seconds);
  const cached = await load(app.url, [same], connections, seconds);
  const computed = await load(app.url, fresh, connections, seconds);
  const row = (name: string, f: typeof reference, target: string) => {
    const ratio = f.rps / reference.rps;
    const verdict = target && (ratio >= 0.6 && f.p99 <= 50 ? ": met" : ": MISSED");
    const errors = f.errors + f.non2xx;
    if (errors > 0) failed = true;
    rows.push([
      name,
      Math.round(f.rps).toLocaleString("en-US"),
      `${ratio.toFixed(2)}×`,
      `${f.p50} ms`,
      `${f.p99} ms`,
      errors,
      target && `${target}${verdict}`,
    ]);
  };
  row("bare Fastify app, one route (the floor)", bare, "");
  row("the app's plain route GET /api/live (reference)", reference, "");
  row(`match.partners ${project.id}, repeated input (cache)`, cached, "≥ 0.6×, p99 ≤ 50 ms");
  row(`match.partners ${project.id}, new input each time`, computed, "≥ 0.6×, p99 ≤ 50 ms");

  // Bytes per answer for 20 partners, lean and verbose, over every seed project (median and largest).
  const projects = (JSON.parse(readFileSync(join(ROOT, "data", "projects.json"), "utf8")) as { id: string }[]).map(
    (p) => p.id,
  );
  const sizes = { lean: [] as number[], verbose: [] as number[] };
  for (const id of projects)
    for (const verbose of [false, true]) {
      const body = await (
        await fetch(`${app.url}${trpc("match.partners", { projectId: id, limit: 20, verbose })}`)
      ).text();
      sizes[verbose ? "verbose" : "lean"].push(Buffer.byteLength(body));
    }
  const summary = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${((sorted[sorted.length >> 1] as number) / 1024).toFixed(1)} KB, largest ${((sorted.at(-1) as number) / 1024).toFixed(1)} KB`;
  };
  const largestLean = Math.max(...sizes.lean);
  rows.push([
    `answer for 20 partners, lean (${projects.length} seed projects)`,
    summary(sizes.lean),
    "",
    "",
    "",
    "",
    `≤ 3 KB: ${largestLean <= 3072 ? "met" : "MISSED"}`,
  ]);
  rows.push(["answer for 20 partners, verbose (the old answer)", summary(sizes.verbose), "", "", "", "", ""]);
} finally {
  await app.close();
  await plain.close();
}
console.log(
  `\n${connections} connections, ${seconds} s per row, each server in its own process on loopback.\n\n` +
    markdownTable(["what", "req/s", "of plain", "p50", "p99", "errors", "target"], rows),
);
if (failed) {
  console.error("FAILED: there were errors or non-2xx answers");
  process.exitCode = 1;
}
