/**
 * Which other entities a record points to: the rows of the reference table, derived from the record itself. Every
 * write path writes those rows through writeReferences, which refuses a target that is missing or soft-deleted, so
 * the table always says exactly what the records (which the graph is built from) point to.
 */
import type { Event } from "../../shared/schema/event";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import type { Region } from "../../shared/schema/region";
import type { Db } from "./database";
import type { EntityKind } from "./entity-kind";

export interface Reference {
  relation: string;
  /** The record's field the reference comes from, for error messages. */
  field: string;
  /** Where in the record: ["lead"], or ["partners", 2] for the third partner. */
  path: (string | number)[];
  toKind: EntityKind;
  toId: string;
}

function refs(
  relation: string,
  field: string,
  toKind: EntityKind,
  ids: readonly (string | undefined)[] | string | undefined,
): Reference[] {
  if (ids === undefined) return [];
  if (typeof ids === "string") return [{ relation, field, path: [field], toKind, toId: ids }];
  return ids.flatMap((toId, index) =>
    toId === undefined ? [] : [{ relation, field, path: [field, index], toKind, toId }],
  );
}

export function referencesOfRegion(r: Region): Reference[] {
  return refs("neighbours", "neighbours", "region", r.neighbours);
}

export function referencesOfOrganisation(o: Organisation): Reference[] {
  return [
    ...refs("active-in", "regions", "region", o.regions),
    ...refs("topic", "topics", "topic", o.topics),
    ...refs("offers", "skills", "skill", o.skills),
    // One row per tie; the relation (member-of, partner-of, part-of) is the row's relation.
    ...(o.ties ?? []).map(
      (t, index): Reference => ({
        relation: t.relation,
        field: "ties",
        path: ["ties", index, "organisation"],
        toKind: "organisation",
        toId: t.organisation,
      }),
    ),
  ];
}

export function referencesOfEvent(e: Event): Reference[] {
  return [
    ...refs("organised-by", "organisers", "organisation", e.organisers),
    ...refs("partner", "partners", "organisation", e.partners),
    ...refs("hosted-at", "venue", "organisation", e.venue),
    ...refs("in-region", "region", "region", e.region),
    ...refs("topic", "topics", "topic", e.topics),
  ];
}

export function referencesOfFundingCall(c: FundingCall): Reference[] {
  return refs("funder", "funder", "organisation", c.funder);
}

export function referencesOfProject(p: Project): Reference[] {
  return [
    ...refs("lead", "lead", "organisation", p.lead),
    ...refs("partner", "partners", "organisation", p.partners),
    ...refs("topic", "topics", "topic", p.topics),
    ...refs("needs", "skillsNeeded", "skill", p.skillsNeeded),
    ...refs("covers", "regions", "region", p.regions),
    ...refs("funding-call", "fundingCall", "funding-call", p.fundingCall),
  ];
}

/** The references of a record of any kind (topics and skills point nowhere). */
export function referencesOf(kind: EntityKind, record: unknown): Reference[] {
  switch (kind) {
    case "region":
      return referencesOfRegion(record as Region);
    case "organisation":
      return referencesOfOrganisation(record as Organisation);
    case "funding-call":
      return referencesOfFundingCall(record as FundingCall);
    case "project":
      return referencesOfProject(record as Project);
    case "event":
      return referencesOfEvent(record as Event);
    default:
      return [];
  }
}

/** Is the target there and not soft-deleted? */
export type TargetState = "live" | "deleted" | "missing";

export interface BrokenReference {
  from: { kind: EntityKind; id: string };
  reference: Reference;
  target: Exclude<TargetState, "live">;
}

/** Reads and writes reference rows of one database. */
export class ReferenceRows {
  constructor(private readonly db: Db) {}

  async stateOf(kind: EntityKind, id: string): Promise<TargetState> {
    const row = await this.db.get<{ deleted: number | boolean }>(
      "SELECT deleted_at IS NOT NULL AS deleted FROM entity WHERE kind = ? AND id = ?",
      kind,
      id,
    );
    return row === undefined ? "missing" : row.deleted ? "deleted" : "live";
  }

  /** The references of a record that do not lead to a live entity. */
  async brokenOf(from: { kind: EntityKind; id: string }, record: unknown): Promise<BrokenReference[]> {
    const broken: BrokenReference[] = [];
    for (const reference of referencesOf(from.kind, record)) {
      const target = await this.stateOf(reference.toKind, reference.toId);
      if (target !== "live") broken.push({ from, reference, target });
    }
    return broken;
  }

  /**
   * Rewrites an entity's reference rows from its record (none for null: a soft-deleted entity points nowhere).
   * Returns the references that do not lead to a live entity, writing nothing if there is any: the caller refuses.
   */
  async write(from: { kind: EntityKind; id: string }, record: unknown): Promise<BrokenReference[]> {
    const broken = record === null ? [] : await this.brokenOf(from, record);
    if (broken.length > 0) return broken;
    await this.db.run("DELETE FROM reference WHERE from_kind = ? AND from_id = ?", from.kind, from.id);
    if (record !== null)
      for (const r of referencesOf(from.kind, record))
        await this.db.run(
          `INSERT INTO reference (from_kind, from_id, relation, to_kind, to_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          from.kind,
          from.id,
          r.relation,
          r.toKind,
          r.toId,
        );
    return [];
  }
}
