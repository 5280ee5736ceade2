/**
 * The lock a running server holds on its store: a file beside the database naming the server's process. A restore
 * refuses while a live process holds it (replacing the file under a running server would leave it serving, and
 * writing, the old one). A lock left by a process that died is stale and ignored.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";

export const lockPathOf = (databasePath: string): string => `${databasePath}.lock`;

export class StoreLockedError extends Error {
  override name = "StoreLockedError";
}

interface LockContent {
  pid: number;
  /** Tells two servers of one process apart, so one closing does not free the other's lock. */
  instance: string;
  since: string;
}

/** The live process holding the store's lock, or undefined if none does (no lock, or a stale one). */
export function lockHolder(databasePath: string): LockContent | undefined {
  let content: LockContent;
  try {
    content = JSON.parse(readFileSync(lockPathOf(databasePath), "utf8")) as LockContent;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(content.pid)) return undefined;
  try {
    process.kill(content.pid, 0);
    return content;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the store.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? content : undefined;
  }
}

/** Takes the lock for this process, or throws naming the live process that holds it. Returns its release. */
export function takeStoreLock(databasePath: string): () => void {
  const holder = lockHolder(databasePath);
  if (holder && holder.pid !== process.pid) {
    throw new StoreLockedError(
      `Another server (process ${holder.pid}, since ${holder.since}) holds ${databasePath}; stop it first` +
        ` (or, if no server runs, delete ${lockPathOf(databasePath)}).`,
    );
  }
  const mine: LockContent = { pid: process.pid, instance: randomUUID(), since: new Date().toISOString() };
  writeFileSync(lockPathOf(databasePath), JSON.stringify(mine));
  return () => {
    try {
      const now = JSON.parse(readFileSync(lockPathOf(databasePath), "utf8")) as LockContent;
      if (now.instance === mine.instance) rmSync(lockPathOf(databasePath), { force: true });
    } catch {
      // Already gone.
    }
  };
}
