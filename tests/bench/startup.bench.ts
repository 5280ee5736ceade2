/**
 * Cold start of the server's read model at 1k, 10k and 100k nodes (100k nodes / 1M edges at the top): each database is
 * generated and written once, then opened in a FRESH process per run, so every run pays module loading, an empty heap
 * and its own memory, as `npm start` does. Each run times what startServer does before it listens (open the store,
 * loadServices: read rows, build graph, match index), then the search index the server builds in the background after
 * listening, and reports RSS (after a GC) and peak RSS. Then one live edit: a project updated through the store and
 * the read model brought up to date, as the API does after a write. Last, the real server process (`server/main.ts`)
 * is started on the same file and timed to listening and to its first HTTP answer. Median of several runs; CPU time
 * alongside wall time because the machine is shared.
 * Then the same start with a saved read model (READ_MODEL_FILE, server/live/saved-model.ts), in the same run and in
 * fresh processes: the file missing, matching the store, stale (saved at an older data version) and corrupt (one
 * byte changed), each beside today's start without one; and the real server process with the matching file.
 * `npx tsx tests/bench/startup.bench.ts [--sizes 1k,10k,100k] [--runs N] [--db-dir DIR (reuse databases)]`
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseGenerateArgs, runGenerate } from "../../server/cli/generate";
import { markdownTable } from "../../server/cli/markdown-table";
import { refreshServices } from "../../server/live/refresh";
import { saveReadModel } from "../../server/live/save-model";
import { loadStartModel } from "../../server/live/start-model";
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
  /** Where the read model came from: "built" (read from the store) or "saved" (the file taken back). */
  from: string;
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
    saved: { type: "string" },
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
  const onPhase = (phase: LoadPhase, ms: number) => (phases[phase] = ms);
  // Today's start, or (--saved FILE) the server's: the saved read model when it matches, else built.
  const { services, from } = values.saved
    ? await loadStartModel(store, values.saved, { onPhase, warmSearch: false })
    : { services: await loadServices(store, { onPhase, warmSearch: false }), from: "built" };
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
    from,
    nodes,
    edges,
    open,
    read: phases.read ?? phases.saved ?? Number.NaN,
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
async function serverStart(
  databasePath: string,
  readModelFile = "off",
): Promise<{ listening: number; firstAnswer: number }> {
  const root = join(import.meta.dirname, "..", "..");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "server", "main.ts"), "--no-client"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      LOG_LEVEL: "warn",
      READ_MODEL_FILE: readModelFile,
    },
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
const savedRows: (string | number)[][] = [];
const savedNotes: string[] = [];
const SAVED_TARGET_SECONDS = 1;

/** A copy of a saved read model whose header says it was saved one data version before the store's. */
function staleCopy(file: Buffer): Buffer {
  const headerLength = file.readUInt32LE(8);
  const header = JSON.parse(file.subarray(12, 12 + headerLength).toString("utf8"));
  header.key.dataVersion -= 1;
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const preamble = Buffer.from(file.subarray(0, 12));
  preamble.writeUInt32LE(headerBytes.length, 8);
  return Buffer.concat([preamble, headerBytes, file.subarray(12 + headerLength)]);
}
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
    const n = Number(values.runs ?? spec.runs);
    const measure = (extra: string[] = [], times = n): RunResult[] => {
      const results: RunResult[] = [];
      for (let i = 0; i < times; i++) {
        const child = spawnSync(
          process.execPath,
          ["--import", "tsx", "--expose-gc", import.meta.filename, "--child", out, ...extra],
          { encoding: "utf8", maxBuffer: 1 << 20 },
        );
        if (child.status !== 0) throw new Error(`run ${i + 1} at ${size} failed:\n${child.stderr}`);
        results.push(JSON.parse(child.stdout.trim().split("\n").pop() as string) as RunResult);
      }
      return results;
    };
    const runs = measure();
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
    // The saved read model: written once from the store, then made stale and corrupt copies of it.
    const savedAt = performance.now();
    const matching = join(dir, `${size}.readmodel`);
    await saveReadModel({ storePath: out, file: matching });
    const saveSeconds = (performance.now() - savedAt) / 1000;
    const stale = join(dir, `${size}-stale.readmodel`);
    writeFileSync(stale, staleCopy(readFileSync(matching)));
    const corrupt = join(dir, `${size}-corrupt.readmodel`);
    const damaged = readFileSync(matching);
    const at = Math.floor(damaged.length * 0.9);
    damaged[at] = (damaged[at] as number) ^ 0xff;
    writeFileSync(corrupt, damaged);
    // Interleaved, run by run, so that a busy spell on the shared machine falls on every case alike.
    const caseArgs: [string, string[]][] = [
      ["today: no saved read model", []],
      ["missing file", ["--saved", join(dir, "absent.readmodel")]],
      ["matching file", ["--saved", matching]],
      ["stale file (saved at an older data version)", ["--saved", stale]],
      ["corrupt file (one byte changed)", ["--saved", corrupt]],
    ];
    const cases: [string, RunResult[]][] = caseArgs.map(([name]) => [name, []]);
    for (let i = 0; i < n; i++)
      caseArgs.forEach(([, extra], c) => {
        cases[c]?.[1].push(...measure(extra, 1));
      });
    const withSaved: { listening: number; firstAnswer: number }[] = [];
    for (let i = 0; i < n; i++) withSaved.push(await serverStart(out, matching));
    const today = median((cases[0]?.[1] ?? []).map((r) => r.load));
    for (const [name, results] of cases) {
      const mm = (pick: (r: RunResult) => number) => median(results.map(pick));
      savedRows.push([
        size,
        name,
        [...new Set(results.map((r) => r.from))].join(", "),
        `**${s(mm((r) => r.load))}** (CPU ${s(mm((r) => r.loadCpu))})`,
        `${(mm((r) => r.load) / today).toFixed(2)}×`,
        `${Math.round(mm((r) => r.rssMb))} MB`,
        `${Math.round(mm((r) => r.peakRssMb))} MB`,
      ]);
    }
    savedRows.push([
      size,
      "npm start with the matching file: spawn → listening / first answer",
      "saved",
      `${s(median(withSaved.map((r) => r.listening)))} / ${s(median(withSaved.map((r) => r.firstAnswer)))}`,
      `${(median(withSaved.map((r) => r.listening)) / median(real.map((r) => r.listening))).toFixed(2)}×`,
      "",
      "",
    ]);
    savedNotes.push(
      `${size}: the file is ${(readFileSync(matching).length / 1e6).toFixed(1)} MB, written in ${saveSeconds.toFixed(2)} s (the server writes it in a worker thread after it is ready)`,
    );
    if (size === TARGET.size) {
      const fromFile = median((cases[2]?.[1] ?? []).map((r) => r.load)) / 1000;
      verdicts.push(
        `cold start from a matching saved read model ${fromFile.toFixed(2)} s, target ≤ ${SAVED_TARGET_SECONDS} s: ${fromFile <= SAVED_TARGET_SECONDS ? "met" : "MISSED"}`,
      );
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
console.log(
  `\nCold start with a saved read model (READ_MODEL_FILE), fresh processes, the same work as "cold start" above:\n\n${markdownTable(
    ["size", "saved read model", "read model from", "cold start (median)", "vs today", "RSS after start", "peak RSS"],
    savedRows,
  )}\n\n${savedNotes.join("; ")}.`,
);
if (verdicts.length > 0) console.log(`\nAt ${TARGET.size} nodes / 1M edges: ${verdicts.join("; ")}.`);
