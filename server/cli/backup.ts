/**
 * `npm run backup -- --out FILE`: a consistent copy of DATABASE_PATH, taken by SQLite's online backup while a server
 * may be serving and writing it (see backup/take-backup.ts). The copy holds accounts: keep it where only you can read.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type BackupResult, takeBackup } from "../backup/take-backup";
import { readEnv } from "../env";

export const USAGE = "Usage: npm run backup -- --out FILE";

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseBackupArgs(argv: readonly string[]): { out: string } {
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ args: [...argv], options: { out: { type: "string" } }, strict: true }).values);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!out) throw new UsageError(`--out FILE is required.\n${USAGE}`);
  return { out: resolve(out) };
}

export const describeBackup = (source: string, result: BackupResult): string =>
  `Backed up ${source} to ${result.file}: data version ${result.dataVersion}, schema version ` +
  `${result.schemaVersion}, ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s.`;

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { out } = parseBackupArgs(process.argv.slice(2));
    const env = readEnv();
    // A PostgreSQL database has its own tools, which copy a live database consistently (docs/production.md).
    if (env.DATABASE_URL)
      throw new UsageError(
        "DATABASE_URL is set: back up and restore PostgreSQL with pg_dump --format=custom and pg_restore (docs/production.md).",
      );
    const source = env.DATABASE_PATH;
    console.log(describeBackup(source, await takeBackup(source, out)));
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
