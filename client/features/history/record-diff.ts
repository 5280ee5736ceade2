/** The fields that differ between two versions of a record (either may be absent), in reading order. */
import { fieldValue, RECORD_FIELDS } from "../registration/field-format";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function recordDiff(before: unknown, after: unknown): FieldChange[] {
  const known: string[] = [...RECORD_FIELDS];
  // Fields the form does not know (added later) still show, after the known ones.
  const extra = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of known) extra.delete(field.split(".")[0] as string);
  extra.delete("id");
  return [...known, ...extra]
    .map((field) => ({ field, before: fieldValue(before, field), after: fieldValue(after, field) }))
    .filter((c) => !same(c.before, c.after));
}
