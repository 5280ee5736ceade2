/** The data version: one number in the meta table that every write moves, so caches keyed by it know when to refresh. */
import type { Db } from "./database";

export function readDataVersion(db: Db): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string } | undefined;
  return Number(row?.value ?? 0);
}

/** Adds one to the data version; call inside the write's transaction. Returns the new version. */
export function bumpDataVersion(db: Db): number {
  const next = readDataVersion(db) + 1;
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('data_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(String(next));
  return next;
}
