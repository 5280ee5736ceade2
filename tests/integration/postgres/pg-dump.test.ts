/**
 * Backups of a PostgreSQL store, as docs/production.md describes them: `pg_dump --format=custom` taken while the
 * server writes, and `pg_restore` into an empty database, give a store equal to the live one at the dump's data
 * version (same entities with versions and deletions, same change log), which a server then opens and serves.
 * The npm backup and restore commands refuse a PostgreSQL store, naming the tools to use.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../../server/env";
import { type RunningServer, startServer } from "../../../server/http/server";
import { Store } from "../../../server/store/store";
import { project, smallDataset, writeDataDir } from "../../fixtures/dataset";
import { newPostgresDatabase } from "../../fixtures/test-store";
import { createAccount, RELAXED_LIMITS, sessionClientFor } from "../server-helpers";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";
const root = join(import.meta.dirname, "..", "..", "..");

async function contentOf(store: Store): Promise<{ dataVersion: number; entities: string; changes: string }> {
  return store.db.transaction(
    async () => ({
      dataVersion: (await store.info()).dataVersion,
      entities: JSON.stringify(
        await store.db.all("SELECT kind, id, data, version, deleted_at FROM entity ORDER BY kind, id"),
      ),
      changes: JSON.stringify(await store.db.all("SELECT * FROM change ORDER BY id")),
    }),
    { readOnly: true },
  );
}

let server: RunningServer;
let url: string;

beforeAll(async () => {
  url = await newPostgresDatabase();
  const env = readEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    DATA_DIR: writeDataDir(smallDataset()),
    LOG_LEVEL: "silent",
  });
  server = await startServer(env, undefined, RELAXED_LIMITS);
  await server.whenReady;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("pg_dump and pg_restore", () => {
  it("restore, from a dump taken during writes, the store as it was at the dump's data version", async () => {
    const coordinator = await createAccount(server.store, "coordinator", "Dump Coordinator");
    const client = sessionClientFor(server.url);
    await client.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
    const seen = new Map<number, Awaited<ReturnType<typeof contentOf>>>();
    const first = await contentOf(server.store);
    seen.set(first.dataVersion, first);
    const dir = mkdtempSync(join(tmpdir(), "partnerkartan-dump-"));
    const file = join(dir, "store.dump");
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing || i < 10; i++) {
        await client.entity.create.mutate({ kind: "project", record: project(`dumped-${i}`, { regions: ["01"] }) });
        const content = await contentOf(server.store);
        seen.set(content.dataVersion, content);
      }
    })();
    await new Promise((r) => setTimeout(r, 150));
    await run(join(BIN, "pg_dump"), ["--format=custom", "--no-owner", `--file=${file}`, url]);
    writing = false;
    await writes;

    const target = await newPostgresDatabase();
    await run(join(BIN, "pg_restore"), ["--no-owner", `--dbname=${target}`, file]);
    const restored = await Store.open(target);
    try {
      const content = await contentOf(restored);
      expect(seen.has(content.dataVersion), `data version ${content.dataVersion} was seen live`).toBe(true);
      expect(content).toEqual(seen.get(content.dataVersion));
      // Taken during the burst: neither before the first write nor after the last.
      expect(content.dataVersion).toBeGreaterThan(first.dataVersion);
      expect(content.dataVersion).toBeLessThan(Math.max(...seen.keys()));
      // The restored database works as a store: the journal and its triggers came along.
      await restored.entities.create({ kind: "project", record: project("after-restore", { regions: ["01"] }) }, null);
      expect((await restored.readWrittenSince(0)).written.some((w) => w.id === "after-restore")).toBe(true);
    } finally {
      await restored.close();
    }
  }, 60_000);

  it("npm run backup refuses a PostgreSQL store and names pg_dump", async () => {
    const result = await run(process.execPath, ["--import", "tsx", join(root, "server/cli/backup.ts"), "--out", "x"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in result && result.code).toBe(2);
    expect("stderr" in result ? result.stderr : "").toMatch(/pg_dump/);
  });
});
