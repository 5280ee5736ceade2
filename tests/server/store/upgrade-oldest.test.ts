/**
 * Pins an upgrade (docs/production.md, "Upgrading"): a store exactly as the first release left it (migration 1's
 * schema, a whole seeded data set with its references) opens with the current code, every later migration runs at
 * start, and the graph is served from the same records: nothing lost, nothing changed.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadServices } from "../../../server/services";
import { MIGRATIONS } from "../../../server/store/migrations";
import {
  referencesOfFundingCall,
  referencesOfOrganisation,
  referencesOfProject,
} from "../../../server/store/references";
import { Store } from "../../../server/store/store";
import { project, smallDataset, tempDatabasePath } from "../../fixtures/dataset";

describe("upgrading the oldest store", () => {
  it("opens a migration-1 store with its data intact, then takes writes with the change log", async () => {
    const data = smallDataset();
    const path = tempDatabasePath();
    const old = new Database(path);
    old.pragma("foreign_keys = ON");
    old.exec(MIGRATIONS[0] as string);
    old.pragma("user_version = 1");
    const insert = old.prepare("INSERT INTO entity (kind, id, data) VALUES (?, ?, ?)");
    const ref = old.prepare(
      "INSERT INTO reference (from_kind, from_id, relation, to_kind, to_id) VALUES (?, ?, ?, ?, ?)",
    );
    old.transaction(() => {
      for (const r of data.regions) insert.run("region", r.code, JSON.stringify(r));
      for (const t of data.topics) insert.run("topic", t.id, JSON.stringify(t));
      for (const s of data.skills) insert.run("skill", s.id, JSON.stringify(s));
      for (const o of data.organisations) insert.run("organisation", o.id, JSON.stringify(o));
      for (const f of data.fundingCalls) insert.run("funding-call", f.id, JSON.stringify(f));
      for (const p of data.projects) insert.run("project", p.id, JSON.stringify(p));
      for (const o of data.organisations)
        for (const r of referencesOfOrganisation(o)) ref.run("organisation", o.id, r.relation, r.toKind, r.toId);
      for (const f of data.fundingCalls)
        for (const r of referencesOfFundingCall(f)) ref.run("funding-call", f.id, r.relation, r.toKind, r.toId);
      for (const p of data.projects)
        for (const r of referencesOfProject(p)) ref.run("project", p.id, r.relation, r.toKind, r.toId);
      for (const [key, value] of [
        ["origin", "seed"],
        ["seeded_at", "2026-11-01T10:00:00.000Z"],
        ["data_version", "3"],
      ])
        old.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(key, value);
    })();
    old.close();

    const store = new Store(path);
    try {
      expect(store.db.raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      expect(await store.info()).toMatchObject({
        dataVersion: 3,
        origin: "seed",
        seededAt: "2026-11-01T10:00:00.000Z",
      });
      const sortById = <T extends { id?: string; code?: string }>(list: T[]) =>
        [...list].sort((a, b) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)));
      const read = await store.readDataset();
      for (const part of Object.keys(data) as (keyof typeof data)[]) {
        expect(sortById(read[part] as { id?: string }[]), part).toEqual(sortById(data[part] as { id?: string }[]));
      }
      const services = await loadServices(store, { warmSearch: false });
      expect(services.dataVersion).toBe(3);
      const projectKey = `project:${data.projects[0]?.id}`;
      expect(services.graph.hasNode(projectKey)).toBe(true);
      // What came later works on the old rows: versions, the change log, and an edit.
      expect(
        (await store.entities.getVersioned({ kind: "project", id: data.projects[0]?.id as string }))?.version,
      ).toBe(1);
      await store.entities.create({ kind: "project", record: project("after-upgrade") }, null);
      expect(await store.entities.history({ kind: "project", id: "after-upgrade" })).toHaveLength(1);
      expect(await (await store.info()).dataVersion).toBe(4);
      expect(store.db.raw.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      await store.close();
    }
  });
});
