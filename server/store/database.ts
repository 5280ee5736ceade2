/** Opens the SQLite file with the settings every connection needs, and brings its schema up to date. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration, type TableRebuild } from "./migrations";

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this program knows (${MIGRATIONS.length}).`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migration = MIGRATIONS[version] as Migration;
    if (typeof migration === "object") rebuildTable(db, migration, version + 1);
    else
      db.transaction(() => {
        if (typeof migration === "string") db.exec(migration);
        else migration(db);
        db.pragma(`user_version = ${version + 1}`);
      })();
  }
}

/**
 * A table rebuild with foreign keys off, set outside the transaction (SQLite ignores the pragma inside one), then
 * checked before commit: a row that would point nowhere rolls the whole migration back.
 */
function rebuildTable(db: Db, migration: TableRebuild, version: number): void {
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      migration.rebuild(db);
      const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
      if (broken.length > 0)
        throw new Error(
          `Migration ${version} would leave ${broken.length} rows pointing nowhere (first: ${broken[0]?.table} → ${broken[0]?.parent}); nothing was changed.`,
        );
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}
