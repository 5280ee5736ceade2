/**
 * Writes to the editable entities (projects and organisations) by people: create, update, soft-delete, restore. Each
 * write checks its references, rewrites the reference rows, appends to the change log and moves the data version, all
 * in one transaction: either everything is written or nothing is.
 */
import { ConflictError, InvalidFieldError, NotFoundError } from "../../shared/errors";
import type {
  Change,
  ChangeAction,
  DeletedEntity,
  EditableEntity,
  EditableKind,
  EntityRef,
} from "../../shared/schema/editable";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import { bumpDataVersion } from "./data-version";
import type { Db } from "./database";
import { BrokenReferenceError, checkedTransaction } from "./reference-integrity";
import { ReferenceRows } from "./references";

type EditableRecord = Project | Organisation;

interface RawChange {
  id: number;
  at: string;
  actor: string | null;
  action: ChangeAction;
  kind: EditableKind;
  entity_id: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

const toChange = (r: RawChange): Change => ({
  id: r.id,
  at: r.at,
  actor: r.actor ?? "system",
  action: r.action,
  kind: r.kind,
  entityId: r.entity_id,
  before: r.before === null ? null : (JSON.parse(r.before) as EditableRecord),
  after: r.after === null ? null : (JSON.parse(r.after) as EditableRecord),
  ...(r.note ? { note: r.note } : {}),
});

/** Who makes a change: an account id, or null for the system (seed, command-line import). */
export type ActorId = number | null;

export class EntityStore {
  private readonly references: ReferenceRows;

  constructor(private readonly db: Db) {
    this.references = new ReferenceRows(db);
  }

  private row(ref: { kind: string; id: string }): { data: string; deleted: boolean } | undefined {
    const row = this.db
      .prepare("SELECT data, deleted_at IS NOT NULL AS deleted FROM entity WHERE kind = ? AND id = ?")
      .get(ref.kind, ref.id) as { data: string; deleted: number } | undefined;
    return row && { data: row.data, deleted: row.deleted === 1 };
  }

  /** The live record, or undefined when there is none (never stored, or deleted). */
  get(ref: EntityRef): EditableRecord | undefined {
    const row = this.row(ref);
    return row && !row.deleted ? (JSON.parse(row.data) as EditableRecord) : undefined;
  }

  /** Whether the id is used at all, including by a deleted entity (ids are never reused, so history stays unambiguous). */
  isTaken(ref: EntityRef): boolean {
    return this.row(ref) !== undefined;
  }

  /** Refuses, naming the field, a record that points to something that does not exist (or was deleted). */
  checkReferences(entity: EditableEntity, fieldPrefix = "record"): void {
    const broken = this.references.brokenOf({ kind: entity.kind, id: entity.record.id }, entity.record);
    if (broken.length > 0) throw new BrokenReferenceError(broken, fieldPrefix);
  }

  /** Creates a new entity. Its id must never have been used. */
  create(entity: EditableEntity, actor: ActorId, note?: string): EditableRecord {
    return checkedTransaction(this.db, () => {
      if (this.isTaken({ kind: entity.kind, id: entity.record.id })) {
        throw new ConflictError(
          "record.id",
          `a ${entity.kind} with id "${entity.record.id}" already exists or existed`,
        );
      }
      return this.put(entity, "create", null, actor, note);
    })();
  }

  /** Replaces a live entity's record. The id names the entity and cannot change. */
  update(entity: EditableEntity, actor: ActorId): EditableRecord {
    return checkedTransaction(this.db, () => {
      const before = this.get({ kind: entity.kind, id: entity.record.id });
      if (!before) throw new NotFoundError(entity.kind, entity.record.id);
      return this.put(entity, "update", before, actor);
    })();
  }

  /**
   * Soft-deletes: the entity leaves the graph, its record stays, and a restore brings it back. Refused (409, naming
   * them) while live records still point to it: the graph could not load them.
   */
  delete(ref: EntityRef, actor: ActorId, reason?: string): void {
    checkedTransaction(this.db, () => {
      const before = this.get(ref);
      if (!before) throw new NotFoundError(ref.kind, ref.id);
      this.db
        .prepare("UPDATE entity SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE kind = ? AND id = ?")
        .run(ref.kind, ref.id);
      this.references.write(ref, null);
      this.log("delete", ref, before, null, actor, reason);
      bumpDataVersion(this.db);
    })();
  }

  /** Brings an entity back to the version a change produced; the restore is itself logged. */
  restore(changeId: number, actor: ActorId, validate: (entity: EditableEntity) => EditableEntity): EditableRecord {
    return checkedTransaction(this.db, () => {
      const change = this.change(changeId);
      if (!change) throw new NotFoundError("change", String(changeId));
      if (change.after === null) {
        throw new InvalidFieldError(
          "changeId",
          `change ${changeId} deleted the entity; restore the version before it (the change that produced it)`,
        );
      }
      // Records are re-validated: the schema may have grown stricter since the version was written.
      const entity = validate({ kind: change.kind, record: change.after } as EditableEntity);
      const row = this.row({ kind: entity.kind, id: entity.record.id });
      const before = row && !row.deleted ? (JSON.parse(row.data) as EditableRecord) : null;
      return this.put(entity, "restore", before, actor, `restored the version of change ${changeId}`);
    })();
  }

  /**
   * Brings a soft-deleted entity back as it was when deleted (its stored record), logged as a restore: for the repair
   * command, which must work also for entities with no change to restore (those of the seed).
   */
  undelete(ref: EntityRef, actor: ActorId, validate: (entity: EditableEntity) => EditableEntity, note: string): void {
    checkedTransaction(this.db, () => {
      const row = this.row(ref);
      if (!row?.deleted) throw new NotFoundError(`deleted ${ref.kind}`, ref.id);
      const entity = validate({ kind: ref.kind, record: JSON.parse(row.data) } as EditableEntity);
      this.put(entity, "restore", null, actor, note);
    })();
  }

  /** Soft-deleted projects and organisations, most recently deleted first, with the change that would bring each back. */
  deleted(): DeletedEntity[] {
    const rows = this.db
      .prepare(
        `SELECT e.kind, e.id, e.data, e.deleted_at,
           (SELECT coalesce(a.display_name, 'system') FROM change c LEFT JOIN account a ON a.id = c.account_id
             WHERE c.kind = e.kind AND c.entity_id = e.id AND c.action = 'delete' ORDER BY c.id DESC LIMIT 1) AS deleted_by,
           (SELECT c.id FROM change c WHERE c.kind = e.kind AND c.entity_id = e.id AND c.after IS NOT NULL
             ORDER BY c.id DESC LIMIT 1) AS restore_change_id
         FROM entity e WHERE e.deleted_at IS NOT NULL AND e.kind IN ('project', 'organisation')
         ORDER BY e.deleted_at DESC, e.kind, e.id`,
      )
      .all() as {
      kind: EditableKind;
      id: string;
      data: string;
      deleted_at: string;
      deleted_by: string | null;
      restore_change_id: number | null;
    }[];
    return rows
      .filter((r) => r.restore_change_id !== null)
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        name: (JSON.parse(r.data) as EditableRecord).name,
        deletedAt: r.deleted_at,
        deletedBy: r.deleted_by ?? "system",
        restoreChangeId: r.restore_change_id as number,
      }));
  }

  change(id: number): Change | undefined {
    const row = this.db
      .prepare(
        `SELECT c.*, a.display_name AS actor FROM change c LEFT JOIN account a ON a.id = c.account_id WHERE c.id = ?`,
      )
      .get(id) as RawChange | undefined;
    return row && toChange(row);
  }

  /** Every change of one entity, newest first. */
  history(ref: EntityRef): Change[] {
    return (
      this.db
        .prepare(
          `SELECT c.*, a.display_name AS actor FROM change c LEFT JOIN account a ON a.id = c.account_id
           WHERE c.kind = ? AND c.entity_id = ? ORDER BY c.id DESC`,
        )
        .all(ref.kind, ref.id) as RawChange[]
    ).map(toChange);
  }

  /** Writes the record, its references and the log entry, and moves the data version. Call inside a transaction. */
  private put(
    entity: EditableEntity,
    action: ChangeAction,
    before: EditableRecord | null,
    actor: ActorId,
    note?: string,
  ): EditableRecord {
    // People never write synthetic records; only the generator does.
    const { synthetic: _synthetic, ...record } = entity.record;
    const ref = { kind: entity.kind, id: record.id };
    const broken = this.references.brokenOf(ref, record);
    if (broken.length > 0) throw new BrokenReferenceError(broken);
    this.db
      .prepare(
        `INSERT INTO entity (kind, id, data, synthetic) VALUES (?, ?, ?, 0)
         ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, deleted_at = NULL,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(ref.kind, ref.id, JSON.stringify(record));
    this.references.write(ref, record);
    this.log(action, ref, before, record, actor, note);
    bumpDataVersion(this.db);
    return record;
  }

  /** Appends to the change log (also used by the command-line import, with a null actor). */
  log(
    action: ChangeAction,
    ref: EntityRef,
    before: EditableRecord | null,
    after: EditableRecord | null,
    actor: ActorId,
    note?: string,
  ): void {
    this.db
      .prepare(
        "INSERT INTO change (account_id, action, kind, entity_id, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        actor,
        action,
        ref.kind,
        ref.id,
        before === null ? null : JSON.stringify(before),
        after === null ? null : JSON.stringify(after),
        note ?? null,
      );
  }
}
