/**
 * layout.positions on the real server: the force layout of the full graph is computed once per data version (in a
 * worker thread), kept in the store, reused by later requests and restarts, and computed anew when the data changes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readDataVersion, writeImportedEntities } from "../../server/store/import-entities";
import { Store } from "../../server/store/store";
import { organisation, project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { clientFor, createAccount, sessionClientFor, startTestServer } from "./server-helpers";

type Running = Awaited<ReturnType<typeof startTestServer>>;
let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function readyPositions(url: string) {
  const client = clientFor(url);
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await client.layout.positions.query({ name: "force" });
    if (answer.status === "ready") return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the layout never became ready");
}

describe("layout.positions", () => {
  it("computes once per data version, reuses the result, and recomputes when the data version moves", async () => {
    const dataDir = writeDataDir(smallDataset());
    const databasePath = tempDatabasePath();

    running = await startTestServer(dataDir, databasePath);
    const first = await readyPositions(running.url);
    const snapshot = await clientFor(running.url).graph.snapshot.query();
    // One x, y pair per node, in the snapshot's node order, for the snapshot's data version.
    expect(first.dataVersion).toBe(snapshot.dataVersion);
    expect(first.xy).toHaveLength(2 * snapshot.nodes.length);
    expect(first.xy.every(Number.isFinite)).toBe(true);
    expect(new Set(first.xy).size).toBeGreaterThan(snapshot.nodes.length / 2);
    const again = await readyPositions(running.url);
    expect(again).toEqual(first);
    expect(await running.store.layouts.read("force", first.dataVersion)).toBeDefined();
    await running.close();

    // A restart on the same data answers at once with the stored positions (same computedAt: not computed again).
    running = await startTestServer(dataDir, databasePath);
    const afterRestart = await clientFor(running.url).layout.positions.query({ name: "force" });
    expect(afterRestart).toEqual(first);
    await running.close();
    running = undefined;

    // New data (one more organisation) moves the data version: the next server computes a new layout.
    const store = new Store(databasePath);
    await writeImportedEntities(
      store.db,
      [{ kind: "organisation", record: organisation("new-org") }],
      await readDataVersion(store.db),
    );
    await store.close();
    running = await startTestServer(dataDir, databasePath);
    const moved = await readyPositions(running.url);
    expect(moved.dataVersion).toBe(first.dataVersion + 1);
    expect(moved.xy).toHaveLength(first.xy.length + 2);
    expect(moved.computedAt > first.computedAt).toBe(true);
    expect(await running.store.layouts.read("force", first.dataVersion)).toBeUndefined();
  });

  it("after a live edit, the new layout starts from the old one: unchanged nodes stay close, the new one sits by its neighbours", async () => {
    running = await startTestServer(writeDataDir(smallDataset()), tempDatabasePath());
    const before = await readyPositions(running.url);
    const keysBefore = (await clientFor(running.url).graph.snapshot.query()).nodes.map((n) => n.key);
    const coordinator = await createAccount(running.store, "coordinator", "Layout Coordinator");
    const client = sessionClientFor(running.url);
    await client.auth.login.mutate({ email: coordinator.email, password: coordinator.password });
    await client.entity.create.mutate({
      kind: "project",
      record: project("new-neighbour", { lead: "digidem-lab", topics: ["participation"] }),
    });
    const after = await readyPositions(running.url);
    expect(after.dataVersion).toBe(before.dataVersion + 1);
    const keysAfter = (await clientFor(running.url).graph.snapshot.query()).nodes.map((n) => n.key);
    const at = (xy: number[], keys: string[], key: string) => {
      const i = keys.indexOf(key);
      return [xy[2 * i] as number, xy[2 * i + 1] as number] as const;
    };
    const spread = Math.max(...before.xy.map(Math.abs));
    let moved = 0;
    for (const key of keysBefore) {
      const [x0, y0] = at(before.xy, keysBefore, key);
      const [x1, y1] = at(after.xy, keysAfter, key);
      moved = Math.max(moved, Math.hypot(x1 - x0, y1 - y0));
    }
    // A fresh layout would scatter everything (random start); continuing keeps every old node within a fraction of the picture.
    expect(moved).toBeLessThan(spread * 0.5);
    const [nx, ny] = at(after.xy, keysAfter, "project:new-neighbour");
    const [lx, ly] = at(after.xy, keysAfter, "organisation:digidem-lab");
    expect(Math.hypot(nx - lx, ny - ly)).toBeLessThan(spread);
  });
});
