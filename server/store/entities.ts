/**
 * Writes to the editable entities (projects and organisations) by people: create, update, soft-delete, restore. Each
 * write checks its references, rewrites the reference rows, appends to the change log and moves the data version, all
 * in one transaction: either everything is written or nothing is.
 *
 * Every write also moves the entity's own version by one. Update, delete, restore and revert take the version the
 * writer saw (`expectedVersion`) and refuse, naming the fields changed meanwhile, if the entity has moved on: the
 * check and the write share the transaction, so of two writes from the same version exactly one succeeds.
 */
import { changedFields } from "../../shared/changed-fields";
import { ConflictError, InvalidFieldError, NotFoundError, StaleVersionError } from "../../shared/errors";
import type {
  Change,
  ChangeAction,
  DeletedEntity,
  EditableEntity,
  EditableKind,
  EntityRef,
  RecentEdit,
  VersionedRecord,
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
  version: number;
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
  version: r.version,
});

/** The note an approval writes: no name in it, so the append-only log never holds the submitter's. */
export const approvalNote = (submissionId: number): string => `approved submission ${submissionId}`;

/**
 * Notes of approvals ("approved submission 3", or "approved submission 3 by Maja" as written before names were kept
 * out of the log) read "approved submission 3 by NAME" with the submitter's name as it is now: "removed account N"
 * once that account is removed, as the change's actor is.
 */
export async function withSubmitterNames<T extends { note?: string | null }>(db: Db, changes: T[]): Promise<T[]> {
  const out: T[] = [];
  for (const change of changes) {
    const approved = change.note ? /^approved submission (\d+)(?: by [\s\S]*)?$/.exec(change.note) : null;
    if (!approved) {
      out.push(change);
      continue;
    }
    const row = await db.get<{ name: string }>(
      "SELECT a.display_name AS name FROM submission s JOIN account a ON a.id = s.submitted_by WHERE s.id = ?",
      Number(approved[1]),
    );
    const note = approvalNote(Number(approved[1]));
    out.push({ ...change, note: row ? `${note} by ${row.name}` : note });
  }
  return out;
}

interface Row {
  data: string;
  deleted: boolean;
  version: number;
}

/** Who makes a change: an account id, or null for the system (seed, command-line import). */
export type ActorId = number | null;

export class EntityStore {
  private readonly references: ReferenceRows;

  constructor(private readonly db: Db) {
    this.references = new ReferenceRows(db);
  }

  private async row(ref: { kind: string; id: string }): Promise<Row | undefined> {
    const row = await this.db.get<{ data: string; deleted: number | boolean; version: number }>(
      "SELECT data, deleted_at IS NOT NULL AS deleted, version FROM entity WHERE kind = ? AND id = ?",
      ref.kind,
      ref.id,
    );
    return row && { data: row.data, deleted: row.deleted === 1 || row.deleted === true, version: row.version };
  }

  /** The live record, or undefined when there is none (never stored, or deleted). */
  async get(ref: EntityRef): Promise<EditableRecord | undefined> {
    return (await this.getVersioned(ref))?.record;
  }

  /** The live record with its version, or undefined when there is none. */
  async getVersioned(ref: EntityRef): Promise<VersionedRecord | undefined> {
    const row = await this.row(ref);
    return row && !row.deleted ? { record: JSON.parse(row.data) as EditableRecord, version: row.version } : undefined;
  }

  /**
   * Refuses a write made from another version than the stored one, naming what changed since. `expected` is left out
   * only by the system's own in-process writers (seed tools, tests, benchmarks); the API always requires it.
   */
  private async checkVersion(ref: EntityRef, row: Row, expected: number | undefined): Promise<void> {
    if (expected === undefined || expected === row.version) return;
    const since = await this.db.all<{ before: string | null; actor: string }>(
      `SELECT c.before, coalesce(a.display_name, 'system') AS actor FROM change c
       LEFT JOIN account a ON a.id = c.account_id
       WHERE c.kind = ? AND c.entity_id = ? AND c.version > ? ORDER BY c.id`,
      ref.kind,
      ref.id,
      expected,
    );
    const current = row.deleted ? null : (JSON.parse(row.data) as EditableRecord);
    // The first change after the writer's version recorded, as its `before`, the record the writer started from.
    const first = since[0];
    const seen = first?.before ? JSON.parse(first.before) : null;
    throw new StaleVersionError({
      kind: ref.kind,
      id: ref.id,
      expectedVersion: expected,
      currentVersion: row.version,
      current,
      changedFields: first && current ? changedFields(seen, current) : [],
      changedBy: [...new Set(since.map((c) => c.actor))],
    });
  }

  /** Whether the id is used at all, including by a deleted entity (ids are never reused, so history stays unambiguous). */
  async isTaken(ref: EntityRef): Promise<boolean> {
    return (await this.row(ref)) !== undefined;
  }

  /** Refuses, naming the field, a record that points to something that does not exist (or was deleted). */
  async checkReferences(entity: EditableEntity, fieldPrefix = "record"): Promise<void> {
    const broken = await this.references.brokenOf({ kind: entity.kind, id: entity.record.id }, entity.record);
    if (broken.length > 0) throw new BrokenReferenceError(broken, fieldPrefix);
  }

  /** Creates a new entity (version 1). Its id must never have been used. */
  create(entity: EditableEntity, actor: ActorId, note?: string): Promise<VersionedRecord> {
    return checkedTransaction(this.db, async () => {
      if (await this.isTaken({ kind: entity.kind, id: entity.record.id })) {
        throw new ConflictError(
          "record.id",
          `a ${entity.kind} with id "${entity.record.id}" already exists or existed`,
        );
      }
      return this.put(entity, "create", null, actor, note);
    });
  }

  /** Replaces a live entity's record, if it is still at `expectedVersion`. The id names the entity and cannot change. */
  update(entity: EditableEntity, actor: ActorId, expectedVersion?: number): Promise<VersionedRecord> {
    return checkedTransaction(this.db, async () => {
      const ref = { kind: entity.kind, id: entity.record.id };
      const row = await this.row(ref);
      if (!row) throw new NotFoundError(ref.kind, ref.id);
      await this.checkVersion(ref, row, expectedVersion);
      if (row.deleted) throw new NotFoundError(ref.kind, ref.id);
      return this.put(entity, "update", JSON.parse(row.data) as EditableRecord, actor);
    });
  }

  /**
   * Soft-deletes, if still at `expectedVersion`: the entity leaves the graph, its record stays, a restore brings it
   * back. Refused (409, naming them) while live records still point to it: the graph could not load them.
   */
  async delete(ref: EntityRef, actor: ActorId, reason?: string, expectedVersion?: number): Promise<void> {
    await checkedTransaction(this.db, async () => {
      const row = await this.row(ref);
      if (!row) throw new NotFoundError(ref.kind, ref.id);
      await this.checkVersion(ref, row, expectedVersion);
      if (row.deleted) throw new NotFoundError(ref.kind, ref.id);
      const before = JSON.parse(row.data) as EditableRecord;
      await this.db.run(
        "UPDATE entity SET deleted_at = ?, version = version + 1 WHERE kind = ? AND id = ?",
        new Date().toISOString(),
        ref.kind,
        ref.id,
      );
      await this.references.write(ref, null);
      await this.log("delete", ref, before, null, actor, reason);
      await bumpDataVersion(this.db);
    });
  }

  /** Brings an entity back to the version a change produced, if it is still at `expectedVersion`; itself logged. */
  restore(
    changeId: number,
    actor: ActorId,
    validate: (entity: EditableEntity) => EditableEntity,
    expectedVersion?: number,
  ): Promise<VersionedRecord> {
    return checkedTransaction(this.db, async () => {
      const change = await this.change(changeId);
      if (!change) throw new NotFoundError("change", String(changeId));
      if (change.after === null) {
        throw new InvalidFieldError(
          "changeId",
          `change ${changeId} deleted the entity; restore the version before it (the change that produced it)`,
        );
      }
      return this.putBack(
        change,
        change.after,
        actor,
        validate,
        expectedVersion,
        `restored the version of change ${changeId}`,
      );
    });
  }

  /** Undoes one change: puts back the record as it was before it, if the entity is still at `expectedVersion`; logged. */
  revert(
    changeId: number,
    actor: ActorId,
    validate: (entity: EditableEntity) => EditableEntity,
    expectedVersion: number,
  ): Promise<VersionedRecord> {
    return checkedTransaction(this.db, async () => {
      const change = await this.change(changeId);
      if (!change) throw new NotFoundError("change", String(changeId));
      if (change.before === null) {
        throw new InvalidFieldError("changeId", `change ${changeId} created the entity; delete it instead`);
      }
      return this.putBack(change, change.before, actor, validate, expectedVersion, `reverted change ${changeId}`);
    });
  }

  /** Writes an earlier record of a change's entity again (restore, revert). Call inside a transaction. */
  private async putBack(
    change: Change,
    record: EditableRecord,
    actor: ActorId,
    validate: (entity: EditableEntity) => EditableEntity,
    expectedVersion: number | undefined,
    note: string,
  ): Promise<VersionedRecord> {
    const ref = { kind: change.kind, id: change.entityId };
    const row = await this.row(ref);
    if (!row) throw new NotFoundError(ref.kind, ref.id);
    await this.checkVersion(ref, row, expectedVersion);
    // Records are re-validated: the schema may have grown stricter since the version was written.
    const entity = validate({ kind: change.kind, record } as EditableEntity);
    const before = row.deleted ? null : (JSON.parse(row.data) as EditableRecord);
    return this.put(entity, "restore", before, actor, note);
  }

  /**
   * Direct edits and deletions by owners (members; coordinators' own writes need no second look) in the last `days`
   * days, newest first, each with the fields it changed and whether it is still the entity's latest change.
   */
  async recentEdits(days: number, limit = 200): Promise<RecentEdit[]> {
    const rows = await this.db.all<Omit<RawChange, "note"> & { current_version: number }>(
      `SELECT c.id, c.at, c.action, c.kind, c.entity_id, c.before, c.after, c.version, a.display_name AS actor,
         e.version AS current_version
       FROM change c JOIN account a ON a.id = c.account_id
       JOIN entity e ON e.kind = c.kind AND e.id = c.entity_id
       WHERE a.role = 'member' AND c.action IN ('update', 'delete')
         AND c.at >= ?
       ORDER BY c.id DESC LIMIT ?`,
      new Date(Date.now() - days * 86_400_000).toISOString(),
      limit,
    );
    return rows.map((r) => {
      const before = r.before === null ? null : (JSON.parse(r.before) as EditableRecord);
      const after = r.after === null ? null : (JSON.parse(r.after) as EditableRecord);
      return {
        changeId: r.id,
        at: r.at,
        actor: r.actor ?? "system",
        action: r.action as RecentEdit["action"],
        kind: r.kind,
        entityId: r.entity_id,
        name: (after ?? before)?.name ?? r.entity_id,
        fields: after === null ? [] : changedFields(before, after),
        version: r.version,
        latest: r.version === r.current_version,
      };
    });
  }

  /**
   * Brings a soft-deleted entity back as it was when deleted (its stored record), logged as a restore: for the repair
   * command, which must work also for entities with no change to restore (those of the seed).
   */
  async undelete(
    ref: EntityRef,
    actor: ActorId,
    validate: (entity: EditableEntity) => EditableEntity,
    note: string,
  ): Promise<void> {
    await checkedTransaction(this.db, async () => {
      const row = await this.row(ref);
      if (!row?.deleted) throw new NotFoundError(`deleted ${ref.kind}`, ref.id);
      const entity = validate({ kind: ref.kind, record: JSON.parse(row.data) } as EditableEntity);
      await this.put(entity, "restore", null, actor, note);
    });
  }

  /** Soft-deleted projects and organisations, most recently deleted first, with the change that would bring each back. */
  async deleted(): Promise<DeletedEntity[]> {
    const rows = await this.db.all<{
      kind: EditableKind;
      id: string;
      data: string;
      deleted_at: string;
      deleted_by: string | null;
      restore_change_id: number | null;
      version: number;
    }>(
      `SELECT e.kind, e.id, e.data, e.deleted_at, e.version,
         (SELECT coalesce(a.display_name, 'system') FROM change c LEFT JOIN account a ON a.id = c.account_id
           WHERE c.kind = e.kind AND c.entity_id = e.id AND c.action = 'delete' ORDER BY c.id DESC LIMIT 1) AS deleted_by,
         (SELECT c.id FROM change c WHERE c.kind = e.kind AND c.entity_id = e.id AND c.after IS NOT NULL
           ORDER BY c.id DESC LIMIT 1) AS restore_change_id
       FROM entity e WHERE e.deleted_at IS NOT NULL AND e.kind IN ('project', 'organisation')
       ORDER BY e.deleted_at DESC, e.kind, e.id`,
    );
    return rows
      .filter((r) => r.restore_change_id !== null)
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        name: (JSON.parse(r.data) as EditableRecord).name,
        deletedAt: r.deleted_at,
        deletedBy: r.deleted_by ?? "system",
        restoreChangeId: r.restore_change_id as number,
        version: r.version,
      }));
  }

  async change(id: number): Promise<Change | undefined> {
    const row = await this.db.get<RawChange>(
      `SELECT c.*, a.display_name AS actor FROM change c LEFT JOIN account a ON a.id = c.account_id WHERE c.id = ?`,
      id,
    );
    return row && (await withSubmitterNames(this.db, [toChange(row)]))[0];
  }

  /** Every change of one entity, newest first. */
  async history(ref: EntityRef): Promise<Change[]> {
    const changes = (
      await this.db.all<RawChange>(
        `SELECT c.*, a.display_name AS actor FROM change c LEFT JOIN account a ON a.id = c.account_id
         WHERE c.kind = ? AND c.entity_id = ? ORDER BY c.id DESC`,
        ref.kind,
        ref.id,
      )
    ).map(toChange);
    return await withSubmitterNames(this.db, changes);
  }

  /** Writes the record, its references and the log entry, and moves the data version. Call inside a transaction. */
  private async put(
    entity: EditableEntity,
    action: ChangeAction,
    before: EditableRecord | null,
    actor: ActorId,
    note?: string,
  ): Promise<VersionedRecord> {
    // People never write synthetic records; only the generator does.
    const { synthetic: _synthetic, ...record } = entity.record;
    const ref = { kind: entity.kind, id: record.id };
    const broken = await this.references.brokenOf(ref, record);
    if (broken.length > 0) throw new BrokenReferenceError(broken);
    const { version } = (await this.db.get<{ version: number }>(
      `INSERT INTO entity (kind, id, data, synthetic) VALUES (?, ?, ?, 0)
       ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, deleted_at = NULL, version = entity.version + 1,
         updated_at = ?
       RETURNING version`,
      ref.kind,
      ref.id,
      JSON.stringify(record),
      new Date().toISOString(),
    )) as { version: number };
    await this.references.write(ref, record);
    await this.log(action, ref, before, record, actor, note);
    await bumpDataVersion(this.db);
    return { record, version };
  }

  /**
   * Appends to the change log (also used by the command-line import, with a null actor), with the version the write
   * produced. Call after writing the entity row, in the same transaction.
   */
  async log(
    action: ChangeAction,
    ref: EntityRef,
    before: EditableRecord | null,
    after: EditableRecord | null,
    actor: ActorId,
    note?: string,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO change (account_id, action, kind, entity_id, before, after, note, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT version FROM entity WHERE kind = ? AND id = ?))`,
      actor,
      action,
      ref.kind,
      ref.id,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      note ?? null,
      ref.kind,
      ref.id,
    );
  }
}
