/**
 * Pins the store, on SQLite and (in the postgres project) on PostgreSQL: migrations, a faithful round trip, one
 * transaction per write, foreign keys.
 */
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DeviceCookies } from "../../../server/auth/device-cookie";
import { schemaVersion } from "../../../server/store/database";
import { MIGRATIONS } from "../../../server/store/migrations";
import { POSTGRES_MIGRATIONS } from "../../../server/store/postgres-migrations";
import { Store } from "../../../server/store/store";
import { datasetWithEvents, organisation, smallDataset } from "../../fixtures/dataset";
import { newStoreLocation, storeUnderTest } from "../../fixtures/test-store";

const stores: Store[] = [];
const open = async (location: string) => {
  const store = await Store.open(location);
  stores.push(store);
  return store;
};
const FOREIGN_KEY = /FOREIGN KEY|foreign key/;
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe(`Store on ${storeUnderTest}`, () => {
  it("has one PostgreSQL migration for each SQLite one, so a schema version means the same on both", () => {
    expect(POSTGRES_MIGRATIONS.length).toBe(MIGRATIONS.length);
  });

  it.skipIf(storeUnderTest !== "sqlite")(
    "creates the database file with WAL, foreign keys and the latest schema version",
    async () => {
      const path = await newStoreLocation();
      const store = await open(path);
      expect(existsSync(path)).toBe(true);
      expect(store.db.raw.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.db.raw.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(await schemaVersion(store.db)).toBe(MIGRATIONS.length);
      expect(await store.isSeeded()).toBe(false);
    },
  );

  it.skipIf(storeUnderTest !== "postgres")(
    "brings a PostgreSQL database to the latest schema once, also when two instances open it together",
    async () => {
      const url = await newStoreLocation();
      const [a, b] = await Promise.all([open(url), open(url)]);
      expect(await schemaVersion(a.db)).toBe(MIGRATIONS.length);
      expect(await schemaVersion(b.db)).toBe(MIGRATIONS.length);
      expect(a.path).not.toMatch(/:[^/@]*@.*password/);
      // Both seed at once: one data set, and the other is told the store already holds one.
      const results = await Promise.allSettled([
        a.importDataset(smallDataset(), "seed"),
        b.importDataset(smallDataset(), "seed"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((await a.countEntities()).organisation).toBe(4);
    },
  );

  it("reads back exactly the data set it was given, after reopening the file", async () => {
    const path = await newStoreLocation();
    const data = smallDataset();
    await (await open(path)).importDataset(data, "seed");
    await stores.pop()?.close();
    const reopened = await open(path);
    const back = await reopened.readDataset();
    const byId = <T extends { id?: string; code?: string }>(xs: T[]) =>
      [...xs].sort((a, b) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)));
    expect(byId(back.organisations)).toEqual(byId(data.organisations));
    expect(byId(back.projects)).toEqual(byId(data.projects));
    expect(byId(back.regions)).toEqual(byId(data.regions));
    expect(await reopened.info()).toMatchObject({ dataVersion: 1, origin: "seed" });
    expect(await reopened.countEntities()).toEqual({
      region: 3,
      topic: 2,
      skill: 2,
      organisation: 4,
      "funding-call": 1,
      project: 2,
      event: 0,
    });
  });

  it("records every reference as a row the database checks", async () => {
    const store = await open(await newStoreLocation());
    await store.importDataset(smallDataset(), "seed");
    const leads = await store.db.all("SELECT from_id, to_id FROM reference WHERE relation = 'lead' ORDER BY from_id");
    expect(leads).toEqual([
      { from_id: "civic-tech-platform", to_id: "digidem-lab" },
      { from_id: "open-up", to_id: "open-knowledge-sweden" },
    ]);
    await expect(store.db.run("DELETE FROM entity WHERE kind = 'organisation' AND id = 'digidem-lab'")).rejects.toThrow(
      FOREIGN_KEY,
    );
  });

  it("keeps one device-cookie secret for every instance and restart, so a device cookie is known to all", async () => {
    const location = await newStoreLocation();
    const [a, b] = [await open(location), await open(location)];
    const [secretA, secretB] = await Promise.all([a.deviceCookieSecret(), b.deviceCookieSecret()]);
    expect(secretA.length).toBe(32);
    expect(secretB.equals(secretA)).toBe(true);
    const cookie = new DeviceCookies(secretA).add(undefined, "owner@example.org");
    expect(new DeviceCookies(secretB).knows(cookie, "owner@example.org")).toBe(true);
    expect(new DeviceCookies().knows(cookie, "owner@example.org")).toBe(false);
  });

  it("refuses a second import and keeps the first one whole", async () => {
    const store = await open(await newStoreLocation());
    await store.importDataset(smallDataset(), "seed");
    await expect(store.importDataset(smallDataset(), "seed")).rejects.toThrow(/already holds a data set/);
    expect(await (await store.countEntities()).organisation).toBe(4);
  });

  it("writes nothing when an import fails half-way (one transaction)", async () => {
    const store = await open(await newStoreLocation());
    const data = smallDataset();
    // A reference the schema allows but the database cannot resolve: fails after all entities were inserted.
    data.organisations.push(organisation("stray", { topics: ["no-such-topic"] }));
    await expect(store.importDataset(data, "seed")).rejects.toThrow(FOREIGN_KEY);
    expect(await store.countEntities()).toEqual({
      region: 0,
      topic: 0,
      skill: 0,
      organisation: 0,
      "funding-call": 0,
      project: 0,
      event: 0,
    });
    expect(await store.isSeeded()).toBe(false);
  });

  it("round-trips events and ties, each reference a checked row", async () => {
    const path = await newStoreLocation();
    const data = datasetWithEvents();
    await (await open(path)).importDataset(data, "seed");
    await stores.pop()?.close();
    const store = await open(path);
    const back = await store.readDataset();
    expect(back.events).toEqual(data.events);
    expect(back.organisations.find((o) => o.id === "digidem-lab")?.ties).toEqual([
      { relation: "partner-of", organisation: "civic-tech-goteborg", sources: ["https://example.org/source"] },
    ]);
    expect(await (await store.countEntities()).event).toBe(2);
    const rows = (
      await store.db.all<Record<string, string>>(
        "SELECT from_kind, from_id, relation, to_kind, to_id FROM reference WHERE from_id = 'hackathon-2' OR relation IN ('partner-of', 'member-of') ORDER BY from_id, relation, to_id",
      )
    ).map((r) => [r.from_kind, r.from_id, r.relation, r.to_kind, r.to_id]);
    expect(rows).toEqual([
      ["organisation", "digidem-lab", "partner-of", "organisation", "civic-tech-goteborg"],
      ["event", "hackathon-2", "hosted-at", "organisation", "civic-tech-goteborg"],
      ["event", "hackathon-2", "in-region", "region", "14"],
      ["event", "hackathon-2", "organised-by", "organisation", "civic-tech-goteborg"],
      ["event", "hackathon-2", "partner", "organisation", "digidem-lab"],
      ["event", "hackathon-2", "partner", "organisation", "open-knowledge-sweden"],
      ["event", "hackathon-2", "topic", "topic", "participation"],
      ["organisation", "open-knowledge-sweden", "member-of", "organisation", "civic-tech-goteborg"],
    ]);
    // The organiser an event names cannot vanish from under it.
    await expect(
      store.db.run("DELETE FROM entity WHERE kind = 'organisation' AND id = 'civic-tech-goteborg'"),
    ).rejects.toThrow(FOREIGN_KEY);
  });
});
