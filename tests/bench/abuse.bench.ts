/**
 * Abuse (issue #14, item 2): does /api/health stay fast, and the server's memory bounded, while clients hammer the
 * expensive public requests? The server runs with its REAL limits (heavy-answer budget per address, two heavy answers
 * at once, batch rules) in its own process; the attackers run in another (attackers.ts); this process only probes
 * /api/health, one request after the other, and samples the server's RSS from /proc and its event-loop delay.
 * On the seed (data/) and on a generated graph of ~10k nodes, each scenario on a fresh server for `--seconds`:
 * - baseline: health with no load;
 * - the old attack: 10 parallel loops of the 12 KB GET batching graph.snapshot 330 times (now refused with 400);
 * - 24 clients hammering the most expensive public request (measured first among the candidates below: the one that
 *   blocks the server's event loop longest, then the slowest), (a) all from one address, where the per-address
 *   budget answers 429, and (b) from 24 addresses, where the global limit of heavy answers at once queues or 503s.
 * Targets: health p99 < 100 ms, server RSS < 1 GB under attack.
 * `npx tsx tests/bench/abuse.bench.ts [--seconds 20 --sizes seed,10k]`
 */
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseGenerateArgs, runGenerate } from "../../server/cli/generate";
import { markdownTable } from "../../server/cli/markdown-table";
import { type AttackFigures, attack } from "./attackers";
import { cachedDatabasePath } from "./db-cache";
import { type LoopDelay, ROOT, type ServerProcess, startServerProcess } from "./server-process";
import { median, percentile } from "./stats";

const TARGET = { healthP99Ms: 100, rssMb: 1024 };
const CLIENTS = 24;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    sizes: { type: "string", default: "seed,10k" },
  },
});
const seconds = Number(values.seconds);

const SIZES: Record<string, { label: string; projects?: number; organisations?: number }> = {
  seed: { label: "seed (data/)" },
  "10k": { label: "generated, 10k nodes", projects: 4_000, organisations: 6_000 },
};

const enc = (input: unknown) => encodeURIComponent(JSON.stringify(input));
const firstId = (file: string) =>
  (JSON.parse(readFileSync(join(ROOT, "data", file), "utf8")) as { id?: string; code?: string }[])[0];
const topicId = firstId("topics.json")?.id as string;
const regionCode = firstId("regions.json")?.code as string;
const ALL_KINDS = { kinds: ["project", "organisation", "topic", "skill", "region"] };

/** The heavy procedures that may be batched (graph.snapshot may not), with an input each. */
const HEAVY_CALLS: [string, unknown][] = [
  ["graph.metrics", undefined],
  ["coverage.matrix", undefined],
  ["coverage.byRegion", {}],
  ["coverage.fillers", { regionCode, topicId, limit: 50 }],
  ["layout.positions", undefined],
];
/** A batch at the limit: every batchable heavy procedure once, filled up to 10 calls with cheap ones. */
function worstBatch(): string {
  const calls: [string, unknown][] = [
    ...HEAVY_CALLS,
    ["search.query", { q: "data", limit: 100 }],
    ["region.list", undefined],
    ["auth.me", undefined],
    ["search.query", { q: "a", limit: 100 }],
    ["search.query", { q: "e", limit: 100 }],
  ];
  const inputs = Object.fromEntries(calls.map(([, input], i) => [i, input]).filter(([, input]) => input !== undefined));
  return `/trpc/${calls.map(([path]) => path).join(",")}?batch=1&input=${enc(inputs)}`;
}

const CANDIDATES: Record<string, { path: string; heavyCalls: number }> = {
  "GET /trpc/graph.snapshot (cached bytes)": { path: "/trpc/graph.snapshot", heavyCalls: 1 },
  "GET /trpc/graph.snapshot with input (cached per set of kinds)": {
    path: `/trpc/graph.snapshot?input=${enc(ALL_KINDS)}`,
    heavyCalls: 1,
  },
  "GET /trpc/graph.metrics": { path: "/trpc/graph.metrics", heavyCalls: 1 },
  "GET /trpc/coverage.matrix": { path: "/trpc/coverage.matrix", heavyCalls: 1 },
  "GET /api/graph": { path: "/api/graph", heavyCalls: 1 },
  "GET /api/export/graph.gexf": { path: "/api/export/graph.gexf", heavyCalls: 1 },
  "GET /api/export/graph.graphml": { path: "/api/export/graph.graphml", heavyCalls: 1 },
  [`GET batch of 10 calls, all ${HEAVY_CALLS.length} batchable heavy procedures once`]: {
    path: worstBatch(),
    heavyCalls: HEAVY_CALLS.length,
  },
};

const OLD_ATTACK = `/trpc/${Array.from({ length: 330 }, () => "graph.snapshot").join(",")}?batch=1`;

function get(
  url: string,
  path: string,
  from: string,
  agent?: Agent,
): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { agent: agent ?? false, localAddress: from }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function serverFor(size: string): Promise<ServerProcess> {
  const spec = SIZES[size] as (typeof SIZES)[string];
  if (spec.projects === undefined) return startServerProcess({ realLimits: true });
  const databasePath = cachedDatabasePath(spec.projects, spec.organisations as number, 1);
  if (!existsSync(databasePath)) {
    console.log(
      `Generating the ${size} database once (${spec.projects} projects, ${spec.organisations} organisations)…`,
    );
    const args = ["--projects", String(spec.projects), "--organisations", String(spec.organisations), "--seed", "1"];
    await runGenerate(parseGenerateArgs([...args, "--out", databasePath]), () => {});
  }
  return startServerProcess({ realLimits: true, databasePath });
}

/** Metrics (a worker), layout and caches computed before measuring, from an address no scenario uses. */
async function warmUp(server: ServerProcess): Promise<void> {
  for (const path of ["/trpc/graph.metrics", "/trpc/coverage.matrix", "/api/graph", "/trpc/layout.positions"])
    await get(server.url, path, "127.0.9.9");
  await server.loopDelay();
}

interface Probed {
  name: string;
  status: number;
  bytes: number;
  ms: number;
  loop: LoopDelay;
}

/** Each candidate twice in a row from its own address: how long it takes and how long it blocks the server's loop. */
async function probeCandidates(server: ServerProcess): Promise<Probed[]> {
  const probed: Probed[] = [];
  let i = 0;
  for (const [name, { path }] of Object.entries(CANDIDATES)) {
    i++;
    progress(`probing ${name}`);
    await server.loopDelay();
    const runs = [];
    for (let run = 0; run < 2; run++) runs.push(await get(server.url, path, `127.0.2.${i}`));
    const loop = await server.loopDelay();
    const last = runs[runs.length - 1] as (typeof runs)[number];
    probed.push({ name, status: last.status, bytes: last.bytes, ms: median(runs.map((r) => r.ms)), loop });
  }
  return probed;
}

interface ScenarioResult {
  health: number[];
  /** Health probes that got no answer or not 200. */
  failures: number;
  rssMax: number;
  loop: LoopDelay;
  attack?: AttackFigures;
}

/** Probes health (and samples RSS) for `seconds`, while the attackers, if any, run. */
async function scenario(server: ServerProcess, paths: string[], addresses: string[]): Promise<ScenarioResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let rssMax = server.rssMb();
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rssMb())), 100);
  const attackers = addresses.length > 0 ? attack({ url: server.url, paths, addresses, seconds }) : undefined;
  await attackers?.started;
  await server.loopDelay();
  const health: number[] = [];
  let running = true;
  const finished = (attackers?.done ?? new Promise((r) => setTimeout(r, seconds * 1000))).finally(
    () => (running = false),
  );
  let failures = 0;
  while (running) {
    const answer = await get(server.url, "/api/health", "127.0.0.1", agent).catch(() => undefined);
    if (answer?.status === 200) health.push(answer.ms);
    else failures++;
    await new Promise((r) => setTimeout(r, 10));
  }
  const figures = (await finished) as AttackFigures | undefined;
  const loop = await server.loopDelay();
  clearInterval(sampler);
  agent.destroy();
  return { health: health.sort((a, b) => a - b), failures, rssMax, loop, attack: figures };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
const statusesOf = (f?: AttackFigures) =>
  f
    ? [
        ...Object.entries(f.statuses).map(([s, n]) => `${s}: ${n.toLocaleString("en-US")}`),
        ...Object.entries(f.errors).map(([code, n]) => `${code}: ${n}`),
      ].join(", ")
    : "";

const sizes = (values.sizes ?? "").split(",").filter((s) => s !== "");
if (sizes.length === 0 || sizes.some((s) => !(s in SIZES))) {
  console.error(`--sizes: choose from ${Object.keys(SIZES).join(", ")}`);
  process.exit(2);
}
const started = performance.now();
/** Where the run is, on stderr, so the tables on stdout stay clean. */
const progress = (what: string) => console.error(`  [${((performance.now() - started) / 1000).toFixed(0)} s] ${what}`);
const rows: string[][] = [];
const candidateRows: string[][] = [];
const verdicts: string[] = [];
let missed = 0;
for (const size of sizes) {
  const label = (SIZES[size] as (typeof SIZES)[string]).label;
  // Which request is the most expensive here?
  let server = await serverFor(size);
  let probed: Probed[];
  try {
    await warmUp(server);
    probed = await probeCandidates(server);
  } finally {
    await server.close();
  }
  const worst = [...probed].sort((a, b) => b.loop.maxMs - a.loop.maxMs || b.ms - a.ms)[0] as Probed;
  for (const p of probed)
    candidateRows.push([
      label,
      p === worst ? `**${p.name}**` : p.name,
      String(p.status),
      mb(p.bytes),
      ms(p.ms),
      ms(p.loop.maxMs),
    ]);
  const worstCandidate = CANDIDATES[worst.name] as (typeof CANDIDATES)[string];

  const scenarios: [string, string[], string[], boolean][] = [
    ["baseline: no load", [], [], false],
    ["old attack: 10 loops of the 330× graph.snapshot batch", [OLD_ATTACK], ten("127.0.3."), true],
    [`${CLIENTS} clients, one address: ${worst.name}`, [worstCandidate.path], same("127.0.4.1"), true],
    [`${CLIENTS} clients, ${CLIENTS} addresses: ${worst.name}`, [worstCandidate.path], many("127.0.5."), true],
  ];
  for (const [name, paths, addresses, targeted] of scenarios) {
    progress(`${label}: ${name}`);
    server = await serverFor(size);
    let result: ScenarioResult;
    try {
      await warmUp(server);
      result = await scenario(server, paths, addresses);
    } finally {
      await server.close();
    }
    const p50 = percentile(result.health, 50);
    const p99 = percentile(result.health, 99);
    const ok = result.attack?.statuses[200] ?? 0;
    const heavyCalls = paths[0] === worstCandidate.path ? worstCandidate.heavyCalls : 0;
    const served =
      heavyCalls > 0
        ? `${(ok / seconds).toFixed(1)}/s${heavyCalls > 1 ? ` (${((ok * heavyCalls) / seconds).toFixed(1)} heavy calls/s)` : ""}, ${mb((result.attack?.okBytes ?? 0) / seconds)}/s`
        : "";
    const met = p99 < TARGET.healthP99Ms && result.rssMax < TARGET.rssMb && result.failures === 0;
    if (targeted && !met) missed++;
    rows.push([
      label,
      name,
      `${result.health.length}${result.failures > 0 ? ` (+ ${result.failures} FAILED)` : ""}`,
      ms(p50),
      `${ms(p99)}${targeted ? (p99 < TARGET.healthP99Ms ? " ✓" : " ✗") : ""}`,
      ms(percentile(result.health, 100)),
      `${result.rssMax} MB${targeted ? (result.rssMax < TARGET.rssMb ? " ✓" : " ✗") : ""}`,
      ms(result.loop.maxMs),
      statusesOf(result.attack),
      served,
      targeted ? (met ? "met" : "**MISSED**") : "",
    ]);
  }
  verdicts.push(`${label}: the most expensive public request is ${worst.name}`);
}

function ten(prefix: string): string[] {
  return Array.from({ length: 10 }, (_, i) => `${prefix}${i + 1}`);
}
function same(address: string): string[] {
  return Array.from({ length: CLIENTS }, () => address);
}
function many(prefix: string): string[] {
  return Array.from({ length: CLIENTS }, (_, i) => `${prefix}${i + 1}`);
}

console.log(
  `\nCandidates for the most expensive public request (each twice in a row, real limits; the worst blocks the server's event loop longest):\n\n${markdownTable(
    ["data", "request", "status", "size", "time (median of 2)", "server loop blocked (max)"],
    candidateRows,
  )}`,
);
console.log(
  `\n${seconds} s per scenario, each on a fresh server with the real limits in its own process; attackers in another ` +
    `process (keep-alive loops, one request at a time each); /api/health probed from this one, one request after ` +
    `the other with 10 ms pauses. Targets under attack: health p99 < ${TARGET.healthP99Ms} ms, server RSS < ${TARGET.rssMb} MB.\n\n` +
    markdownTable(
      [
        "data",
        "scenario",
        "health probes",
        "health p50",
        "health p99",
        "health max",
        "server RSS max",
        "server loop blocked (max)",
        "attackers' answers by status",
        "heavy answers served",
        "targets",
      ],
      rows,
    ),
);
console.log(`\n${verdicts.join(".\n")}.`);
console.log(
  `Took ${((performance.now() - started) / 60_000).toFixed(1)} min. Reproduce: npm run bench -- abuse ` +
    `(or npx tsx tests/bench/abuse.bench.ts --seconds ${seconds} --sizes ${sizes.join(",")}).`,
);
if (missed > 0) {
  console.error(`FAILED: ${missed} scenario(s) missed a target.`);
  process.exitCode = 1;
} else console.log("OK: every attack scenario met both targets.");
