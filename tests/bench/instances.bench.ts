/**
 * Suggestions and writes per second on the seed: the SQLite store (one server, the default), PostgreSQL with one
 * instance, and PostgreSQL with two instances on the same database, in one run (issue 19's benchmark). Each server
 * is the real one in its own process (server-process.ts); PostgreSQL is a throw-away cluster (tests/fixtures/
 * postgres.ts) on the same machine. Suggestions: match.partners with a new weight pair every request (no answer
 * from the query cache), `connections` connections spread over the instances. Writes: `writers` concurrent
 * coordinators' entity.create calls, spread over the instances. Also: how long a write on one instance takes to show
 * in the other's answers. On a 2-core machine the instances, the database and the load generator share the cores,
 * so a second instance adds failover, not throughput; the README says so.
 * `npx tsx tests/bench/instances.bench.ts [--seconds 10 --connections 20 --writers 8]`
 */
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { markdownTable } from "../../server/cli/markdown-table";
import { openStore } from "../../server/http/server";
import type { Store } from "../../server/store/store";
import { project as projectRecord, tempDatabasePath } from "../fixtures/dataset";
import { type PostgresCluster, postgresMissing, startPostgres } from "../fixtures/postgres";
import { createAccount } from "../integration/server-helpers";
import { load, project, trpc } from "./http-load";
import { ROOT, type ServerProcess, startServerProcess } from "./server-process";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    writers: { type: "string", default: "8" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const writers = Number(values.writers);
const dataDir = join(ROOT, "data");

/** A coordinator's session cookie, made in the store before the servers start. */
async function coordinatorCookie(store: Store): Promise<string> {
  const coordinator = await createAccount(store, "coordinator", "Bench Coordinator");
  return `${SESSION_COOKIE}=${(await store.sessions.create(coordinator.id)).token}`;
}

let n = 0;
const freshSuggestion = () => {
  n++;
  const weights = { topics: 0.5 + (n % 997) / 997, geography: 0.25 + (Math.floor(n / 997) % 991) / 991 };
  return trpc("match.partners", { projectId: project.id, weights });
};

async function suggestions(instances: ServerProcess[]): Promise<{ rps: number; p99: number; errors: number }> {
  const per = Math.max(1, Math.round(connections / instances.length));
  const results = await Promise.all(instances.map((i) => load(i.url, freshSuggestion, per, seconds)));
  return {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

let written = 0;
async function writes(instances: ServerProcess[], cookie: string): Promise<{ perSecond: number; p99: number }> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const lane = async (instance: ServerProcess) => {
    while (performance.now() < until) {
      const id = `bench-write-${++written}`;
      const started = performance.now();
      const response = await fetch(`${instance.url}/trpc/entity.create`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-partnerkartan": "1", cookie },
        body: JSON.stringify({
          kind: "project",
          record: projectRecord(id, { topics: ["open-data"], regions: ["01"] }),
        }),
      });
      if (response.status !== 200) throw new Error(`write ${id}: ${response.status} ${await response.text()}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, i) => lane(instances[i % instances.length] as ServerProcess)));
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

/** Milliseconds from a write acknowledged by `from` until `to` serves it, median of five. */
async function propagation(from: ServerProcess, to: ServerProcess, cookie: string): Promise<number> {
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const id = `bench-spread-${i}`;
    const response = await fetch(`${from.url}/trpc/entity.create`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-partnerkartan": "1", cookie },
      body: JSON.stringify({ kind: "project", record: projectRecord(id, { topics: ["open-data"], regions: ["01"] }) }),
    });
    if (response.status !== 200) throw new Error(`write ${id}: ${response.status}`);
    const started = performance.now();
    const input = encodeURIComponent(JSON.stringify({ id: `project:${id}` }));
    while ((await fetch(`${to.url}/trpc/node.byId?input=${input}`)).status !== 200)
      await new Promise((r) => setTimeout(r, 5));
    delays.push(performance.now() - started);
  }
  delays.sort((a, b) => a - b);
  return delays[2] as number;
}

const rows: (string | number)[][] = [];
const row = async (name: string, instances: ServerProcess[], cookie: string, spread?: number) => {
  // Warm up (JIT, first layouts) before measuring.
  await Promise.all(instances.map((i) => load(i.url, freshSuggestion, 4, 2)));
  const s = await suggestions(instances);
  const w = await writes(instances, cookie);
  rows.push([
    name,
    Math.round(s.rps),
    Math.round(s.p99),
    s.errors,
    w.perSecond.toFixed(1),
    Math.round(w.p99),
    spread === undefined ? "–" : Math.round(spread),
  ]);
};

// SQLite: the default store, one server.
{
  const path = tempDatabasePath();
  const { store } = await openStore({ DATABASE_PATH: path, DATA_DIR: dataDir });
  const cookie = await coordinatorCookie(store);
  await store.close();
  const server = await startServerProcess({ databasePath: path });
  try {
    await row("SQLite, 1 instance", [server], cookie);
  } finally {
    await server.close();
    rmSync(dirname(path), { recursive: true, force: true });
  }
}

const missing = postgresMissing();
if (missing) console.log(`PostgreSQL rows skipped: ${missing}.`);
else {
  const cluster: PostgresCluster = await startPostgres();
  try {
    for (const count of [1, 2]) {
      const url = new URL(cluster.url);
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE bench_${count}`);
      await admin.end();
      url.pathname = `/bench_${count}`;
      const { store } = await openStore({ DATABASE_PATH: "unused", DATABASE_URL: url.toString(), DATA_DIR: dataDir });
      const cookie = await coordinatorCookie(store);
      await store.close();
      const instances = await Promise.all(
        Array.from({ length: count }, () => startServerProcess({ databaseUrl: url.toString() })),
      );
      try {
        const spread =
          count === 2
            ? await propagation(instances[0] as ServerProcess, instances[1] as ServerProcess, cookie)
            : undefined;
        await row(`PostgreSQL, ${count} instance${count === 1 ? "" : "s"}`, instances, cookie, spread);
      } finally {
        await Promise.all(instances.map((i) => i.close()));
      }
    }
  } finally {
    cluster.stop();
  }
}

console.log(
  markdownTable(
    [
      "store",
      "suggestions/s",
      "suggestion p99 ms",
      "errors",
      "writes/s",
      "write p99 ms",
      "write seen on the other instance, median ms",
    ],
    rows,
  ),
);
console.log(
  `\n${seconds} s per figure; suggestions over ${connections} connections, writes from ${writers} concurrent writers, ` +
    "spread evenly over the instances; load generator, instances and PostgreSQL on the same machine.",
);
