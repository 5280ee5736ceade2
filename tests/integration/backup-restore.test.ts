/**
 * Pins backups and restores (issue 19, item 1): `npm run backup` (another process) and the server's own scheduled
 * backup (its own connection, in steps) are each taken during a burst of writes through the API; each restores to a
 * store equal to the live store at the backup's data version: the same entities and the same change log. A restore
 * is refused while a server holds the store; the scheduled backups rotate.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restoreStore } from "../../server/backup/restore-store";
import { StoreLockedError } from "../../server/backup/store-lock";
import { readTaxonomy } from "../../server/cli/generate";
import { readEnv } from "../../server/env";
import { generateDataset } from "../../server/generate/generate-dataset";
import { type RunningServer, startServer } from "../../server/http/server";
import { Store } from "../../server/store/store";
import { project, tempDatabasePath } from "../fixtures/dataset";
import { createAccount, RELAXED_LIMITS, sessionClientFor } from "./server-helpers";

const root = join(import.meta.dirname, "..", "..");

/** What a restore must bring back: entities (with versions and soft deletions) and the change log, as text. */
function contentOf(db: Database.Database): { dataVersion: number; entities: string; changes: string } {
  return db.transaction(() => ({
    dataVersion: Number(db.prepare("SELECT value FROM meta WHERE key = 'data_version'").pluck().get()),
    entities: JSON.stringify(
      db.prepare("SELECT kind, id, data, version, deleted_at FROM entity ORDER BY kind, id").raw().all(),
    ),
    changes: JSON.stringify(db.prepare("SELECT * FROM change ORDER BY id").raw().all()),
  }))();
}

const children: ChildProcess[] = [];

function runBackupCli(databasePath: string, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    const proc = spawn(process.execPath, ["--import", "tsx", join(root, "server/cli/backup.ts"), "--out", out], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    children.push(proc);
    let output = "";
    proc.stdout.on("data", (chunk) => (output += chunk));
    proc.stderr.on("data", (chunk) => (output += chunk));
    proc.on("close", (code) => resolvePromise({ code, output }));
  });
}

let server: RunningServer;
let databasePath: string;
let backupDir: string;
let reader: Database.Database;
/** The live store's content after each write of the burst, by data version. */
const seen = new Map<number, ReturnType<typeof contentOf>>();

beforeAll(async () => {
  databasePath = tempDatabasePath();
  // Large enough (about 2 MB, hundreds of pages) that the server's stepped backup spans many turns of the event loop, writes between them.
  const store = new Store(databasePath);
  await store.importDataset(
    generateDataset({ projects: 300, organisations: 400, seed: 7 }, readTaxonomy("data")),
    "seed",
  );
  await store.close();
  backupDir = mkdtempSync(join(tmpdir(), "partnerkartan-backups-"));
  const env = readEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    LOG_LEVEL: "silent",
    BACKUP_DIR: backupDir,
    BACKUP_EVERY: "1d",
    BACKUP_KEEP: "2",
  });
  server = await startServer(env, undefined, RELAXED_LIMITS);
  reader = new Database(databasePath, { readonly: true });
}, 60_000);

afterAll(async () => {
  // A copy that never finished must not outlive the test.
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  reader?.close();
  await server?.close();
});

describe("backup during a burst of writes", () => {
  it("restores, from the CLI's copy and from the server's own, the store as it was at the copy's data version", async () => {
    const coordinator = await createAccount(server.store, "coordinator", "Backup Coordinator");
    const api = sessionClientFor(server.url);
    await api.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
    const before = server.services.dataVersion;
    seen.set(before, contentOf(reader));

    let writing = true;
    let writes = 0;
    const burst = (async () => {
      while (writing || writes < 20) {
        const id = `burst-${writes}`;
        const created = await api.entity.create.mutate({ kind: "project", record: project(id) });
        seen.set(server.services.dataVersion, contentOf(reader));
        await api.entity.update.mutate({
          kind: "project",
          record: { ...project(id), name: `Burst ${writes} renamed` },
          expectedVersion: created.version,
        });
        seen.set(server.services.dataVersion, contentOf(reader));
        writes++;
      }
    })();

    const cliOut = join(mkdtempSync(join(tmpdir(), "partnerkartan-cli-backup-")), "copy.db");
    const [cli, scheduled] = await Promise.all([
      runBackupCli(databasePath, cliOut),
      (async () => {
        while (writes < 5) await new Promise((r) => setTimeout(r, 10));
        return server.backups?.runOnce();
      })(),
    ]);
    writing = false;
    await burst;
    expect(cli.code, cli.output).toBe(0);
    expect(cli.output).toMatch(/Backed up .* data version \d+, schema version \d+/);
    expect(scheduled).toBeDefined();
    // The server's own copy was started after five writes of the burst.
    expect(scheduled?.dataVersion).toBeGreaterThanOrEqual(before + 10);

    const liveVersion = server.services.dataVersion;
    for (const file of [cliOut, scheduled?.file as string]) {
      const target = tempDatabasePath();
      const restored = await restoreStore(file, target);
      expect(restored.previous).toBeUndefined();
      const db = new Database(target, { readonly: true });
      const content = contentOf(db);
      db.close();
      expect(content.dataVersion).toBe(restored.dataVersion);
      const expected = seen.get(content.dataVersion);
      expect(expected, `no state seen at data version ${content.dataVersion}`).toBeDefined();
      expect(content.entities).toBe(expected?.entities);
      expect(content.changes).toBe(expected?.changes);
      expect(content.dataVersion).toBeLessThanOrEqual(liveVersion);
    }
    // The burst wrote before, during and after the copies.
    expect(writes).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it("refuses to restore while the server holds the store", async () => {
    const files = readdirSync(backupDir).filter((name) => name.endsWith(".db"));
    expect(files.length).toBeGreaterThan(0);
    await expect(restoreStore(join(backupDir, files[0] as string), databasePath)).rejects.toThrow(StoreLockedError);
    await expect(restoreStore(join(backupDir, files[0] as string), databasePath)).rejects.toThrow(/holds .*stop it/);
  });

  it("keeps only BACKUP_KEEP of its own backups", async () => {
    await server.backups?.runOnce();
    await server.backups?.runOnce();
    await server.backups?.runOnce();
    const names = readdirSync(backupDir).sort();
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^partnerkartan-\d{8}T\d{9}Z-v\d+\.db$/);
  });

  it("replaces a stopped server's store, keeping the previous file beside it", async () => {
    const [newest] = readdirSync(backupDir).sort().reverse();
    await api_write_then_close();
    const result = await restoreStore(join(backupDir, newest as string), databasePath);
    expect(result.previous && existsSync(result.previous)).toBe(true);
    const previous = new Database(result.previous as string, { readonly: true });
    const now = new Database(databasePath, { readonly: true });
    // The kept file is the whole previous store (its WAL folded in): it has the write made after the backup.
    expect(contentOf(previous).dataVersion).toBe(contentOf(now).dataVersion + 1);
    previous.close();
    now.close();
  });
});

/** One more write after the newest backup, then the server stops (and frees its lock). */
async function api_write_then_close(): Promise<void> {
  const coordinator = await createAccount(server.store, "coordinator", "Last Writer");
  const api = sessionClientFor(server.url);
  await api.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
  await api.entity.create.mutate({ kind: "project", record: project("after-the-backup") });
  reader.close();
  await server.close();
}
