/**
 * Backups the server takes by itself (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP): one every interval, named by time and
 * data version, keeping the newest BACKUP_KEEP and deleting older ones. Only files this schedule names are ever
 * deleted. On SQLite the copy is SQLite's online backup from the server's own connection (`.db`); on PostgreSQL it is
 * pg_dump (`.dump`), taken by the one instance that holds the job lease.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readDataVersion } from "../store/data-version";
import type { Db } from "../store/database";
import { type BackupResult, takeBackup } from "./take-backup";
import { takePgDump } from "./take-pg-dump";

export interface BackupScheduleOptions {
  dir: string;
  everyMs: number;
  keep: number;
  log: { info(fields: object, message: string): void; error(fields: object, message: string): void };
  /** PostgreSQL: the database to dump, and the pg_dump to run (PG_DUMP). */
  postgres?: { url: string; pgDump: string };
}

/**
 * partnerkartan-20261207T031500123Z-v42.db (time to the millisecond, then the data version it holds; `.dump` for
 * PostgreSQL): sorts by time.
 */
const BACKUP_NAME = /^partnerkartan-\d{8}T\d{9}Z-v\d+\.(db|dump)$/;

export const backupNameAt = (date: Date, dataVersion: number, extension: "db" | "dump" = "db"): string =>
  `partnerkartan-${date.toISOString().replace(/[-:.]/g, "")}-v${dataVersion}.${extension}`;

/** Deletes all but the newest `keep` scheduled backups in `dir`; returns the names deleted. */
export function rotateBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<BackupResult | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: BackupScheduleOptions,
  ) {}

  start(): void {
    mkdirSync(this.options.dir, { recursive: true });
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.runOnce(), this.options.everyMs);
    this.timer.unref();
  }

  /** Takes one backup now and rotates (a second call while one runs waits for that one). */
  runOnce(): Promise<BackupResult | undefined> {
    this.running ??= this.take().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async take(): Promise<BackupResult | undefined> {
    const { dir, keep, log, postgres } = this.options;
    try {
      const at = new Date();
      if (postgres) {
        const dumped = await takePgDump(
          this.db,
          postgres.url,
          join(dir, `${backupNameAt(at, 0, "dump")}.taking`),
          postgres.pgDump,
        );
        const file = join(dir, backupNameAt(at, dumped.dataVersion, "dump"));
        renameSync(dumped.file, file);
        const deleted = rotateBackups(dir, keep);
        log.info(
          { file, bytes: dumped.bytes, dataVersion: dumped.dataVersion, ms: Math.round(dumped.ms), deleted },
          "backup written",
        );
        return { ...dumped, file };
      }
      // Named once complete: the copy holds the version of its last step, which writes meanwhile may have moved.
      const taken = await takeBackup(this.db, join(dir, `${backupNameAt(at, await readDataVersion(this.db))}.taking`));
      const file = join(dir, backupNameAt(at, taken.dataVersion));
      renameSync(taken.file, file);
      const result = { ...taken, file };
      const deleted = rotateBackups(dir, keep);
      log.info(
        { file: result.file, bytes: result.bytes, dataVersion: result.dataVersion, ms: Math.round(result.ms), deleted },
        "backup written",
      );
      return result;
    } catch (error) {
      log.error({ err: error }, "backup failed");
      return undefined;
    }
  }

  /** Stops the schedule and waits for a backup in progress, so the store is not closed under it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
