/**
 * Issue #14, item 3: no write path may commit a row the graph cannot load. Over real HTTP: the sequence
 * (create an organisation, delete it, import a project led by it) is a 400 naming file, line and field, writes
 * nothing, and the server keeps working and restarts; an import never un-deletes; every other write path (create,
 * update, restore, approval, the command-line import) refuses a reference to a deleted entity, and deleting what live
 * records still use is a 409 naming them. A store corrupted by hand stops start-up with the entity, field and repair.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import { loadServices } from "../../server/services";
import { Store } from "../../server/store/store";
import { organisation, project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import {
  createAccount,
  trpcFailure as failure,
  sessionClientFor,
  startTestServer,
} from "../integration/server-helpers";

const root = join(import.meta.dirname, "..", "..");
const dataDir = writeDataDir(smallDataset());
const databasePath = tempDatabasePath();
let server: RunningServer;
let admin: ReturnType<typeof sessionClientFor>;
let member: ReturnType<typeof sessionClientFor>;
let serial = 0;
const fresh = (prefix: string) => `${prefix}-${++serial}`;

async function signIn(role: "administrator" | "member") {
  const account = await createAccount(server.store, role, fresh(role));
  const client = sessionClientFor(server.url);
  await client.auth.login.mutate({ email: account.email, password: account.password });
  return client;
}

/** Everything the store holds about entities, to show a refused write wrote nothing. */
const dump = async () =>
  JSON.stringify([
    server.store.db.raw.prepare("SELECT kind, id, data, deleted_at FROM entity ORDER BY kind, id").all(),
    server.store.db.raw.prepare("SELECT * FROM reference ORDER BY 1, 2, 3, 4, 5").all(),
    server.store.db.raw.prepare("SELECT count(*) FROM change").get(),
    (await server.store.info()).dataVersion,
  ]);

async function refused(call: Promise<unknown>, status: number): Promise<string> {
  const before = await dump();
  const { status: got, message } = await failure(call);
  expect({ got, message }).toMatchObject({ got: status });
  expect(await dump()).toBe(before);
  return message;
}

/** A live organisation, then deleted: the target of every dangling reference below. */
async function deletedOrganisation(): Promise<string> {
  const id = fresh("gone-org");
  await admin.entity.create.mutate({ kind: "organisation", record: organisation(id) });
  await admin.entity.delete.mutate({ kind: "organisation", id, expectedVersion: 1 });
  return id;
}

const projectsFile = (name: string, ...records: unknown[]) => ({
  name,
  text: JSON.stringify({ projects: records }, null, 2),
});

beforeAll(async () => {
  server = await startTestServer(dataDir, databasePath);
  admin = await signIn("administrator");
  member = await signIn("member");
});
afterAll(async () => {
  await server?.close();
});

describe("the issue's sequence: import a project led by a deleted organisation", () => {
  it("is a 400 naming file, line and field; nothing is written, and later writes and a restart work", async () => {
    const gone = await deletedOrganisation();
    const file = projectsFile("projekt.json", project(fresh("led-by-gone"), { lead: gone }));
    const line = file.text.split("\n").findIndex((l) => l.includes('"lead"')) + 1;
    for (const dryRun of [true, false]) {
      const message = await refused(admin.admin.import.mutate({ files: [file], dryRun }), 400);
      expect(message).toMatch(new RegExp(`projekt\\.json:${line}:\\d+: .*lead: organisation "${gone}" was deleted`));
    }
    // The server goes on: a write answers 200 and the graph serves it.
    const id = fresh("after");
    await admin.entity.create.mutate({ kind: "project", record: project(id, { lead: "digidem-lab" }) });
    const node = await admin.node.byId.query({ id: `project:${id}` });
    expect(node.record).toMatchObject({ id });
    // And a restart loads the store.
    await server.close();
    server = await startTestServer(dataDir, databasePath);
    admin = await signIn("administrator");
    member = await signIn("member");
    expect((await admin.node.byId.query({ id: `project:${id}` })).record).toMatchObject({ id });
  });

  it("never un-deletes: importing a deleted organisation is refused, in the preview too, and it stays deleted", async () => {
    const gone = await deletedOrganisation();
    for (const record of [organisation(gone), organisation(gone, { name: "Renamed" })]) {
      const file = { name: "orgs.json", text: JSON.stringify({ organisations: [record] }, null, 2) };
      for (const dryRun of [true, false]) {
        const message = await refused(admin.admin.import.mutate({ files: [file], dryRun }), 400);
        expect(message).toMatch(new RegExp(`orgs\\.json:\\d+:\\d+: organisation "${gone}".*deleted.*restore`));
      }
    }
    expect((await admin.entity.deleted.query()).map((d) => d.id)).toContain(gone);
    expect((await failure(admin.node.byId.query({ id: `organisation:${gone}` }))).status).toBe(404);
  });

  it("also from the command line: exit 1, file, line and field, nothing written", async () => {
    const gone = server.store.db.raw
      .prepare("SELECT id FROM entity WHERE kind = 'organisation' AND deleted_at IS NOT NULL LIMIT 1")
      .get() as { id: string };
    const dir = mkdtempSync(join(tmpdir(), "partnerkartan-import-"));
    const path = join(dir, "projects.json");
    const file = projectsFile("projects.json", project(fresh("cli-led-by-gone"), { partners: [gone.id] }));
    writeFileSync(path, file.text);
    const before = await dump();
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "server/cli/import.ts"), path], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath, DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`projects\\.json:\\d+:\\d+: .*partners\\.0: .*"${gone.id}".*deleted`));
    expect(await dump()).toBe(before);
  });
});

describe("every other write path checks references against live entities", () => {
  it("entity.create and entity.update: 400 naming the field", async () => {
    const gone = await deletedOrganisation();
    const message = await refused(
      admin.entity.create.mutate({ kind: "project", record: project(fresh("p"), { lead: gone }) }),
      400,
    );
    expect(message).toMatch(new RegExp(`record\\.lead.*"${gone}"`));
    const id = fresh("p");
    await admin.entity.create.mutate({ kind: "project", record: project(id) });
    const update = admin.entity.update.mutate({
      kind: "project",
      record: project(id, { partners: [gone] }),
      expectedVersion: 1,
    });
    expect(await refused(update, 400)).toMatch(/record\.partners/);
  });

  it("submission.approve: the organisation deleted after the proposal is a 400; the proposal stays pending", async () => {
    const org = fresh("soon-gone");
    await admin.entity.create.mutate({ kind: "organisation", record: organisation(org) });
    const proposal = await member.submission.create.mutate({
      kind: "project",
      record: project(fresh("proposed"), { partners: [org] }),
    });
    await admin.entity.delete.mutate({ kind: "organisation", id: org, expectedVersion: 1 });
    expect(await refused(admin.submission.approve.mutate({ id: proposal.id }), 400)).toMatch(/record\.partners/);
    expect((await admin.submission.queue.query()).map((s) => s.id)).toContain(proposal.id);
  });

  it("entity.restore: a project whose lead was deleted after it cannot come back until its lead does", async () => {
    const org = fresh("lead-org");
    const id = fresh("restorable");
    await admin.entity.create.mutate({ kind: "organisation", record: organisation(org) });
    await admin.entity.create.mutate({ kind: "project", record: project(id, { lead: org }) });
    await admin.entity.delete.mutate({ kind: "project", id, expectedVersion: 1 });
    await admin.entity.delete.mutate({ kind: "organisation", id: org, expectedVersion: 1 });
    const deleted = await admin.entity.deleted.query();
    const changeOf = (entity: string) => deleted.find((d) => d.id === entity)?.restoreChangeId as number;
    // Created (version 1), then deleted (version 2).
    const restore = (entity: string) => admin.entity.restore.mutate({ changeId: changeOf(entity), expectedVersion: 2 });
    expect(await refused(restore(id), 400)).toMatch(new RegExp(`record\\.lead.*"${org}".*deleted`));
    // Restoring the organisation first, then the project, works.
    await restore(org);
    await restore(id);
    expect((await admin.node.byId.query({ id: `project:${id}` })).record).toMatchObject({ id });
  });

  it("deleting what a live project or funding call uses is a 409 naming it; the graph still loads", async () => {
    const org = fresh("used-org");
    const id = fresh("user");
    await admin.entity.create.mutate({ kind: "organisation", record: organisation(org) });
    await admin.entity.create.mutate({ kind: "project", record: project(id, { partners: [org] }) });
    const message = await refused(
      admin.entity.delete.mutate({ kind: "organisation", id: org, expectedVersion: 1 }),
      409,
    );
    expect(message).toContain(`project "${id}"`);
    expect(
      await refused(admin.entity.delete.mutate({ kind: "organisation", id: "vinnova", expectedVersion: 1 }), 409),
    ).toContain('funding call "vinnova-civic-tech-2019"');
    expect((await admin.graph.snapshot.query({})).nodes.length).toBeGreaterThan(0);
  });
});

describe("a store the graph cannot load", () => {
  it("while running (changed by hand): a write is refused and not committed, the served graph stays, a repair heals", async () => {
    const org = fresh("hand-deleted");
    const user = fresh("user-of-hand-deleted");
    await admin.entity.create.mutate({ kind: "organisation", record: organisation(org) });
    await admin.entity.create.mutate({ kind: "project", record: project(user, { lead: org }) });
    // Behind the server's back: the organisation is deleted while a live project still names it.
    server.store.db.raw
      .prepare(
        "UPDATE entity SET deleted_at = '2024-01-01', version = version + 1 WHERE kind = 'organisation' AND id = ?",
      )
      .run(org);
    const version = (await server.store.info()).dataVersion;
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = fresh("refused");
      const { status, message } = await failure(admin.entity.create.mutate({ kind: "project", record: project(id) }));
      expect(status).toBe(500);
      expect(message).toContain("Nothing was written");
      expect(message).toContain(`project "${user}", field "lead": organisation "${org}" is deleted`);
      expect(await server.store.entities.get({ kind: "project", id })).toBeUndefined();
      expect(await (await server.store.info()).dataVersion).toBe(version);
    }
    // The served read model is the last consistent one.
    expect((await admin.node.byId.query({ id: `project:${user}` })).record).toMatchObject({ lead: org });
    // Restoring the organisation (as the message suggests) heals it: writes work again.
    const gone = (await admin.entity.deleted.query()).find((d) => d.id === org);
    await admin.entity.restore.mutate({
      changeId: gone?.restoreChangeId as number,
      expectedVersion: gone?.version as number,
    });
    const id = fresh("healed");
    await admin.entity.create.mutate({ kind: "project", record: project(id, { partners: [org] }) });
    expect((await admin.node.byId.query({ id: `project:${id}` })).record).toMatchObject({ id });
  });

  it("stops start-up naming the entity and field and how to repair it", async () => {
    // A copy of a good store, then corrupted by hand: a live project whose lead is a deleted organisation.
    const path = tempDatabasePath();
    server.store.db.raw.exec(`VACUUM INTO '${path}'`);
    const corrupt = spawnSync(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]);
         db.prepare("UPDATE entity SET deleted_at = '2024-01-01T00:00:00Z', version = version + 1 WHERE kind = 'organisation' AND id = 'open-knowledge-sweden'").run();`,
        path,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(corrupt.status, corrupt.stderr).toBe(0);
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "server/main.ts"), "--no-client"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_PATH: path,
        DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('project "open-up"');
    expect(run.stderr).toMatch(/field "lead"/);
    expect(run.stderr).toMatch(/organisation "open-knowledge-sweden".*deleted/);
    expect(run.stderr).toContain("npm run repair -- --restore organisation:open-knowledge-sweden");
    // The repair it names works, and the store loads again.
    const repair = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "server/cli/repair.ts"), "--restore", "organisation:open-knowledge-sweden"],
      { cwd: root, env: { ...process.env, DATABASE_PATH: path }, encoding: "utf8" },
    );
    expect(repair.status, repair.stdout + repair.stderr).toBe(0);
    const store = new Store(path);
    expect(
      await (await loadServices(store, { warmSearch: false })).graph.hasNode("organisation:open-knowledge-sweden"),
    ).toBe(true);
    await store.close();
  });
});
