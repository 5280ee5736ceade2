/**
 * Several instances on one PostgreSQL database, each the real server in its own process (`server/main.ts`, as `npm
 * start` runs it, with DATABASE_URL): they seed once, serve the same data, see each other's writes within a second
 * (LISTEN/NOTIFY on the entity-write journal), share sessions, run the background jobs on exactly one of them (mail
 * queued on the other is sent), hand the jobs over when the holder is killed, and lose no acknowledged write when an
 * instance is killed in the middle of writes.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../../server/auth/session-cookie";
import { Store } from "../../../server/store/store";
import { project, smallDataset, writeDataDir } from "../../fixtures/dataset";
import { newPostgresDatabase } from "../../fixtures/test-store";
import { startMailServer, type TestMailServer } from "../mail-server";
import { createAccount } from "../server-helpers";
import { killServerProcesses, type ServerProcess, startServerProcess } from "../server-process";

const dataDir = writeDataDir(smallDataset());
let databaseUrl = "";
const backupDir = mkdtempSync(join(tmpdir(), "partnerkartan-pg-backups-"));
let mail: TestMailServer;

type Instance = ServerProcess;

function startInstance(): Promise<Instance> {
  return startServerProcess({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    SMTP_URL: mail.url,
    JOB_LEASE_RETRY: "1s",
    BACKUP_DIR: backupDir,
    BACKUP_EVERY: "2s",
    BACKUP_KEEP: "2",
    PG_DUMP: "/usr/lib/postgresql/15/bin/pg_dump",
  });
}

interface Health {
  status: string;
  dataVersion: number;
  writeSeq: number;
  store: string;
  jobs: "running" | "standby";
}

async function health(instance: Instance): Promise<Health> {
  return (await (await fetch(`${instance.url}/api/health`)).json()) as Health;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function trpc(instance: Instance, path: string, input: unknown, cookie = ""): Promise<Response> {
  return fetch(`${instance.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-partnerkartan": "1", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
}

/** Whether `instance` serves project `id` (its graph has the node). */
async function serves(instance: Instance, id: string): Promise<boolean> {
  const input = encodeURIComponent(JSON.stringify({ id: `project:${id}` }));
  return (await fetch(`${instance.url}/trpc/node.byId?input=${input}`)).status === 200;
}

let coordinatorCookie = "";
let a: Instance;
let b: Instance;

beforeAll(async () => {
  mail = await startMailServer();
  databaseUrl = await newPostgresDatabase();
  // Two instances starting together on an empty database: one migrates and seeds, the other waits and opens it.
  [a, b] = await Promise.all([startInstance(), startInstance()]);
  const store = await Store.open(databaseUrl);
  const coordinator = await createAccount(store, "coordinator", "Pg Coordinator");
  coordinatorCookie = `${SESSION_COOKIE}=${(await store.sessions.create(coordinator.id)).token}`;
  await store.close();
}, 120_000);

afterAll(async () => {
  killServerProcesses();
  await mail?.close();
});

describe("two instances on one PostgreSQL database", () => {
  it("seed it once and serve the same data", async () => {
    const [ha, hb] = await Promise.all([
      until("A ready", async () => ((await health(a)).status === "ready" ? health(a) : undefined)),
      until("B ready", async () => ((await health(b)).status === "ready" ? health(b) : undefined)),
    ]);
    expect(ha.store).toBe("postgres");
    expect(hb.dataVersion).toBe(ha.dataVersion);
    expect(hb.writeSeq).toBe(ha.writeSeq);
    const store = await Store.open(databaseUrl);
    expect((await store.countEntities()).organisation).toBe(smallDataset().organisations.length);
    await store.close();
    // The password in DATABASE_URL never reaches the log.
    expect(a.output()).not.toMatch(/DATABASE_URL|password/i);
  });

  it("report the PostgreSQL database's size and the data version in /metrics", async () => {
    const text = await (await fetch(`${a.url}/metrics`)).text();
    const bytes = Number(/^partnerkartan_database_bytes (\d+)/m.exec(text)?.[1]);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(text).toMatch(/^partnerkartan_data_version \d+/m);
  });

  it("show a write made on one instance in the other's answers within a second", async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
      const id = `spread-${i}`;
      const response = await trpc(
        writer,
        "entity.create",
        { kind: "project", record: project(id, { topics: ["open-data"], regions: ["01"] }) },
        coordinatorCookie,
      );
      expect(response.status, await response.clone().text()).toBe(200);
      const written = Date.now();
      await until(`${id} on the other instance`, async () => ((await serves(reader, id)) ? true : undefined), 5_000);
      delays.push(Date.now() - written);
    }
    console.log(`propagation between instances (ms): ${delays.join(", ")}`);
    for (const ms of delays) expect(ms).toBeLessThan(1_000);
    const [ha, hb] = await Promise.all([health(a), health(b)]);
    expect(hb.writeSeq).toBe(ha.writeSeq);
  });

  it("take more parallel writes than the connection pool holds, on both at once, without a deadlock", async () => {
    // 24 writers against pools of 10: each write holds a connection and the journal's lock while it waits for its
    // read model's turn, so the turn must never wait for a connection (live/write-listener.ts).
    const ids = Array.from({ length: 24 }, (_, i) => `parallel-${i}`);
    const statuses = await Promise.all(
      ids.map(
        async (id, i) =>
          (
            await trpc(
              i % 2 === 0 ? a : b,
              "entity.create",
              { kind: "project", record: project(id, { topics: ["open-data"], regions: ["01"] }) },
              coordinatorCookie,
            )
          ).status,
      ),
    );
    expect(statuses).toEqual(ids.map(() => 200));
    const last = ids[ids.length - 1] as string;
    await until("both serving every parallel write", async () =>
      (await serves(a, last)) && (await serves(b, ids[0] as string)) ? true : undefined,
    );
    const [ha, hb] = await Promise.all([health(a), health(b)]);
    expect(hb.writeSeq).toBe(ha.writeSeq);
  }, 60_000);

  it("share sessions: signed in on one, signed in on the other", async () => {
    const store = await Store.open(databaseUrl);
    const member = await createAccount(store, "member", "Pg Member");
    await store.close();
    const login = await trpc(a, "auth.login", { email: member.email, password: member.password });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "").split(";")[0];
    expect(cookie).toBeTruthy();
    const me = (await (await fetch(`${b.url}/trpc/auth.me`, { headers: { cookie: cookie as string } })).json()) as {
      result: { data: { displayName: string } | null };
    };
    expect(me.result.data?.displayName).toBe("Pg Member");
  });

  it("share sign-in limits: guesses spread over both instances count together, and no address is stored", async () => {
    const store = await Store.open(databaseUrl);
    const target = await createAccount(store, "member", "Pg Target");
    const guess = (instance: Instance) =>
      trpc(instance, "auth.login", { email: target.email, password: "wrong guess" });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(i % 2 === 0 ? a : b)).status);
    // Five failures per account and address in 15 minutes, over both instances; the sixth is refused wherever it lands.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect((await guess(a)).status).toBe(429);
    const keys = (await store.db.all<{ key: string }>("SELECT key FROM rate_limit")).map((r) => r.key).join(" ");
    await store.close();
    expect(keys).not.toContain("example.org");
    expect(keys).not.toContain("127.0.0.1");
  });

  it("run the background jobs on exactly one instance, which sends the mail the other queued", async () => {
    const jobs = await until("one job holder", async () => {
      const states = [(await health(a)).jobs, (await health(b)).jobs];
      return states.filter((s) => s === "running").length === 1 ? states : undefined;
    });
    const standby = jobs[0] === "standby" ? a : b;
    const response = await trpc(standby, "auth.signUp", {
      email: "newcomer@example.org",
      password: "a long enough passphrase",
      displayName: "Newcomer Org",
      language: "en",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const message = await mail.waitFor("newcomer@example.org", undefined, 10_000);
    expect(message.subject).toBeTruthy();
  });

  it("take scheduled backups (pg_dump) on the job holder only, rotated, each one a database pg_restore reads", async () => {
    const dumps = () => readdirSync(backupDir).filter((f) => /^partnerkartan-.*-v\d+\.dump$/.test(f));
    // Every 2 s, keeping 2: wait until rotation has had something to delete.
    await until("two rotations of backups", async () =>
      (a.output() + b.output()).split('"backup written"').length > 3 ? true : undefined,
    );
    expect(dumps().length).toBeGreaterThanOrEqual(1);
    expect(dumps().length).toBeLessThanOrEqual(2);
    const holder = (await health(a)).jobs === "running" ? a : b;
    const standby = holder === a ? b : a;
    expect(holder.output()).toContain('"backup written"');
    expect(standby.output()).not.toContain('"backup written"');
    // Readable by pg_restore, and the password never on a log line.
    const { execFileSync } = await import("node:child_process");
    const list = execFileSync("/usr/lib/postgresql/15/bin/pg_restore", [
      "--list",
      join(backupDir, dumps()[0] as string),
    ]);
    expect(list.toString()).toMatch(/TABLE DATA public entity/);
  }, 60_000);

  it("hand the jobs to the survivor when the holder is killed, losing no acknowledged write", async () => {
    const holder = (await health(a)).jobs === "running" ? a : b;
    const survivor = holder === a ? b : a;
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (instance: Instance, lane: string) => {
      for (let i = 0; !(killed && instance === holder); i++) {
        if (instance === survivor && killed && i > 200) return;
        const id = `kill-${lane}-${i}`;
        try {
          const response = await trpc(
            instance,
            "entity.create",
            { kind: "project", record: project(id, { topics: ["open-data"], regions: ["01"] }) },
            coordinatorCookie,
          );
          if (response.status === 200) acknowledged.push(id);
          else if (!(killed && instance === holder))
            throw new Error(`${id}: ${response.status} ${await response.text()}`);
        } catch (error) {
          if (!(killed && instance === holder)) throw error;
        }
        if (instance === survivor && killed) return;
      }
    };
    const lanes = Promise.all([writer(holder, "h1"), writer(holder, "h2"), writer(survivor, "s1")]);
    await until("a few writes", async () => (acknowledged.length >= 6 ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 300)));
    const exited = new Promise((r) => holder.process.once("exit", r));
    killed = true;
    holder.process.kill("SIGKILL");
    await exited;
    await lanes;

    // Every acknowledged write is in the database with its change-log entry, and served by the survivor.
    const store = await Store.open(databaseUrl);
    const stored = new Set(
      (await store.db.all<{ id: string }>("SELECT id FROM entity WHERE kind = 'project' AND deleted_at IS NULL")).map(
        (r) => r.id,
      ),
    );
    const logged = new Set(
      (await store.db.all<{ entity_id: string }>("SELECT entity_id FROM change WHERE action = 'create'")).map(
        (r) => r.entity_id,
      ),
    );
    await store.close();
    for (const id of acknowledged) {
      expect(stored.has(id), `acknowledged ${id} missing`).toBe(true);
      expect(logged.has(id), `change log of ${id} missing`).toBe(true);
    }
    const last = acknowledged[acknowledged.length - 1] as string;
    await until("the survivor serving the last write", async () => ((await serves(survivor, last)) ? true : undefined));
    // The survivor takes the jobs over within a few lease retries (1 s here).
    await until("the survivor running the jobs", async () =>
      (await health(survivor)).jobs === "running" ? true : undefined,
    );
    console.log(`kill during writes: ${acknowledged.length} acknowledged, all stored and logged`);
  }, 90_000);
});
