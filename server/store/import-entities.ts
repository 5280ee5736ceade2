/**
 * Writes imported entities: inserts new ones, updates changed ones (their references rewritten from the record), and
 * moves the data version, all in one transaction. Never deletes, and never brings back a soft-deleted entity (that is
 * a restore, with its own history). Refuses if the data version moved since the import was planned, so a preview is
 * never applied to data it was not computed on, and, like every write, if a reference would not lead to a live entity.
 */
import type { Event } from "../../shared/schema/event";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import type { Db } from "./database";
import { EntityStore } from "./entities";
import { ENTITY_KIND_NOUNS, type EntityKind } from "./entity-kind";
import { BrokenReferenceError, checkedTransaction } from "./reference-integrity";
import { ReferenceRows } from "./references";

export type EntityWrite =
  | { kind: "organisation"; record: Organisation }
  | { kind: "funding-call"; record: FundingCall }
  | { kind: "project"; record: Project }
  | { kind: "event"; record: Event };

export class StaleImportError extends Error {
  override name = "StaleImportError";
}

/** An import that names a soft-deleted entity: it is restored on its own (entity.restore), never by an import. */
export class DeletedEntityError extends Error {
  override name = "DeletedEntityError";
  constructor(readonly entity: { kind: EntityKind; id: string }) {
    super(
      `${ENTITY_KIND_NOUNS[entity.kind]} "${entity.id}" was deleted; an import does not bring it back: restore it first, or leave it out`,
    );
  }
}

const dataVersionOf = async (db: Db) =>
  Number((await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'"))?.value ?? 0);

/** The ids of every stored entity, by kind: the live ones, and the soft-deleted ones (which nothing may refer to). */
export async function readEntityIds(
  db: Db,
): Promise<{ live: Map<EntityKind, Set<string>>; deleted: Map<EntityKind, Set<string>> }> {
  const live = new Map<EntityKind, Set<string>>();
  const deleted = new Map<EntityKind, Set<string>>();
  for (const row of await db.all<{ kind: EntityKind; id: string; gone: number | boolean }>(
    "SELECT kind, id, deleted_at IS NOT NULL AS gone FROM entity",
  )) {
    const ids = row.gone ? deleted : live;
    let set = ids.get(row.kind);
    if (!set) {
      set = new Set();
      ids.set(row.kind, set);
    }
    set.add(row.id);
  }
  return { live, deleted };
}

/** A reader of stored records (as JSON text) by kind and id. */
export function entityReader(db: Db): (kind: EntityKind, id: string) => Promise<string | undefined> {
  return async (kind, id) =>
    (await db.get<{ data: string }>("SELECT data FROM entity WHERE kind = ? AND id = ?", kind, id))?.data;
}

/** Every live (not soft-deleted) record of a kind, parsed, in id order. */
export async function readLiveRecords<T>(db: Db, kind: EntityKind): Promise<T[]> {
  const rows = await db.all<{ data: string }>(
    "SELECT data FROM entity WHERE kind = ? AND deleted_at IS NULL ORDER BY id",
    kind,
  );
  return rows.map((row) => JSON.parse(row.data) as T);
}

export function readDataVersion(db: Db): Promise<number> {
  return dataVersionOf(db);
}

/**
 * Inserts or replaces the given entities and their references in one transaction, and adds one to the data version
 * (if there is anything to write). `expectedDataVersion` is the version the writes were planned against.
 */
export function writeImportedEntities(
  db: Db,
  writes: readonly EntityWrite[],
  expectedDataVersion: number,
  /** Who imports: an administrator's account id, or null for the command line. */
  actor: number | null = null,
): Promise<number> {
  const references = new ReferenceRows(db);
  return checkedTransaction(
    db,
    async () => {
      const version = await dataVersionOf(db);
      if (version !== expectedDataVersion) {
        throw new StaleImportError(
          `The data changed while importing (data version ${expectedDataVersion} → ${version}); nothing was written. Run the import again.`,
        );
      }
      if ((await db.get("SELECT 1 FROM meta WHERE key = 'seeded_at'")) === undefined) {
        throw new StaleImportError(
          "The database holds no data set yet (start the server once to seed it); nothing was written.",
        );
      }
      if (writes.length === 0) return version;
      // Entities first, so references between imported entities find their targets whatever the order.
      const changeLog = new EntityStore(db);
      for (const w of writes) {
        const stored = await db.get<{ data: string; gone: number | boolean }>(
          "SELECT data, deleted_at IS NOT NULL AS gone FROM entity WHERE kind = ? AND id = ?",
          w.kind,
          w.record.id,
        );
        if (stored?.gone) throw new DeletedEntityError({ kind: w.kind, id: w.record.id });
        const before = stored?.data;
        await db.run(
          `INSERT INTO entity (kind, id, data, synthetic, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, synthetic = excluded.synthetic,
             version = entity.version + 1, updated_at = excluded.updated_at`,
          w.kind,
          w.record.id,
          JSON.stringify(w.record),
          w.record.synthetic ? 1 : 0,
          new Date().toISOString(),
        );
        // Projects and organisations keep a history; an import is a change by the system.
        if (w.kind === "project" || w.kind === "organisation") {
          const ref = { kind: w.kind, id: w.record.id };
          await changeLog.log(
            before ? "update" : "create",
            ref,
            before ? JSON.parse(before) : null,
            w.record,
            actor,
            "import",
          );
        }
      }
      for (const w of writes) {
        const broken = await references.write({ kind: w.kind, id: w.record.id }, w.record);
        if (broken.length > 0) throw new BrokenReferenceError(broken, "");
      }
      await db.run(
        "INSERT INTO meta (key, value) VALUES ('data_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        String(version + 1),
      );
      return version + 1;
    },
    "",
  );
}
