/**
 * A backup of a PostgreSQL store by its own tool: `pg_dump --format=custom`, which reads one snapshot, so the dump is
 * consistent while instances write (tests/integration/postgres/pg-dump.test.ts). Written under a temporary name and
 * renamed when pg_dump has finished; readable by its owner only (it holds accounts). The password travels in
 * PGPASSWORD, never on pg_dump's command line, where other users of the machine could read it.
 */
import { execFile } from "node:child_process";
import { chmodSync, renameSync, rmSync, statSync } from "node:fs";
import { promisify } from "node:util";
import { readDataVersion } from "../store/data-version";
import { type Db, schemaVersion } from "../store/database";
import type { BackupResult } from "./take-backup";

const run = promisify(execFile);

/** `url` without its password, and the password for PGPASSWORD. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  return { url: parsed.toString(), password };
}

export async function takePgDump(db: Db, databaseUrl: string, out: string, pgDump = "pg_dump"): Promise<BackupResult> {
  const started = performance.now();
  // The dump's snapshot is taken after this read, so it holds this data version or a later one.
  const dataVersion = await readDataVersion(db);
  const { url, password } = splitPassword(databaseUrl);
  const partial = `${out}.partial`;
  try {
    await run(pgDump, ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${url}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    });
    chmodSync(partial, 0o600);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`pg_dump failed: ${message.replaceAll(databaseUrl, "(DATABASE_URL)")}`);
  }
  return {
    file: out,
    bytes: statSync(out).size,
    dataVersion,
    schemaVersion: await schemaVersion(db),
    ms: performance.now() - started,
  };
}
