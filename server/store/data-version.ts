/** The data version: one number in the meta table that every write moves, so caches keyed by it know when to refresh. */
import type { Db } from "./database";

export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'data_version'");
  return Number(row?.value ?? 0);
}

/** Adds one to the data version; call inside the write's transaction. Returns the new version. */
export async function bumpDataVersion(db: Db): Promise<number> {
  const next = (await readDataVersion(db)) + 1;
  await db.run(
    "INSERT INTO meta (key, value) VALUES ('data_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    String(next),
  );
  return next;
}
