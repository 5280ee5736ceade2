/**
 * Issue #14, item 6: lost updates. Two people edit the same project; the later save from an older copy must not
 * silently erase the first. Every write names the version it was made from; a stale one is refused with 409 naming
 * the fields changed meanwhile, and carries the current record so the client can merge. Real server over HTTP.
 */
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/http/server";
import type { StaleVersion } from "../../shared/schema/editable";
import type { Project } from "../../shared/schema/project";
import { smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount, sessionClientFor, startTestServer, trpcFailure } from "../integration/server-helpers";

let server: RunningServer;
/** Two sessions: the project's owner and a coordinator, both editing "open-up". */
let owner: ReturnType<typeof sessionClientFor>;
let coordinator: ReturnType<typeof sessionClientFor>;
const ref = { kind: "project" as const, id: "open-up" };

/** The 409's structured data: the fields named and the current record. */
async function staleOf(promise: Promise<unknown>): Promise<{ status: number; message: string; stale: StaleVersion }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  const data = error.data as { httpStatus: number; stale: StaleVersion };
  return { status: data.httpStatus, message: error.message, stale: data.stale };
}

const changeCount = () =>
  (server.store.db.raw.prepare("SELECT count(*) AS n FROM change WHERE entity_id = 'open-up'").get() as { n: number })
    .n;

beforeAll(async () => {
  server = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
  const o = await createAccount(server.store, "member", "Olle Owner");
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

describe("lost updates", () => {
  it("entity.get returns the version; a write without expectedVersion is refused, naming the field", async () => {
    const loaded = await owner.entity.get.query(ref);
    expect(loaded.version).toBe(1);
    const refused = await trpcFailure(owner.entity.update.mutate({ kind: "project", record: loaded.record } as never));
    expect(refused).toMatchObject({ status: 400, message: expect.stringContaining('field "expectedVersion"') });
  });

  it("A saves, B saves from the old copy: 409 naming A's fields, and nothing of A's is lost", async () => {
    const a = await owner.entity.get.query(ref);
    const b = await coordinator.entity.get.query(ref);
    const aRecord = {
      ...(a.record as Project),
      name: "Open Up! (renamed by A)",
      topics: ["open-data", "participation"],
    };
    const saved = await owner.entity.update.mutate({ kind: "project", record: aRecord, expectedVersion: a.version });
    expect(saved.version).toBe(a.version + 1);
    const logged = changeCount();

    const bRecord = { ...(b.record as Project), summary: { sv: "B:s text", en: "B's text" } };
    const conflict = await staleOf(
      coordinator.entity.update.mutate({ kind: "project", record: bRecord, expectedVersion: b.version }),
    );
    expect(conflict.status).toBe(409);
    expect(conflict.message).toMatch(/field "expectedVersion"/);
    expect(conflict.message).toContain("name, topics");
    expect(conflict.stale).toMatchObject({
      kind: "project",
      id: "open-up",
      expectedVersion: b.version,
      currentVersion: saved.version,
      changedFields: ["name", "topics"],
      changedBy: ["Olle Owner"],
      current: { name: "Open Up! (renamed by A)" },
    });

    // Nothing of A's was lost, and the refusal wrote nothing.
    const now = await coordinator.entity.get.query(ref);
    expect(now.version).toBe(saved.version);
    expect(now.record).toMatchObject({ name: aRecord.name, topics: aRecord.topics, summary: a.record.summary });
    expect(changeCount()).toBe(logged);

    // B reloads and keeps its own change: both edits survive.
    const merged = { ...(conflict.stale.current as Project), summary: bRecord.summary };
    await coordinator.entity.update.mutate({
      kind: "project",
      record: merged,
      expectedVersion: conflict.stale.currentVersion,
    });
    expect((await owner.entity.get.query(ref)).record).toMatchObject({
      name: aRecord.name,
      topics: aRecord.topics,
      summary: bRecord.summary,
    });
  });

  it("delete and restore with a stale version: 409, and the entity stays as it is", async () => {
    const old = await owner.entity.get.query(ref);
    await coordinator.entity.update.mutate({
      kind: "project",
      record: { ...(old.record as Project), status: "completed" },
      expectedVersion: old.version,
    });
    const logged = changeCount();

    const deleting = await staleOf(
      owner.entity.delete.mutate({ ...ref, reason: "ended", expectedVersion: old.version }),
    );
    expect(deleting).toMatchObject({ status: 409, stale: { changedFields: ["status"] } });
    expect(deleting.message).toMatch(/field "expectedVersion".*status/);
    expect((await owner.entity.get.query(ref)).record).toMatchObject({ status: "completed" });

    const history = await coordinator.entity.history.query(ref);
    const first = history[history.length - 1];
    const restoring = await staleOf(
      coordinator.entity.restore.mutate({ changeId: first?.id as number, expectedVersion: old.version }),
    );
    expect(restoring).toMatchObject({ status: 409, stale: { changedFields: ["status"] } });
    expect((await owner.entity.get.query(ref)).record).toMatchObject({ status: "completed" });
    expect(changeCount()).toBe(logged);

    // With the current version both go through; a stale update after the deletion says it was deleted.
    const current = await owner.entity.get.query(ref);
    await owner.entity.delete.mutate({ ...ref, reason: "ended", expectedVersion: current.version });
    const afterDelete = await staleOf(
      coordinator.entity.update.mutate({
        kind: "project",
        record: current.record as Project,
        expectedVersion: current.version,
      }),
    );
    expect(afterDelete).toMatchObject({ status: 409, stale: { current: null } });
    expect(afterDelete.message).toContain("deleted meanwhile");
    const [deleted] = await coordinator.entity.deleted.query();
    expect(deleted).toMatchObject({ id: "open-up", version: current.version + 1 });
    await coordinator.entity.restore.mutate({
      changeId: deleted?.restoreChangeId as number,
      expectedVersion: deleted?.version as number,
    });
    expect((await owner.entity.get.query(ref)).version).toBe(current.version + 2);
  });

  it("parallel updates from the same version: exactly one wins, the rest get 409", async () => {
    const base = await owner.entity.get.query(ref);
    const clients = [owner, coordinator];
    const attempts = Array.from({ length: 12 }, (_, i) =>
      (clients[i % 2] as typeof owner).entity.update
        .mutate({
          kind: "project",
          record: { ...(base.record as Project), name: `Parallel ${i}` },
          expectedVersion: base.version,
        })
        .then(
          (written) => ({ ok: true as const, name: written.record.name }),
          (error: unknown) => ({
            ok: false as const,
            status: error instanceof TRPCClientError ? error.data?.httpStatus : undefined,
          }),
        ),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.status)).toEqual(Array(11).fill(409));
    const now = await owner.entity.get.query(ref);
    expect(now.version).toBe(base.version + 1);
    expect(now.record.name).toBe(winners[0]?.name);
  });

  it("every write path moves the version: the database refuses a write that does not", async () => {
    expect(() =>
      server.store.db.raw.prepare("UPDATE entity SET data = data WHERE kind = 'project' AND id = 'open-up'").run(),
    ).toThrow(/must move its version/);
  });
});
