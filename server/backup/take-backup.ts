/**
 * A consistent copy of the store while the server serves and writes, by SQLite's online backup API (better-sqlite3
 * `db.backup()`), never a file copy: a copy of the file (and its WAL) taken during a write can be torn. The copy is
 * written beside the target under a temporary name and renamed when complete, so a half-written backup never looks
 * like a backup. Backups hold accounts (e-mail addresses, password hashes): they are made readable by the owner only.
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import type { Db } from "../store/database";

export interface BackupResult {
  file: string;
  bytes: number;
  /** The data version the copy holds. */
  dataVersion: number;
  schemaVersion: number;
  ms: number;
}

const ALL_PAGES = 0x7fffffff;

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Copies `source` (an open connection, as the server's, or a path, opened read-only) into `out`, which must not exist.
 * From the server's own connection the copy runs in steps between requests (SQLite carries that connection's writes
 * into the copy as it goes); from another connection, in one step under one read transaction, since a write by
 * another connection would restart a stepped copy, possibly forever during a burst of writes.
 */
export async function takeBackup(source: Db | string, out: string): Promise<BackupResult> {
  if (existsSync(out)) throw new BackupError(`--out ${out}: the file exists; choose a new name.`);
  const started = performance.now();
  const own = typeof source === "string";
  if (own && !existsSync(source)) throw new BackupError(`No store at ${source} (DATABASE_PATH).`);
  const db = own ? new Database(source, { readonly: true, fileMustExist: true }) : source.sqlite;
  if (!db) throw new BackupError("This store is PostgreSQL: back it up with pg_dump (docs/production.md).");
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    // better-sqlite3 caps a step at 2^31 − 1 pages (0 would copy nothing, forever): that is "all of it at once".
    await db.backup(partial, own ? { progress: () => ALL_PAGES } : undefined);
    chmodSync(partial, 0o600);
    // The copy inherits WAL mode; as a rollback-journal file it is whole by itself, and a reader leaves no -wal
    // beside it (the server switches back to WAL when it opens a restored store). Then read what the copy holds from
    // the copy itself: that, not the source's version now, is what it restores.
    const copy = new Database(partial);
    let dataVersion: number;
    let schemaVersion: number;
    try {
      copy.pragma("journal_mode = DELETE");
      const row = copy.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as
        | { value: string }
        | undefined;
      dataVersion = Number(row?.value ?? 0);
      schemaVersion = copy.pragma("user_version", { simple: true }) as number;
    } finally {
      copy.close();
    }
    renameSync(partial, out);
    return { file: out, bytes: statSync(out).size, dataVersion, schemaVersion, ms: performance.now() - started };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (own) db.close();
  }
}
