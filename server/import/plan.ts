/**
 * The preview of an import: for each valid record, whether it would create an entity, change one (and which fields),
 * or leave it as it is; and how many stored entities the import does not mention (left alone: imports never delete).
 * Records are compared by content, key order aside, so importing the same file twice changes nothing.
 */
import type { EntityKind } from "../store/entity-kind";
import type { EntityWrite } from "../store/import-entities";
import { PART_NOUN } from "./records";
import { KIND_OF, type ValidEntity } from "./validate";

export type Change =
  | { action: "create"; write: EntityWrite; where: string }
  | { action: "change"; write: EntityWrite; where: string; fields: string[] }
  | { action: "unchanged"; write: EntityWrite; where: string };

export interface ImportPlan {
  changes: Change[];
  counts: Record<"create" | "change" | "unchanged", number>;
  /** Stored organisations, funding calls and projects the import does not mention. */
  leftAlone: number;
  dataVersion: number;
}

/** JSON with object keys sorted, so two records with the same content compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function planImport(
  valid: readonly ValidEntity[],
  stored: (kind: EntityKind, id: string) => string | undefined,
  storedCount: number,
  dataVersion: number,
): ImportPlan {
  const changes: Change[] = [];
  for (const { entity, source } of valid) {
    const write = { kind: KIND_OF[entity.part], record: entity.record } as EntityWrite;
    const where = `${source.file}:${source.position.line}`;
    const before = stored(write.kind, entity.record.id);
    if (before === undefined) {
      changes.push({ action: "create", write, where });
      continue;
    }
    const old = JSON.parse(before) as Record<string, unknown>;
    const now = entity.record as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])]
      .filter((k) => canonical(old[k]) !== canonical(now[k]))
      .sort();
    changes.push(
      fields.length === 0 ? { action: "unchanged", write, where } : { action: "change", write, where, fields },
    );
  }
  const counts = { create: 0, change: 0, unchanged: 0 };
  for (const c of changes) counts[c.action]++;
  const mentioned = new Set(changes.map((c) => `${c.write.kind}:${c.write.record.id}`)).size;
  return { changes, counts, leftAlone: storedCount - (mentioned - counts.create), dataVersion };
}

/** The preview as lines of text: totals, then each creation and change. */
export function describePlan(plan: ImportPlan): string[] {
  const noun = (kind: EntityKind) =>
    kind === "funding-call"
      ? PART_NOUN.fundingCalls
      : kind === "organisation"
        ? PART_NOUN.organisations
        : kind === "event"
          ? PART_NOUN.events
          : PART_NOUN.projects;
  const lines = [
    `${plan.counts.create} to create, ${plan.counts.change} to change, ${plan.counts.unchanged} unchanged; ` +
      `${plan.leftAlone} other stored organisations, funding calls, projects and events left alone (imports never delete)`,
  ];
  for (const c of plan.changes) {
    if (c.action === "create") lines.push(`  create ${noun(c.write.kind)} "${c.write.record.id}" (${c.where})`);
    if (c.action === "change")
      lines.push(`  change ${noun(c.write.kind)} "${c.write.record.id}": ${c.fields.join(", ")} (${c.where})`);
  }
  return lines;
}
