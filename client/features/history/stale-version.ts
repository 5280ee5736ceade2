/**
 * A write refused because the record changed meanwhile (409 with `data.stale`, see shared/schema/editable.ts): how to
 * recognise it, how to say it, and how to put one's own changes on top of the current version ("keep my changes").
 */
import { TRPCClientError } from "@trpc/client";
import type { TFunction } from "i18next";
import { changedFields } from "../../../shared/changed-fields";
import type { StaleVersion } from "../../../shared/schema/editable";
import { fieldLabel } from "../registration/field-format";

export function staleOf(error: unknown): StaleVersion | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { stale?: StaleVersion } | undefined)?.stale;
}

export const fieldList = (fields: readonly string[], t: TFunction): string =>
  fields.map((f) => fieldLabel(f, t)).join(", ");

/** "Olle ändrade: Namn, Ämnen." */
export function staleDescription(stale: StaleVersion, t: TFunction): string {
  const who = stale.changedBy.join(", ") || t("versions.someone");
  if (stale.current === null) return t("versions.deletedMeanwhile", { who });
  if (stale.changedFields.length === 0) return t("versions.changedNoFields", { who });
  return t("versions.changedFields", { who, fields: fieldList(stale.changedFields, t) });
}

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const [head, sub] = path.split(".") as [string, string | undefined];
  if (sub === undefined) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const inner = { ...((target[head] as Record<string, unknown> | undefined) ?? {}) };
  setPath(inner, sub, value);
  target[head] = inner;
};

const valueAt = (record: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], record);

/**
 * The current record with the fields I changed (from `base`, the version I started from, to `mine`) put back on top:
 * their other changes are kept, mine win where both changed the same field.
 */
export function keepMine<R extends object>(base: R, mine: R, current: R): { merged: R; mine: string[] } {
  const fields = changedFields(base, mine);
  const merged = structuredClone(current) as Record<string, unknown>;
  for (const field of fields) setPath(merged, field, valueAt(mine as Record<string, unknown>, field));
  return { merged: merged as R, mine: fields };
}
