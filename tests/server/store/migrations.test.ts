/** A database made by an earlier release (schema version 1) opens with its data intact and gains the new tables. */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../server/store/database";
import { MIGRATIONS } from "../../../server/store/migrations";
import { Store } from "../../../server/store/store";
import { project, smallDataset, tempDatabasePath } from "../../fixtures/dataset";

describe("migrations", () => {
  it("upgrades a version-1 database in place: data kept, soft delete, accounts and change log added", async () => {
    // A file exactly as release 1 left it: only the first migration, seeded.
    const path2 = tempDatabasePath();
    const seeded = new Database(path2);
    seeded.pragma("foreign_keys = ON");
    seeded.exec(MIGRATIONS[0] as string);
    seeded.pragma("user_version = 1");
    const insert = seeded.prepare("INSERT INTO entity (kind, id, data) VALUES (?, ?, ?)");
    for (const p of smallDataset().projects) insert.run("project", p.id, JSON.stringify(p));
    seeded.prepare("INSERT INTO meta (key, value) VALUES ('data_version', '1')").run();
    migrate(seeded);
    expect(seeded.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    const columns = (seeded.prepare("PRAGMA table_info(entity)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain("deleted_at");
    // Migration 5: every existing row starts at version 1.
    expect(seeded.prepare("SELECT DISTINCT version FROM entity").pluck().all()).toEqual([1]);
    const tables = (seeded.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .sort();
    expect(tables).toEqual(
      expect.arrayContaining(["account", "change", "entity", "layout_cache", "ownership", "session", "submission"]),
    );
    expect((seeded.prepare("SELECT count(*) AS n FROM entity WHERE deleted_at IS NULL").get() as { n: number }).n).toBe(
      2,
    );
    expect(seeded.pragma("integrity_check", { simple: true })).toBe("ok");
    seeded.close();
  });

  it("keeps the change log append-only", async () => {
    const store = new Store(tempDatabasePath());
    await store.importDataset(smallDataset(), "seed");
    await store.entities.create({ kind: "project", record: project("logged") }, null);
    expect(() => store.db.raw.prepare("UPDATE change SET note = 'edited'").run()).toThrow(/append-only/);
    expect(() => store.db.raw.prepare("DELETE FROM change").run()).toThrow(/append-only/);
    await store.close();
  });
});

describe("migration 8: events in the entity table", () => {
  it("rebuilds a version-6 table with 'event' allowed, keeping rows, references, triggers and versions", async () => {
    const path = tempDatabasePath();
    const old = new Database(path);
    old.pragma("foreign_keys = ON");
    for (const m of MIGRATIONS.slice(0, 6))
      typeof m === "string" ? old.exec(m) : (m as (db: Database.Database) => void)(old);
    old.pragma("user_version = 6");
    const data = smallDataset();
    const insert = old.prepare("INSERT INTO entity (kind, id, data) VALUES (?, ?, ?)");
    for (const o of data.organisations) insert.run("organisation", o.id, JSON.stringify(o));
    old
      .prepare("INSERT INTO reference VALUES ('organisation', 'digidem-lab', 'partner-of', 'organisation', 'vinnova')")
      .run();
    old.prepare("UPDATE entity SET data = data, version = 2 WHERE id = 'vinnova'").run();
    expect(() => insert.run("event", "e", "{}")).toThrow(/CHECK/);
    const triggersBefore = old
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entity' ORDER BY name")
      .all();
    migrate(old);
    expect(old.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(old.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(old.prepare("SELECT count(*) FROM entity").pluck().get()).toBe(4);
    expect(old.prepare("SELECT version FROM entity WHERE id = 'vinnova'").pluck().get()).toBe(2);
    expect(
      old
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entity' ORDER BY name")
        .all(),
    ).toEqual(triggersBefore);
    // The new kind goes in, the journal trigger still fires, the version trigger still guards, foreign keys still hold.
    const before = old.prepare("SELECT count(*) FROM entity_write").pluck().get() as number;
    insert.run("event", "e", "{}");
    expect(old.prepare("SELECT count(*) FROM entity_write").pluck().get()).toBe(before + 1);
    expect(() => insert.run("guild", "g", "{}")).toThrow(/CHECK/);
    expect(() => old.prepare("UPDATE entity SET data = '{}' WHERE id = 'e'").run()).toThrow(/move its version/);
    expect(() => old.prepare("DELETE FROM entity WHERE id = 'vinnova'").run()).toThrow(/FOREIGN KEY/);
    expect(old.pragma("integrity_check", { simple: true })).toBe("ok");
    old.close();
  });
});
