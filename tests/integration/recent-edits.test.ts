/**
 * Owners' direct edits stay immediate, but coordinators see them in "Senaste ändringar / Recent edits" (who, what,
 * which fields, newest first) and revert one in one click, through the same versioned path as every write: a revert
 * of an edit that is no longer the latest is refused with 409 naming what changed since. Real server over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { Project } from "../../shared/schema/project";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, sessionClientFor, startTestServer, trpcFailure } from "./server-helpers";

let server: RunningServer;
let owner: ReturnType<typeof sessionClientFor>;
let coordinator: ReturnType<typeof sessionClientFor>;
let ownerId: number;
const ref = { kind: "project" as const, id: "open-up" };

async function edit(client: typeof owner, patch: Partial<Project>) {
  const { record, version } = await client.entity.get.query(ref);
  return client.entity.update.mutate({
    kind: "project",
    record: { ...(record as Project), ...patch },
    expectedVersion: version,
  });
}

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const o = await createAccount(server.store, "member", "Olle Owner");
  ownerId = o.id;
  await server.store.accounts.addOwner(o.id, ref);
  const c = await createAccount(server.store, "coordinator", "Cora Coordinator");
  owner = sessionClientFor(server.url);
  await owner.auth.login.mutate({ email: o.email, password: o.password });
  coordinator = sessionClientFor(server.url);
  await coordinator.auth.login.mutate({ email: c.email, password: c.password });
});
afterAll(async () => {
  await server?.close();
});

describe("recent edits and revert", () => {
  it("lists owners' direct edits, newest first, with who, what and which fields; not coordinators' own", async () => {
    await edit(owner, { name: "Open Up! by Olle" });
    await edit(coordinator, { status: "completed" });
    await edit(owner, { summary: { sv: "Ny text", en: "New text" }, topics: ["participation"] });
    // An edit from long ago is not "recent".
    server.store.db.raw
      .prepare(
        "INSERT INTO change (at, account_id, action, kind, entity_id, before, after, version) VALUES ('2001-01-01T00:00:00.000Z', ?, 'update', 'project', 'open-up', '{}', '{}', 1)",
      )
      .run(ownerId);

    const edits = await coordinator.entity.recentEdits.query({ days: 14 });
    expect(edits.map((e) => [e.actor, e.action, e.entityId, e.name, e.fields, e.latest])).toEqual([
      ["Olle Owner", "update", "open-up", "Open Up! by Olle", ["summary.sv", "summary.en", "topics"], true],
      ["Olle Owner", "update", "open-up", "Open Up! by Olle", ["name"], false],
    ]);
    expect(JSON.stringify(edits)).not.toMatch(/@example\.org/);
    expect(await trpcFailure(owner.entity.recentEdits.query({ days: 14 }))).toMatchObject({ status: 403 });
  });

  it("reverts the latest edit in one call: the record before it comes back, logged as a restore", async () => {
    const [latest] = await coordinator.entity.recentEdits.query({ days: 14 });
    const reverted = await coordinator.entity.revert.mutate({
      changeId: latest?.changeId as number,
      expectedVersion: latest?.version as number,
    });
    expect(reverted.version).toBe((latest?.version as number) + 1);
    expect(reverted.record).toMatchObject({ name: "Open Up! by Olle", status: "completed", topics: ["open-data"] });
    expect(reverted.record.summary).toEqual(smallDataset().projects[1]?.summary);
    const [entry] = await coordinator.entity.history.query(ref);
    expect(entry).toMatchObject({
      action: "restore",
      actor: "Cora Coordinator",
      note: `reverted change ${latest?.changeId}`,
    });
    expect((await coordinator.entity.recentEdits.query({ days: 14 }))[0]?.latest).toBe(false);
  });

  it("refuses to revert an edit that is no longer the latest, naming what changed since", async () => {
    await edit(owner, { name: "First" });
    await edit(owner, { website: "https://example.org/second" });
    const [, older] = await coordinator.entity.recentEdits.query({ days: 14 });
    expect(older).toMatchObject({ fields: ["name"], latest: false });
    const refused = await trpcFailure(
      coordinator.entity.revert.mutate({
        changeId: older?.changeId as number,
        expectedVersion: older?.version as number,
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/field "expectedVersion".*website/);
    expect((await coordinator.entity.get.query(ref)).record).toMatchObject({
      name: "First",
      website: "https://example.org/second",
    });
  });

  it("an owner's deletion is listed and a revert brings the entity back", async () => {
    const { version } = await owner.entity.get.query(ref);
    await owner.entity.delete.mutate({ ...ref, reason: "done", expectedVersion: version });
    const [deletion] = await coordinator.entity.recentEdits.query({ days: 14 });
    expect(deletion).toMatchObject({ action: "delete", fields: [], latest: true, name: "First" });
    await coordinator.entity.revert.mutate({
      changeId: deletion?.changeId as number,
      expectedVersion: deletion?.version as number,
    });
    expect((await owner.entity.get.query(ref)).record).toMatchObject({ name: "First" });
    const snapshot = await owner.graph.snapshot.query();
    expect(snapshot.nodes.some((n) => n.key === "project:open-up")).toBe(true);
  });

  it("refuses to revert a creation (there is nothing before it), naming the field", async () => {
    const made = await coordinator.entity.create.mutate({
      kind: "project",
      record: { ...smallDataset().projects[1], id: "made-now", name: "Made now" } as Project,
    });
    const [creation] = await coordinator.entity.history.query({ kind: "project", id: "made-now" });
    expect(
      await trpcFailure(
        coordinator.entity.revert.mutate({ changeId: creation?.id as number, expectedVersion: made.version }),
      ),
    ).toMatchObject({ status: 400, message: expect.stringContaining('field "changeId"') });
  });
});
