/**
 * The real server on loopback in a CHILD process, for HTTP benchmarks: the load generator (autocannon, itself busy
 * JavaScript) then does not share the server's event loop, so its work does not show up as server latency, and the
 * server's RSS can be read on its own (from /proc). Seeded from data/ into a temporary database, or serving a copy of
 * a given database. Functional limits by default (RELAXED_LIMITS: a load test is not an attack); the abuse benchmark
 * asks for the real ones. Run directly (`npx tsx tests/bench/server-process.ts`), it is the child: it starts the server and prints its URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import Fastify from "fastify";
import { tempDatabasePath } from "../fixtures/dataset";
import { RELAXED_LIMITS, startTestServer } from "../integration/server-helpers";
import { collectGarbage } from "./stats";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size of the server process now, in MB (Linux /proc). */
  rssMb(): number;
  /** Makes the server collect garbage, then reports its RSS and live heap, in MB: the figures a leak would move. */
  memoryAfterGc(): Promise<{ rssMb: number; heapUsedMb: number }>;
  /**
   * The server's event-loop delay since the last call (ms): how long its loop was blocked, as every request waiting
   * behind it felt. Starts a new measuring window.
   */
  loopDelay(): Promise<LoopDelay>;
  close(): Promise<void>;
}

export interface ServerProcessOptions {
  /** The production limits (heavy-answer budget, sign-in limits) instead of the relaxed ones of functional tests. */
  realLimits?: boolean;
  /** Serve a copy of this database (e.g. a generated one) instead of seeding one from data/. */
  databasePath?: string;
  /** Serve this PostgreSQL database (DATABASE_URL) instead of a SQLite file; seeded from data/ if empty. */
  databaseUrl?: string;
  /** Write the server's V8 CPU profile (.cpuprofile, for Chrome DevTools) into this folder when it stops. */
  cpuProfileDir?: string;
  /**
   * Instead of Partnerkartan, a bare Fastify app with one route, GET /plain answering a small JSON object: the
   * reference for what this machine's HTTP stack costs per request.
   */
  plain?: boolean;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** How the parent tells the child process its options. */
const OPTIONS_ENV = "PARTNERKARTAN_BENCH_SERVER";

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const profile = options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--expose-gc", import.meta.filename],
    {
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      env: { ...process.env, [OPTIONS_ENV]: JSON.stringify(options) },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server process exited with ${code} before listening`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  const pid = child.pid as number;
  return {
    url,
    pid,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Math.round(Number(kb) / 1024);
    },
    memoryAfterGc: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m as { rssMb: number; heapUsedMb: number }));
        child.send("memory");
      }),
    loopDelay: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m as LoopDelay));
        child.send("loop");
      }),
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The bare reference server: Fastify's defaults, no hooks, no logging. */
async function startPlainServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify();
  app.get("/plain", async () => ({ result: { data: [{ code: "01", name: { sv: "Stockholms län" } }] } }));
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url, close: () => app.close() };
}

if (process.argv[1] === import.meta.filename && JSON.parse(process.env[OPTIONS_ENV] ?? "{}").plain) {
  const server = await startPlainServer();
  console.log(JSON.stringify({ url: server.url }));
  process.once("SIGTERM", async () => {
    await server.close();
    process.exit(0);
  });
} else if (process.argv[1] === import.meta.filename) {
  const options = JSON.parse(process.env[OPTIONS_ENV] ?? "{}") as ServerProcessOptions;
  const databasePath = tempDatabasePath();
  if (options.databasePath) copyFileSync(options.databasePath, databasePath);
  const server = await startTestServer(
    join(ROOT, "data"),
    databasePath,
    undefined,
    options.realLimits ? {} : RELAXED_LIMITS,
    options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {},
  );
  console.log(JSON.stringify({ url: server.url }));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  process.on("message", (message) => {
    if (message === "loop") {
      const ms = (ns: number) => Math.round(ns / 1e6);
      process.send?.({ p50Ms: ms(loop.percentile(50)), p99Ms: ms(loop.percentile(99)), maxMs: ms(loop.max) });
      loop.reset();
      return;
    }
    if (message !== "memory") return;
    collectGarbage();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ rssMb: Math.round(rss / 1024 / 1024), heapUsedMb: Math.round(heapUsed / 1024 / 1024) });
  });
  process.once("SIGTERM", async () => {
    await server.close();
    rmSync(dirname(databasePath), { recursive: true, force: true });
    process.exit(0);
  });
}
