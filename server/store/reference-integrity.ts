/**
 * The one reference check every write to entities passes before it commits (people's edits, approvals, restores, the
 * import from the app or the command line, the seed): no live entity may point to one that is missing or soft-deleted,
 * because the graph is built from live records and cannot load such an edge. It looks at what the transaction wrote
 * (the entity_write journal, filled by triggers, so no write path can leave anything out): each live written record's
 * references, and, for each written entity that is no longer live, the live records still pointing to it.
 */
import { ConflictError, InvalidFieldError } from "../../shared/errors";
import type { Db } from "./database";
import { ENTITY_KIND_NOUNS, type EntityKind } from "./entity-kind";
import { type BrokenReference, ReferenceRows, referencesOf } from "./references";

const noun = (kind: EntityKind) => ENTITY_KIND_NOUNS[kind];

/** "organisation "x" is deleted" or "unknown organisation "x"", for one broken reference. */
export function describeTarget(b: BrokenReference): string {
  const { toKind, toId } = b.reference;
  return b.target === "deleted"
    ? `${noun(toKind)} "${toId}" is deleted (restore it first, or refer to another)`
    : `unknown ${noun(toKind)} "${toId}"`;
}

/**
 * A write that would leave a live record pointing to a missing or deleted entity: 400, naming the first field
 * (`record.lead` for the API; an import places each in its file from `broken`).
 */
export class BrokenReferenceError extends InvalidFieldError {
  override name = "BrokenReferenceError";
  constructor(
    readonly broken: readonly BrokenReference[],
    fieldPrefix = "record",
  ) {
    const first = broken[0] as BrokenReference;
    const others = broken.length > 1 ? ` (and ${broken.length - 1} more)` : "";
    const field = fieldPrefix ? `${fieldPrefix}.${first.reference.field}` : first.reference.field;
    super(field, `${describeTarget(first)}${others}`);
  }
}

/** Deleting an entity live records still point to: 409, naming them. */
export class StillReferencedError extends ConflictError {
  override name = "StillReferencedError";
  constructor(readonly broken: readonly BrokenReference[]) {
    const target = broken[0]?.reference;
    const users = [...new Set(broken.map((b) => `${noun(b.from.kind)} "${b.from.id}" (${b.reference.field})`))];
    const named = users.slice(0, 5).join(", ") + (users.length > 5 ? ` and ${users.length - 5} more` : "");
    super(
      "id",
      `${target ? `${noun(target.toKind)} "${target.toId}" is ` : ""}still referred to by ${named}; remove those references first`,
    );
  }
}

/** The entity-write journal's position now: a transaction notes it first, and checks what was written after it. */
export async function journalPosition(db: Db): Promise<number> {
  const row = await db.get<{ seq: number }>("SELECT coalesce(max(seq), 0) AS seq FROM entity_write");
  return Number(row?.seq ?? 0);
}

/** Every broken reference that involves an entity written after journal position `since`, in both directions. */
export async function brokenReferencesSince(
  db: Db,
  since: number,
): Promise<{ from: BrokenReference[]; to: BrokenReference[] }> {
  const rows = new ReferenceRows(db);
  const written = await db.all<{ kind: EntityKind; id: string; data: string | null; live: number | boolean | null }>(
    `SELECT w.kind, w.id, e.data, e.deleted_at IS NULL AS live
     FROM (SELECT DISTINCT kind, id FROM entity_write WHERE seq > ?) w
     LEFT JOIN entity e ON e.kind = w.kind AND e.id = w.id`,
    since,
  );
  const gone: { kind: EntityKind; id: string }[] = [];
  const from: BrokenReference[] = [];
  for (const { kind, id, data, live } of written) {
    // Each live record is read back as stored, so a path that wrote the record but not its reference rows is caught.
    if (data !== null && (live === 1 || live === true))
      from.push(...(await rows.brokenOf({ kind, id }, JSON.parse(data))));
    else gone.push({ kind, id });
  }
  const to: BrokenReference[] = [];
  for (const target of gone) {
    const users = await db.all<{ from_kind: EntityKind; from_id: string; data: string }>(
      `SELECT DISTINCT r.from_kind, r.from_id, e.data FROM reference r
       JOIN entity e ON e.kind = r.from_kind AND e.id = r.from_id AND e.deleted_at IS NULL
       WHERE r.to_kind = ? AND r.to_id = ?`,
      target.kind,
      target.id,
    );
    for (const { from_kind: kind, from_id: id, data } of users) {
      const state = await rows.stateOf(target.kind, target.id);
      for (const reference of referencesOf(kind, JSON.parse(data)))
        if (reference.toKind === target.kind && reference.toId === target.id && state !== "live")
          to.push({ from: { kind, id }, reference, target: state });
    }
  }
  return { from, to };
}

/** Throws (so the transaction rolls back) if what was written after `since` left a reference broken. */
export async function assertReferencesLive(db: Db, since: number, fieldPrefix = "record"): Promise<void> {
  const { from, to } = await brokenReferencesSince(db, since);
  if (from.length > 0) throw new BrokenReferenceError(from, fieldPrefix);
  if (to.length > 0) throw new StillReferencedError(to);
}

/**
 * `db.transaction(fn)` that checks references before it commits; inside another transaction it is a savepoint, and
 * the check covers what it wrote.
 */
export function checkedTransaction<T>(db: Db, fn: () => Promise<T>, fieldPrefix = "record"): Promise<T> {
  return db.transaction(async () => {
    const since = await journalPosition(db);
    const result = await fn();
    await assertReferencesLive(db, since, fieldPrefix);
    return result;
  });
}

/**
 * Every live record in the store that points to something missing or deleted, read from the records themselves (what
 * the graph loads), not from the reference table: for the start-up diagnosis of a store that was changed by hand.
 */
export async function findBrokenReferences(db: Db, limit = 20): Promise<BrokenReference[]> {
  const rows = new ReferenceRows(db);
  const broken: BrokenReference[] = [];
  for (const { kind, id, data } of await db.all<{ kind: EntityKind; id: string; data: string }>(
    "SELECT kind, id, data FROM entity WHERE deleted_at IS NULL",
  )) {
    broken.push(...(await rows.brokenOf({ kind, id }, JSON.parse(data))));
    if (broken.length >= limit) break;
  }
  return broken.slice(0, limit);
}
