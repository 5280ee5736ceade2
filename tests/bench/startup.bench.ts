/**
 * Cold start of the server's read model at 1k, 10k and 100k nodes (100k nodes / 1M edges at the top): each database is
 * generated and written once, then opened in a FRESH process per run, so every run pays module loading, an empty heap
 * and its own memory, as `npm start` does. Each run times what startServer does before it listens (open the store,
 * loadServices: read rows, build graph, match index), then the search index the server builds in the background after
 * listening, and reports RSS (after a GC) and peak RSS. Then one live edit: a project updated through the store and
 * the read model brought up to date, as the API does after a write. Last, the real server process (`server/main.ts`)
 * is started on the same file and timed to listening and to its first HTTP answer. Median of several runs; CPU time
 * alongside wall time because the machine is shared.
 * `npx tsx tests/bench/startup.bench.ts [--sizes 1k,10k,100k] [--runs N] [--db-dir DIR (reuse databases)]`
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseGenerateArgs, runGenerate } from "../../server/cli/generate";
import { markdownTable } from "../../server/cli/markdown-table";
import { refreshServices } from "../../server/live/refresh";
import { type LoadPhase, loadServices } from "../../server/services";
import { Store } from "../../server/store/store";
import { cachedDatabasePath } from "./db-cache";
import { collectGarbage, median } from "./stats";

const TARGET = { size: "100k", seconds: 5, rssMb: 1536 };
const SIZES: Record<string, { projects: number; organisations: number; runs: number }> = {
  "1k": { projects: 400, organisations: 600, runs: 5 },
  "10k": { projects: 4_000, organisations: 6_000, runs: 5 },
  "100k": { projects: 40_000, organisations: 60_000, runs: 3 },
};

interface RunResult {
  nodes: number;
  edges: number;
  /** ms: open the store (migrations, seeded check), then loadServices's phases. */
  open: number;
  read: number;
  graph: number;
  matchIndex: number;
  /** Sum of the above: the start-up work before the server listens. */
  load: number;
  /** CPU time (user + system) of `load`, ms. */
  loadCpu: number;
  /** The search index, built after listening in the server; here all at once. */
  search: number;
  /** From process start (module loading included) to a complete read model. */
  sinceProcessStart: number;
  /** One project edited through the store, then the read model brought up to date (refreshServices), ms. */
  writeRefresh: number;
  rssMb: number;
  peakRssMb: number;
}

const { values } = parseArgs({
  options: {
    child: { type: "string" },
    sizes: { type: "string", default: Object.keys(SIZES).join(",") },
    runs: { type: "string" },
    "db-dir": { type: "string" },
  },
});

if (values.child) {
  // One measured run, in its own process.
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const store = new Store(values.child);
  if (!(await store.isSeeded())) throw new Error(`${values.child} holds no data set`);
  const open = performance.now() - start;
  const phases: Partial<Record<LoadPhase, number>> = {};
  const services = await loadServices(store, { onPhase: (phase, ms) => (phases[phase] = ms), warmSearch: false });
  const load = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const searchStart = performance.now();
  services.search.buildSome(Number.POSITIVE_INFINITY);
  const search = performance.now() - searchStart;
  const sinceProcessStart = performance.now();
  const { order: nodes, size: edges } = services.graph;
  // A live edit: one project renamed and retagged, inside a transaction that is rolled back afterwards, so the shared
  // database file is left as it was (the refresh reads the uncommitted write on the same connection).
  const edited = services.data.projects[Math.floor(services.data.projects.length / 2)];
  if (!edited) throw new Error("no project to edit");
  const writeStart = performance.now();
  let writeRefresh = 0;
  const rollback = new Error("rolled back on purpose");
  await store.db
    .transaction(async () => {
      await store.entities.update(
        { kind: "project", record: { ...edited, name: `${edited.name} (edited)`, topics: edited.topics.slice(1) } },
        null,
      );
      await refreshServices(services);
      writeRefresh = performance.now() - writeStart;
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  collectGarbage();
  const result: RunResult = {
    nodes,
    edges,
    open,
    read: phases.read ?? Number.NaN,
    graph: phases.graph ?? Number.NaN,
    matchIndex: phases.matchIndex ?? Number.NaN,
    load,
    loadCpu: (cpu.user + cpu.system) / 1000,
    search,
    sinceProcessStart,
    writeRefresh,
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await store.close();
  console.log(JSON.stringify(result));
  process.exit(0);
}

const sizes = (values.sizes ?? "").split(",").filter((s) => s !== "");
const unknown = sizes.filter((s) => !(s in SIZES));
if (unknown.length > 0 || sizes.length === 0) {
  console.error(
    `--sizes: unknown size ${unknown.join(", ") || "(none given)"}; choose from ${Object.keys(SIZES).join(", ")}`,
  );
  process.exit(2);
}
/**
 * The real thing: `server/main.ts` (as `npm start` runs it, without the client) started on the database in a new
 * process, timed from spawning it to the "running at" line and then to its first answer over HTTP.
 */
async function serverStart(databasePath: string): Promise<{ listening: number; firstAnswer: number }> {
  const root = join(import.meta.dirname, "..", "..");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "server", "main.ts"), "--no-client"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/[^\s]+)/.exec(output);
        if (match) resolve(match[1] as string);
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
    });
    const listening = performance.now() - started;
    const response = await fetch(`${url}/trpc/region.list`);
    if (!response.ok) throw new Error(`region.list answered ${response.status}`);
    await response.arrayBuffer();
    return { listening, firstAnswer: performance.now() - started };
  } finally {
    child.kill("SIGKILL");
  }
}

const dir = values["db-dir"] ?? mkdtempSync(join(tmpdir(), "partnerkartan-startup-bench-"));
mkdirSync(dir, { recursive: true });
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows: (string | number)[][] = [];
const verdicts: string[] = [];
try {
  for (const size of sizes) {
    const spec = SIZES[size] as (typeof SIZES)[string];
    // The generate benchmark leaves the 100k file in the shared cache; reuse it rather than write it again.
    const shared = cachedDatabasePath(spec.projects, spec.organisations, 1);
    const out =
      values["db-dir"] || !existsSync(shared)
        ? join(dir, `startup-${spec.projects}p-${spec.organisations}o-seed1.db`)
        : shared;
    if (!existsSync(out)) {
      console.log(`Writing the ${size} database (${spec.projects} projects, ${spec.organisations} organisations)…`);
      const args = ["--projects", String(spec.projects), "--organisations", String(spec.organisations), "--seed", "1"];
      await runGenerate(parseGenerateArgs([...args, "--out", out]), () => {});
    }
    const runs: RunResult[] = [];
    const n = Number(values.runs ?? spec.runs);
    for (let i = 0; i < n; i++) {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "--expose-gc", import.meta.filename, "--child", out],
        { encoding: "utf8", maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) throw new Error(`run ${i + 1} at ${size} failed:\n${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split("\n").pop() as string) as RunResult);
    }
    const real: { listening: number; firstAnswer: number }[] = [];
    for (let i = 0; i < n; i++) real.push(await serverStart(out));
    const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
    const first = runs[0] as RunResult;
    rows.push([
      `${size} (${first.nodes.toLocaleString("en-US")} / ${first.edges.toLocaleString("en-US")})`,
      n,
      s(m((r) => r.open)),
      s(m((r) => r.read)),
      s(m((r) => r.graph)),
      s(m((r) => r.matchIndex)),
      `**${s(m((r) => r.load))}** (CPU ${s(m((r) => r.loadCpu))})`,
      s(m((r) => r.search)),
      s(m((r) => r.sinceProcessStart)),
      `${s(median(real.map((r) => r.listening)))} / ${s(median(real.map((r) => r.firstAnswer)))}`,
      `${s(m((r) => r.writeRefresh))} (${Math.round((100 * m((r) => r.writeRefresh)) / m((r) => r.load))} % of a start)`,
      `${Math.round(m((r) => r.rssMb))} MB`,
      `${Math.round(m((r) => r.peakRssMb))} MB`,
    ]);
    if (size === TARGET.size) {
      const load = m((r) => r.load) / 1000;
      const listening = median(real.map((r) => r.listening)) / 1000;
      const search = m((r) => r.search) / 1000;
      const peak = m((r) => r.peakRssMb);
      verdicts.push(
        `cold start (open the store, build the read model: what the server does before it listens) ${load.toFixed(2)} s, target ≤ ${TARGET.seconds} s: ${load <= TARGET.seconds ? "met" : "MISSED"}`,
        `the real server process (module loading included) listens ${listening.toFixed(2)} s after it is spawned`,
        `the search index follows in the background after listening, ${search.toFixed(2)} s (no target)`,
        `peak RSS ${peak} MB, target ≤ ${TARGET.rssMb} MB: ${peak <= TARGET.rssMb ? "met" : "MISSED"}`,
      );
    }
  }
} finally {
  if (!values["db-dir"]) rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\n${markdownTable(
    [
      "nodes / edges",
      "runs",
      "open store",
      "read rows",
      "build graph",
      "match index",
      "cold start: open + load (median)",
      "search index (background)",
      "process start → all built",
      "npm start: spawn → listening / first answer",
      "edit one project + refresh",
      "RSS after start",
      "peak RSS",
    ],
    rows,
  )}`,
);
if (verdicts.length > 0) console.log(`\nAt ${TARGET.size} nodes / 1M edges: ${verdicts.join("; ")}.`);
