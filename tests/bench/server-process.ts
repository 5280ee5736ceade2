/**
 * The real server on loopback in a CHILD process, for HTTP benchmarks: the load generator (autocannon, itself busy
 * JavaScript) then does not share the server's event loop, so its work does not show up as server latency, and the
 * server's RSS can be read on its own (from /proc). Seeded from data/ into a temporary database.
 * Run directly (`npx tsx tests/bench/server-process.ts`), it is the child: it starts the server and prints its URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { tempDatabasePath } from "../fixtures/dataset";
import { startTestServer } from "../integration/server-helpers";
import { collectGarbage } from "./stats";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size of the server process now, in MB (Linux /proc). */
  rssMb(): number;
  /** Makes the server collect garbage, then reports its RSS and live heap, in MB: the figures a leak would move. */
  memoryAfterGc(): Promise<{ rssMb: number; heapUsedMb: number }>;
  close(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--expose-gc", import.meta.filename], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
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
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

if (process.argv[1] === import.meta.filename) {
  const databasePath = tempDatabasePath();
  const server = await startTestServer(join(ROOT, "data"), databasePath);
  console.log(JSON.stringify({ url: server.url }));
  process.on("message", (message) => {
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
