/** A database made by an earlier release (schema version 1) opens with its data intact and gains the new tables. */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../server/store/database";
import { MIGRATIONS } from "../../../server/store/migrations";
import { Store } from "../../../server/store/store";
import { project, smallDataset, tempDatabasePath } from "../../fixtures/dataset";

describe("migrations", () => {
  it("upgrades a version-1 database in place: data kept, soft delete, accounts and change log added", () => {
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

  it("keeps the change log append-only", () => {
    const store = new Store(tempDatabasePath());
    store.importDataset(smallDataset(), "seed");
    store.entities.create({ kind: "project", record: project("logged") }, null);
    expect(() => store.db.prepare("UPDATE change SET note = 'edited'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM change").run()).toThrow(/append-only/);
    store.close();
  });
});
