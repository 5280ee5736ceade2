/**
 * Migration 8 (see migrations.ts): the entity table's CHECK on `kind` gains 'event'. SQLite cannot alter a CHECK, so
 * the table is rebuilt the way SQLite's documentation describes (https://sqlite.org/lang_altertable.html, "making
 * other kinds of table schema changes"): new table from the old one's own SQL with the CHECK widened, rows copied, old
 * table dropped, new one renamed, its indexes and triggers recreated from sqlite_master. migrate() runs it with
 * foreign keys off (the reference and ownership rows point at entity while it is swapped) and checks them before commit.
 */
import type { SqliteHandle } from "./database";

/** The kind CHECK as migration 1 wrote it (and any later widening): `CHECK (kind IN ('region', …))`. */
const KIND_CHECK = /CHECK \(kind IN \(([^)]*)\)\)/;

export function allowEventEntities(db: SqliteHandle): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entity'").pluck().get() as
    | string
    | undefined;
  const match = table === undefined ? null : KIND_CHECK.exec(table);
  if (table === undefined || match === null)
    throw new Error("Migration 8: the entity table or its CHECK on kind is not as expected; nothing was changed.");
  if ((match[1] as string).includes("'event'")) return;
  // Indexes and triggers go with the dropped table; their SQL is read first to recreate them on the new one.
  const dependents = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'entity' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .pluck()
    .all() as string[];
  const widened = table
    .replace(KIND_CHECK, `CHECK (kind IN (${match[1]}, 'event'))`)
    .replace(/^CREATE TABLE "?entity"?/, "CREATE TABLE entity_rebuilt");
  db.exec(widened);
  db.exec("INSERT INTO entity_rebuilt SELECT * FROM entity");
  db.exec("DROP TABLE entity");
  db.exec("ALTER TABLE entity_rebuilt RENAME TO entity");
  for (const sql of dependents) db.exec(sql);
}
