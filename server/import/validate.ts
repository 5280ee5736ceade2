/**
 * Validates import records with the shared schemas and against what the database already holds: every field, no id
 * twice in the import, no soft-deleted entity, every reference (län, topic, skill, organisation, funding call)
 * resolving to a live entity in the database or the import (the references are those the store writes:
 * store/references.ts). Collects every problem, each with file, line and column; throws if there is any.
 */
import type { z } from "zod";
import { EventSchema } from "../../shared/schema/event";
import { FundingCallSchema } from "../../shared/schema/funding-call";
import { OrganisationSchema } from "../../shared/schema/organisation";
import { ProjectSchema } from "../../shared/schema/project";
import { ENTITY_KIND_NOUNS, type EntityKind } from "../store/entity-kind";
import { referencesOf } from "../store/references";
import { ImportError, type ImportIssue, type ImportPart, type ImportRecord, issueAt, PART_NOUN } from "./records";

const SCHEMAS = {
  organisations: OrganisationSchema,
  fundingCalls: FundingCallSchema,
  projects: ProjectSchema,
  events: EventSchema,
};
export type ImportEntity =
  | { part: "organisations"; record: z.infer<typeof OrganisationSchema> }
  | { part: "fundingCalls"; record: z.infer<typeof FundingCallSchema> }
  | { part: "projects"; record: z.infer<typeof ProjectSchema> }
  | { part: "events"; record: z.infer<typeof EventSchema> };

export const KIND_OF: Record<ImportPart, EntityKind> = {
  organisations: "organisation",
  fundingCalls: "funding-call",
  projects: "project",
  events: "event",
};

export interface ValidEntity {
  entity: ImportEntity;
  source: ImportRecord;
}

/** The ids of every entity in the database, by kind: live, and soft-deleted (nothing may refer to those). */
export interface ExistingIds {
  live: ReadonlyMap<EntityKind, ReadonlySet<string>>;
  deleted: ReadonlyMap<EntityKind, ReadonlySet<string>>;
}

const NOUN = ENTITY_KIND_NOUNS;

/** Why an import may not name a soft-deleted entity, and what to do instead. */
export const deletedMessage = (kind: EntityKind, id: string): string =>
  `${NOUN[kind]} "${id}" was deleted; an import does not bring it back: restore it first (Borttagna / Deleted in the app, as a coordinator), or leave it out of the import`;

/**
 * Returns the validated entities, or throws an ImportError with every problem: `earlier` (what reading the files
 * found) and those found here.
 */
export function validateImport(
  records: readonly ImportRecord[],
  existing: ExistingIds,
  earlier: readonly ImportIssue[] = [],
): ValidEntity[] {
  const issues: ImportIssue[] = [...earlier];
  const valid: ValidEntity[] = [];
  for (const source of records) {
    const schema = SCHEMAS[source.part];
    const id = typeof source.raw.id === "string" ? ` "${source.raw.id}"` : "";
    const who = `${PART_NOUN[source.part]}${id}`;
    const known = Object.keys(schema.shape);
    for (const key of Object.keys(source.raw)) {
      if (!known.includes(key)) {
        const { position, field } = source.locate([key]);
        issues.push(issueAt(source.file, position, `${who}, ${field}: unknown field (known: ${known.join(", ")})`));
      }
    }
    const result = schema.safeParse(source.raw);
    if (!result.success || source.unreadable?.size) {
      for (const issue of result.error?.issues ?? []) {
        if (source.unreadable?.has(String(issue.path[0]))) continue;
        const { position, field } = source.locate(issue.path);
        issues.push(issueAt(source.file, position, `${who}, ${field}: ${issue.message}`));
      }
      continue;
    }
    valid.push({ entity: { part: source.part, record: result.data } as ImportEntity, source });
  }

  const seen = new Map<string, ImportRecord>();
  const imported = new Map<EntityKind, Set<string>>();
  for (const { entity, source } of valid) {
    const kind = KIND_OF[entity.part];
    const key = `${kind}:${entity.record.id}`;
    const first = seen.get(key);
    if (first) {
      const { position } = source.locate(["id"]);
      const at = `${first.file}:${first.position.line}`;
      issues.push(
        issueAt(
          source.file,
          position,
          `${PART_NOUN[entity.part]} "${entity.record.id}": duplicate id (first at ${at})`,
        ),
      );
    } else seen.set(key, source);
    if (!imported.has(kind)) imported.set(kind, new Set());
    imported.get(kind)?.add(entity.record.id);
  }

  for (const { entity, source } of valid) {
    for (const [field, value] of Object.entries(entity.record)) {
      if (!Array.isArray(value)) continue;
      value.forEach((item, index) => {
        if (value.indexOf(item) === index) return;
        const { position, field: name } = source.locate([field, index]);
        const message = `${PART_NOUN[entity.part]} "${entity.record.id}", ${name}: ${JSON.stringify(item)} is listed twice`;
        issues.push(issueAt(source.file, position, message));
      });
    }
  }

  // A deleted entity comes back by a restore, with its history, never silently by an import.
  const isDeleted = (kind: EntityKind, id: string) => existing.deleted.get(kind)?.has(id) === true;
  for (const { entity, source } of valid) {
    const kind = KIND_OF[entity.part];
    if (!isDeleted(kind, entity.record.id)) continue;
    const { position } = source.locate(["id"]);
    issues.push(issueAt(source.file, position, deletedMessage(kind, entity.record.id)));
  }

  const exists = (kind: EntityKind, id: string) =>
    existing.live.get(kind)?.has(id) || (imported.get(kind)?.has(id) && !isDeleted(kind, id));
  for (const { entity, source } of valid) {
    for (const reference of referencesOf(KIND_OF[entity.part], entity.record)) {
      const { toKind: kind, toId: ref } = reference;
      if (exists(kind, ref)) continue;
      const { position, field: name } = source.locate(reference.path);
      const problem = isDeleted(kind, ref)
        ? `${NOUN[kind]} "${ref}" was deleted (restore it first, or refer to another)`
        : `unknown ${NOUN[kind]} "${ref}" (not in the database nor in this import)`;
      issues.push(
        issueAt(source.file, position, `${PART_NOUN[entity.part]} "${entity.record.id}", ${name}: ${problem}`),
      );
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return valid;
}
