/**
 * Crash safety: the real server in its own process takes a burst of writes and is killed with SIGKILL at a random
 * moment, several times over the same SQLite file. After each kill every acknowledged write must be there (entity and
 * its change-log entry), the file must pass PRAGMA integrity_check, and the restarted server must serve the writes.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { openStore } from "../../server/http/server";
import { project, smallDataset, tempDatabasePath, writeDataDir } from "../fixtures/dataset";
import { createAccount } from "./server-helpers";
import { killServerProcesses, startServerProcess } from "./server-process";

const dataDir = writeDataDir(smallDataset());
const databasePath = tempDatabasePath();
const ROUNDS = 4;

/** Starts `server/main.ts` as `npm start` does (without the client) on the test's file. */
const startServer = () => startServerProcess({ DATABASE_PATH: databasePath, DATA_DIR: dataDir, LOG_LEVEL: "warn" });

afterAll(() => {
  killServerProcesses();
});

describe("crash safety", () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs at random moments`, async () => {
    // Seed the database and make a coordinator with a session before the first start.
    const { store } = await openStore({ DATABASE_PATH: databasePath, DATA_DIR: dataDir });
    const coordinator = await createAccount(store, "coordinator", "Crash Coordinator");
    const cookie = `${SESSION_COOKIE}=${(await store.sessions.create(coordinator.id)).token}`;
    await store.close();

    const acknowledged: string[] = [];
    let attempted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer();
      // The server restarted on the same file serves everything acknowledged before.
      const snapshot = (await (await fetch(`${server.url}/trpc/graph.snapshot`)).json()) as {
        result: { data: { nodes: { key: string }[] } };
      };
      const keys = new Set(snapshot.result.data.nodes.map((n) => n.key));
      for (const id of acknowledged)
        expect(keys.has(`project:${id}`), `project ${id} after restart ${round}`).toBe(true);

      // Kill at a random moment once the burst is under way (a few writes acknowledged), so that every round tests
      // acknowledged writes however slow a shared machine makes the first requests after a start.
      const killAfterMs = Math.floor(Math.random() * 600);
      let killed = false;
      let acknowledgedThisRound = 0;
      const writer = async (lane: number) => {
        for (let i = 0; !killed; i++) {
          const id = `crash-${round}-${lane}-${i}`;
          attempted++;
          try {
            const response = await fetch(`${server.url}/trpc/entity.create`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-partnerkartan": "1", cookie },
              body: JSON.stringify({
                kind: "project",
                record: project(id, { topics: ["open-data"], regions: ["01"] }),
              }),
            });
            if (response.status === 200) {
              acknowledged.push(id);
              acknowledgedThisRound++;
            } else if (!killed) throw new Error(`write ${id} refused: ${response.status} ${await response.text()}`);
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      const lanes = Promise.all([0, 1, 2, 3].map(writer));
      for (const started = Date.now(); acknowledgedThisRound < 3; ) {
        if (Date.now() - started > 30_000) throw new Error(`round ${round}: fewer than 3 writes acknowledged in 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, killAfterMs));
      killed = true;
      // Listen before killing: the exit can come while the writers are still settling.
      const exited = new Promise((r) => server.process.once("exit", r));
      server.process.kill("SIGKILL");
      await lanes;
      await exited;

      // Straight from the file, before any restart: intact, and every acknowledged write present with its log entry.
      const db = new Database(databasePath, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const stored = new Set(
          (
            db.prepare("SELECT id FROM entity WHERE kind = 'project' AND deleted_at IS NULL").all() as { id: string }[]
          ).map((r) => r.id),
        );
        const logged = new Set(
          (db.prepare("SELECT entity_id FROM change WHERE action = 'create'").all() as { entity_id: string }[]).map(
            (r) => r.entity_id,
          ),
        );
        for (const id of acknowledged) {
          expect(stored.has(id), `acknowledged ${id} missing after kill ${round}`).toBe(true);
          expect(logged.has(id), `change log of ${id} missing after kill ${round}`).toBe(true);
        }
        // Nothing half-written: an entity is stored exactly when its change is logged.
        const crashIds = [...stored].filter((id) => id.startsWith("crash-"));
        expect(crashIds.filter((id) => !logged.has(id))).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * 3);
    console.log(`crash safety: ${attempted} writes attempted, ${acknowledged.length} acknowledged, ${ROUNDS} kills`);
  }, 240_000);
});
