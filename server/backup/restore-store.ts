/**
 * Replaces the store with a checked backup, keeping the file it replaces beside it (`….before-restore-TIME`). Refused
 * while a server holds the store (its lock, store-lock.ts). The previous store is first checkpointed, so that the
 * file kept is whole without its WAL; the backup is copied in under a temporary name and renamed into place, so the
 * store is at every moment either the old file or the new one.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { type CheckedBackup, checkBackup } from "./check-backup";
import { lockHolder, lockPathOf, StoreLockedError } from "./store-lock";

export interface RestoreResult extends CheckedBackup {
  /** Where the replaced store was kept (undefined if there was none). */
  previous: string | undefined;
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

/** Folds the WAL into the main file so that the file alone is the whole store. A damaged store is moved as it is. */
function checkpoint(path: string): void {
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
  } catch {
    // Unreadable: its WAL and shared-memory files are kept beside it under the same name.
  }
}

export async function restoreStore(file: string, databasePath: string, now = new Date()): Promise<RestoreResult> {
  const refuseIfHeld = () => {
    const holder = lockHolder(databasePath);
    if (holder) {
      throw new StoreLockedError(
        `A server (process ${holder.pid}, since ${holder.since}) holds ${databasePath}: stop it, then restore` +
          ` (if no server runs, delete ${lockPathOf(databasePath)}).`,
      );
    }
  };
  refuseIfHeld();
  const checked = await checkBackup(file);
  // Checking a large store takes seconds: a server may have started meanwhile.
  refuseIfHeld();
  const incoming = `${databasePath}.restoring`;
  copyFileSync(file, incoming);
  let previous: string | undefined;
  if (existsSync(databasePath)) {
    checkpoint(databasePath);
    previous = `${databasePath}.before-restore-${stamp(now)}`;
    for (const suffix of ["-wal", "-shm"]) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, previous + suffix);
    }
    renameSync(databasePath, previous);
  }
  renameSync(incoming, databasePath);
  for (const suffix of ["-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
  // The saved read model beside it (live/saved-model.ts) was the old store's: its key would refuse it, but a restored
  // backup written to again could come to the same counters; the next start builds and saves it afresh.
  rmSync(`${databasePath}.readmodel`, { force: true });
  return { ...checked, previous };
}
