/**
 * The fields that differ between two versions of a record, as dotted paths one level into objects ("summary.sv").
 * Records are JSON documents, so comparing their JSON is exact; a missing record counts as all its fields missing.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedFields(before: unknown, after: unknown): string[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (same(a[key], b[key])) continue;
    if (isObject(a[key]) || isObject(b[key])) {
      // One level down ("summary.sv"), as the forms and the history name their fields.
      for (const sub of changedFields(a[key], b[key])) fields.push(`${key}.${sub.split(".")[0]}`);
    } else fields.push(key);
  }
  return [...new Set(fields)];
}
