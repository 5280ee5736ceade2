/**
 * Record fields as people read them: each field's label and its value in words (topic, skill, län and organisation
 * ids become their names). Used by the review queue and the history's before → after table.
 */
import type { TFunction } from "i18next";
import type { GraphNode } from "../../../shared/schema/graph";
import type { Lang } from "../../state/url-state";

/** Every field a project or organisation record can have, in reading order. */
export const RECORD_FIELDS = [
  "name",
  "kind",
  "summary.sv",
  "summary.en",
  "status",
  "startYear",
  "endYear",
  "topics",
  "skillsNeeded",
  "skills",
  "regions",
  "national",
  "lead",
  "partners",
  "fundingCall",
  "website",
  "sources",
] as const;

const LABEL_KEY: Record<string, string> = { "summary.sv": "summarySv", "summary.en": "summaryEn" };
/** Which node kind an id field refers to. */
const REFERS_TO: Record<string, string> = {
  topics: "topic",
  skills: "skill",
  skillsNeeded: "skill",
  regions: "region",
  lead: "organisation",
  partners: "organisation",
};

export type NodeName = (key: string) => string | undefined;

export function nodeNames(nodes: readonly GraphNode[] | undefined, lang: Lang): NodeName {
  const names = new Map((nodes ?? []).map((n) => [n.key, n.label[lang]]));
  return (key) => names.get(key);
}

export const fieldLabel = (field: string, t: TFunction): string => t(`registration.field.${LABEL_KEY[field] ?? field}`);

/** The value at a dotted path ("summary.sv"). */
export function fieldValue(record: unknown, field: string): unknown {
  let value: unknown = record;
  for (const part of field.split(".")) value = (value as Record<string, unknown> | null | undefined)?.[part];
  return value;
}

export function fieldText(field: string, value: unknown, t: TFunction, name: NodeName): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return t("history.blank");
  const refers = REFERS_TO[field];
  const one = (v: unknown) => (refers ? (name(`${refers}:${String(v)}`) ?? String(v)) : String(v));
  if (Array.isArray(value)) return value.map(one).join(", ");
  if (typeof value === "boolean") return value ? t("registration.yes") : t("registration.no");
  if (field === "status") return t(`status.${String(value)}`);
  if (field === "kind") return t(`orgKind.${String(value)}`);
  return one(value);
}
